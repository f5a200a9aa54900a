CREATE TABLE "covenant_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"covenant_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"content" text NOT NULL,
	"indicator" text,
	"assessment" text,
	"assessment_note" text,
	"assessed_on" date,
	"assessed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "emulation_covenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"signed_on" date NOT NULL,
	"document_ref" text,
	"party_org_unit_ids" jsonb NOT NULL,
	"conference_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"fields" jsonb NOT NULL,
	"launch_document" text,
	"launched_on" date,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"parent_movement_id" uuid,
	"participant_org_unit_ids" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"owner_org_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"measure" text NOT NULL,
	"target_value" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"held_on" date NOT NULL,
	"last_year_review" text DEFAULT '' NOT NULL,
	"movement_ids" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"value" numeric NOT NULL,
	"note" text,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "title_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"body_org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"subject_org_unit_id" uuid,
	"subject_name" text NOT NULL,
	"award_code" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"return_reason" text,
	"conference_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "covenant_articles_covenant" ON "covenant_articles" USING btree ("covenant_id");--> statement-breakpoint
CREATE INDEX "emulation_covenants_org_year" ON "emulation_covenants" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "emulation_movements_org_year" ON "emulation_movements" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "movement_targets_movement" ON "movement_targets" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "staff_conferences_org_year" ON "staff_conferences" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "target_progress_target" ON "target_progress" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "title_registrations_body_year" ON "title_registrations" USING btree ("body_org_unit_id","year");--> statement-breakpoint
CREATE INDEX "title_registrations_org_year" ON "title_registrations" USING btree ("org_unit_id","year");