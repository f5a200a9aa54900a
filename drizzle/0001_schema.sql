CREATE TABLE "cluster_covenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"signed_on" date,
	"place" text,
	"document_ref" text,
	"articles" jsonb NOT NULL,
	"signatories" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_criteria_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"max_total" double precision NOT NULL,
	"groups" jsonb NOT NULL,
	"copied_from_cluster_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_base64" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_member_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"public_key_pem" text NOT NULL,
	"fingerprint" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cluster_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"ranking" jsonb NOT NULL,
	"ranked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmation" jsonb,
	"confirmed_at" timestamp with time zone,
	"proposals" jsonb,
	"proposed_at" timestamp with time zone,
	"source" text DEFAULT 'direct' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"round" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"target_org_unit_id" uuid NOT NULL,
	"sheet" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"source" text DEFAULT 'direct' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"report_text" text,
	"report_ref" text,
	"report_file_id" uuid,
	"source" text DEFAULT 'direct' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"request_letter_number" text,
	"request_letter_date" date,
	"request_letter_summary" text,
	"report_deadline" timestamp with time zone,
	"scoring_deadline" timestamp with time zone,
	"method" text DEFAULT 'mean' NOT NULL,
	"trim_count" integer DEFAULT 1 NOT NULL,
	"missing_scores" text DEFAULT 'exclude' NOT NULL,
	"tie_break" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flag_count" integer DEFAULT 1 NOT NULL,
	"diploma_count" integer DEFAULT 2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"subject_name" text NOT NULL,
	"award_code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"vote_required" boolean,
	"min_approval_ratio" double precision,
	"denominator" text,
	"rule_citation" text,
	"eligible_voters" integer,
	"yes_count" integer,
	"no_count" integer,
	"abstain_count" integer,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "council_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"note" text,
	CONSTRAINT "council_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "council_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"choice" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text,
	"role" text NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_recusals" (
	"agenda_item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "council_recusals_agenda_item_id_member_id_pk" PRIMARY KEY("agenda_item_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "council_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"location" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"total_members" integer,
	"present_members" integer,
	"quorum_ratio" double precision,
	"conclusion" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_vote_marks" (
	"agenda_item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "council_vote_marks_agenda_item_id_member_id_pk" PRIMARY KEY("agenda_item_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "emulation_councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"established_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
	"decision_item_id" uuid,
	"decision_number" text,
	"decision_date" date,
	"amount" integer,
	"source" text NOT NULL,
	"amended_by_decision_id" uuid,
	"revoked_by_decision_id" uuid,
	"revoked_at" date,
	"revocation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"nomination_id" uuid,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"subject_org_unit_id" uuid,
	"subject_name" text NOT NULL,
	"award_code" text NOT NULL,
	"field" text,
	"position" integer NOT NULL,
	"amount" integer,
	"target_award_record_id" uuid,
	"recover_amount" integer
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"type_code" text DEFAULT 'QĐ' NOT NULL,
	"title" text NOT NULL,
	"award_code" text,
	"number" integer,
	"number_text" text,
	"number_source" text,
	"decision_date" date,
	"signer_name" text,
	"signer_title" text,
	"references_decision_id" uuid,
	"reason" text,
	"corrections" jsonb,
	"signed_file_sha256" text,
	"signed_file_name" text,
	"total_amount" bigint,
	"fund_override_reason" text,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "higher_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"addressee" text NOT NULL,
	"title" text NOT NULL,
	"number_text" text,
	"sent_on" date NOT NULL,
	"nomination_ids" jsonb NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"result" text,
	"result_decision_number" text,
	"result_date" date,
	"result_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"entry_date" date NOT NULL,
	"decision_id" uuid,
	"award_record_id" uuid,
	"note" text,
	"override_reason" text,
	"override_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"recurrent_spending" bigint,
	"cap_ratio" double precision NOT NULL,
	"movement_share" double precision DEFAULT 0.2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
	"months_worked" integer,
	"org_unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
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
	"chain_seq" bigint,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	"reauthenticated_at" timestamp with time zone
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
	"totp_last_step" bigint,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "document_number_counters" (
	"issuer_org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_number_counters_issuer_org_unit_id_year_series_pk" PRIMARY KEY("issuer_org_unit_id","year","series")
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"type_code" text NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "numbering_settings" (
	"issuer_org_unit_id" uuid PRIMARY KEY NOT NULL,
	"separate_by_type" boolean DEFAULT true NOT NULL,
	"issuer_symbol" text DEFAULT 'UBND' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "export_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"kind" text NOT NULL,
	"subject_person_id" uuid,
	"org_unit_id" uuid,
	"row_count" integer DEFAULT 0 NOT NULL,
	"correlation_id" text
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"record_type" text PRIMARY KEY NOT NULL,
	"keep_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_covenants_cluster" ON "cluster_covenants" USING btree ("cluster_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_criteria_tables_cluster" ON "cluster_criteria_tables" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "cluster_files_cluster_org" ON "cluster_files" USING btree ("cluster_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_member_keys_member" ON "cluster_member_keys" USING btree ("cluster_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_notifications_once" ON "cluster_notifications" USING btree ("cluster_id","org_unit_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_outcomes_cluster" ON "cluster_outcomes" USING btree ("cluster_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_scores_sheet" ON "cluster_scores" USING btree ("cluster_id","round","org_unit_id","target_org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_submissions_member" ON "cluster_submissions" USING btree ("cluster_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_years_cluster" ON "cluster_years" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "council_agenda_items_session" ON "council_agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "council_agenda_items_nomination" ON "council_agenda_items" USING btree ("session_id","nomination_id");--> statement-breakpoint
CREATE INDEX "council_ballots_item" ON "council_ballots" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "council_members_council" ON "council_members" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_members_user" ON "council_members" USING btree ("council_id","user_id");--> statement-breakpoint
CREATE INDEX "council_sessions_council" ON "council_sessions" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_councils_org_year" ON "emulation_councils" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "award_records_person" ON "award_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "award_records_org_year" ON "award_records" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "award_records_issuer_year" ON "award_records" USING btree ("issuer_org_unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "award_records_decision_item" ON "award_records" USING btree ("decision_item_id");--> statement-breakpoint
CREATE INDEX "award_records_decision" ON "award_records" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "award_records_household" ON "award_records" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "decision_items_decision" ON "decision_items" USING btree ("decision_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_items_nomination" ON "decision_items" USING btree ("decision_id","nomination_id");--> statement-breakpoint
CREATE INDEX "decisions_org_year" ON "decisions" USING btree ("org_unit_id","year","status");--> statement-breakpoint
CREATE INDEX "decisions_references" ON "decisions" USING btree ("references_decision_id");--> statement-breakpoint
CREATE INDEX "higher_proposals_org_year" ON "higher_proposals" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "fund_entries_fund" ON "fund_entries" USING btree ("fund_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_decision_expense" ON "fund_entries" USING btree ("decision_id") WHERE kind = 'reward_expense';--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_award_payment" ON "fund_entries" USING btree ("award_record_id") WHERE kind = 'payment';--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_award_reversal" ON "fund_entries" USING btree ("award_record_id") WHERE kind = 'expense_reversal';--> statement-breakpoint
CREATE UNIQUE INDEX "reward_funds_org_year" ON "reward_funds" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "import_staging_job" ON "import_staging" USING btree ("job_id","row_no");--> statement-breakpoint
CREATE INDEX "nomination_attachments_nomination" ON "nomination_attachments" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "nominations_body_year_status" ON "nominations" USING btree ("body_org_unit_id","year","status","subject_sort_key","id");--> statement-breakpoint
CREATE INDEX "nominations_org_year" ON "nominations" USING btree ("org_unit_id","year","subject_sort_key","id");--> statement-breakpoint
CREATE INDEX "nominations_person_year" ON "nominations" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "nominations_subject_org_year" ON "nominations" USING btree ("subject_org_unit_id","year");--> statement-breakpoint
CREATE INDEX "nominations_movement" ON "nominations" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "nominations_subject_trgm" ON "nominations" USING gin ("subject_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "posting_comments_posting" ON "posting_comments" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "public_postings_org_year" ON "public_postings" USING btree ("org_unit_id","year");--> statement-breakpoint
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
CREATE INDEX "recovery_codes_user" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_numbers_unique" ON "document_numbers" USING btree ("issuer_org_unit_id","year","series","number");--> statement-breakpoint
CREATE INDEX "document_numbers_entity" ON "document_numbers" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "export_log_at" ON "export_log" USING btree ("at");