CREATE TABLE "certificate_blanks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"award_record_id" uuid NOT NULL,
	"decision_id" uuid,
	"blank_serial" text NOT NULL,
	"calibration_id" uuid,
	"printed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"printed_by" uuid,
	"handed_over_to" text,
	"handed_over_on" date,
	"handed_over_recorded_by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "certificate_calibrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"page_width_mm" integer NOT NULL,
	"page_height_mm" integer NOT NULL,
	"calibration" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_record_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issued_figures" jsonb,
	"number_text" text,
	"number" integer,
	"issue_date" date,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_blanks_serial" ON "certificate_blanks" USING btree ("org_unit_id","blank_serial");--> statement-breakpoint
CREATE INDEX "certificate_blanks_award" ON "certificate_blanks" USING btree ("award_record_id");--> statement-breakpoint
CREATE INDEX "certificate_blanks_decision" ON "certificate_blanks" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_calibrations_size" ON "certificate_calibrations" USING btree ("org_unit_id","page_width_mm","page_height_mm");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_tokens_token" ON "certificate_tokens" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_tokens_award" ON "certificate_tokens" USING btree ("award_record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_drafts_org_kind_year" ON "report_drafts" USING btree ("org_unit_id","kind","year");