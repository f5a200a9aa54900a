-- Issue 7 (dashboards): a ward's report reads its few units year by year (unit first); a
-- district's reads one year across a thousand units (year first, migration 0009). Both covering,
-- so the counts come from the index alone.
CREATE INDEX award_records_unit_report ON award_records (awardee_unit_id, report_year)
  INCLUDE (issuer_org_unit_id, person_id, award_code, subject_kind, field, amount) WHERE revoked_at IS NULL;
--> statement-breakpoint
CREATE INDEX award_records_issuer_report ON award_records (issuer_org_unit_id, report_year)
  INCLUDE (awardee_unit_id, person_id, award_code, subject_kind, field, amount) WHERE revoked_at IS NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS award_records_report_issuer;
--> statement-breakpoint
CREATE INDEX award_records_report_issuer_cube ON award_records (report_year, issuer_org_unit_id)
  INCLUDE (awardee_unit_id, person_id, award_code, subject_kind, field, amount) WHERE revoked_at IS NULL;
