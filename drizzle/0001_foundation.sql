CREATE TABLE "award_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"issuer_org_unit_id" uuid,
	"issuer_name" text,
	"year" integer NOT NULL,
	"award_code" text NOT NULL,
	"field" text,
	"decision_id" uuid,
	"decision_number" text,
	"decision_date" date,
	"amount" integer,
	"source" text NOT NULL,
	"revoked_at" date,
	"revocation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_cluster_members" (
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"organiser_id" uuid NOT NULL,
	"head_id" uuid,
	"deputy_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"legal_basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"place_name" text,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"province_code" text NOT NULL,
	"path" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"member_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disciplines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"form" text NOT NULL,
	"decided_on" date,
	"from_date" date,
	"to_date" date,
	"pending" boolean DEFAULT false NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"position" text,
	"staff_category" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"head_name" text NOT NULL,
	"address" text,
	"org_unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"recognized_on" date NOT NULL,
	"decision_ref" text
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"name_sort_key" text NOT NULL,
	"name_search" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date,
	"citizen_id" text,
	"org_unit_id" uuid NOT NULL,
	"position" text,
	"staff_category" text NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"province_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"org_unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"count" bigserial NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"org_unit_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"correlation_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"person_id" uuid,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"created_by" uuid,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_published" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"encoding" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_staging" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "award_records_person" ON "award_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "award_records_org_year" ON "award_records" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "award_records_issuer_year" ON "award_records" USING btree ("issuer_org_unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_cluster_members_pk" ON "emulation_cluster_members" USING btree ("cluster_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_clusters_name_year" ON "emulation_clusters" USING btree ("name","year");--> statement-breakpoint
CREATE INDEX "org_events_successor" ON "org_events" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "org_events_predecessor" ON "org_events" USING btree ("predecessor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_valid_from" ON "org_units" USING btree ("code","valid_from");--> statement-breakpoint
CREATE INDEX "org_units_parent" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_path" ON "org_units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "absences_person" ON "absences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "disciplines_person" ON "disciplines" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "employments_person" ON "employments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "employments_org" ON "employments" USING btree ("org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_code" ON "households" USING btree ("code");--> statement-breakpoint
CREATE INDEX "households_org" ON "households" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "initiatives_person" ON "initiatives" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_code" ON "people" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "people_citizen_id" ON "people" USING btree ("citizen_id") WHERE "people"."citizen_id" is not null;--> statement-breakpoint
CREATE INDEX "people_org_sort" ON "people" USING btree ("org_unit_id","name_sort_key","id");--> statement-breakpoint
CREATE INDEX "people_sort" ON "people" USING btree ("name_sort_key","id");--> statement-breakpoint
CREATE INDEX "people_name_trgm" ON "people" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_person_year" ON "ratings" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "audit_log_chain_seq" ON "audit_log" USING btree ("chain","seq");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "import_staging_job" ON "import_staging" USING btree ("job_id","row_no");