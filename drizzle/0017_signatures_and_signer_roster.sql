CREATE TABLE "signer_roster" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trusted_roots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"common_name" text,
	"sha256" text NOT NULL,
	"pem" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"note" text,
	"installed_by" uuid,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "signature_check" jsonb;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "signer_roster_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "signer_role" text;--> statement-breakpoint
CREATE INDEX "signer_roster_org" ON "signer_roster" USING btree ("org_unit_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "trusted_roots_sha256" ON "trusted_roots" USING btree ("sha256");