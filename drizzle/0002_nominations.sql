CREATE TABLE "nomination_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"part" text NOT NULL,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"display_name" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"body_org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"subject_org_unit_id" uuid,
	"subject_name" text NOT NULL,
	"subject_sort_key" text NOT NULL,
	"subject_search" text NOT NULL,
	"award_code" text NOT NULL,
	"movement_id" uuid,
	"field" text,
	"achievement_summary" text DEFAULT '' NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"verdict" jsonb,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"forwarded_to" text,
	"result_awarded" boolean,
	"result_note" text,
	"decision_id" uuid,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posting_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"posting_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"nomination_id" uuid,
	"author_name" text NOT NULL,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"nomination_ids" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "nomination_attachments_nomination" ON "nomination_attachments" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "nominations_body_year_status" ON "nominations" USING btree ("body_org_unit_id","year","status","subject_sort_key","id");--> statement-breakpoint
CREATE INDEX "nominations_org_year" ON "nominations" USING btree ("org_unit_id","year","subject_sort_key","id");--> statement-breakpoint
CREATE INDEX "nominations_person_year" ON "nominations" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "nominations_subject_org_year" ON "nominations" USING btree ("subject_org_unit_id","year");--> statement-breakpoint
CREATE INDEX "nominations_movement" ON "nominations" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "nominations_subject_trgm" ON "nominations" USING gin ("subject_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "posting_comments_posting" ON "posting_comments" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "public_postings_org_year" ON "public_postings" USING btree ("org_unit_id","year");--> statement-breakpoint
ALTER TABLE "audit_chain_heads" DROP COLUMN "count";