ALTER TABLE "award_records" ADD COLUMN "awardee_gender" text;--> statement-breakpoint
ALTER TABLE "award_records" ADD COLUMN "awardee_staff_category" text;--> statement-breakpoint
ALTER TABLE "award_records" ADD COLUMN "awardee_is_leader" boolean;--> statement-breakpoint
-- Issue 7 (dashboards): besides the unit, the awardee's gender, staff category (the post held on
-- the decision date, else the person's) and leader flag are stored with the record, so the counts
-- by gender, category and leaders read no people row. On UPDATE of the subject or dates (and when
-- the employment history changes, below) everything is worked out again.
CREATE OR REPLACE FUNCTION award_records_fill_report_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  on_date date := coalesce(NEW.decision_date, make_date(NEW.year, 12, 31));
BEGIN
  IF TG_OP = 'INSERT' AND NEW.awardee_unit_id IS NOT NULL AND NEW.report_year IS NOT NULL THEN
    RETURN NEW;
  END IF;
  NEW.awardee_unit_id := award_awardee_unit(NEW.person_id, NEW.org_unit_id, NEW.decision_date, NEW.year);
  NEW.report_year := coalesce(extract(year FROM NEW.decision_date)::integer, NEW.year);
  IF NEW.person_id IS NULL THEN
    NEW.awardee_gender := NULL;
    NEW.awardee_staff_category := NULL;
    NEW.awardee_is_leader := NULL;
  ELSE
    SELECT p.gender, coalesce(
             (SELECT e.staff_category FROM employments e
               WHERE e.person_id = p.id AND e.start_date <= on_date
                 AND (e.end_date IS NULL OR e.end_date > on_date)
               ORDER BY e.start_date DESC LIMIT 1),
             p.staff_category),
           p.is_leader
      INTO NEW.awardee_gender, NEW.awardee_staff_category, NEW.awardee_is_leader
      FROM people p WHERE p.id = NEW.person_id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- A corrected employment history: naming person_id in SET fires the row trigger above, which works
-- the unit and category out again.
CREATE OR REPLACE FUNCTION employments_refresh_award_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  people_changed uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN people_changed := ARRAY[NEW.person_id];
  ELSIF TG_OP = 'DELETE' THEN people_changed := ARRAY[OLD.person_id];
  ELSE people_changed := ARRAY[OLD.person_id, NEW.person_id];
  END IF;
  UPDATE award_records a SET person_id = a.person_id WHERE a.person_id = ANY(people_changed);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A correction of the person's gender or leader flag follows to their records.
CREATE OR REPLACE FUNCTION people_refresh_award_attributes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE award_records a SET person_id = a.person_id WHERE a.person_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_award_attributes AFTER UPDATE OF gender, is_leader, staff_category ON people
  FOR EACH ROW WHEN (OLD.gender IS DISTINCT FROM NEW.gender OR OLD.is_leader IS DISTINCT FROM NEW.is_leader
    OR OLD.staff_category IS DISTINCT FROM NEW.staff_category)
  EXECUTE FUNCTION people_refresh_award_attributes();
--> statement-breakpoint
UPDATE award_records SET person_id = person_id WHERE person_id IS NOT NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS award_records_report_unit;
--> statement-breakpoint
DROP INDEX IF EXISTS award_records_unit_report;
--> statement-breakpoint
DROP INDEX IF EXISTS award_records_issuer_report;
--> statement-breakpoint
DROP INDEX IF EXISTS award_records_report_issuer_cube;
--> statement-breakpoint
CREATE INDEX award_records_report_unit ON award_records (report_year, awardee_unit_id)
  INCLUDE (issuer_org_unit_id, award_code, subject_kind, field, amount, awardee_gender, awardee_staff_category, awardee_is_leader)
  WHERE revoked_at IS NULL;
--> statement-breakpoint
CREATE INDEX award_records_unit_report ON award_records (awardee_unit_id, report_year)
  INCLUDE (issuer_org_unit_id, award_code, subject_kind, field, amount, awardee_gender, awardee_staff_category, awardee_is_leader)
  WHERE revoked_at IS NULL;
--> statement-breakpoint
CREATE INDEX award_records_issuer_report ON award_records (issuer_org_unit_id, report_year)
  INCLUDE (awardee_unit_id, award_code, subject_kind, field, amount, awardee_gender, awardee_staff_category, awardee_is_leader)
  WHERE revoked_at IS NULL;
--> statement-breakpoint
CREATE INDEX award_records_report_issuer_cube ON award_records (report_year, issuer_org_unit_id)
  INCLUDE (awardee_unit_id, award_code, subject_kind, field, amount, awardee_gender, awardee_staff_category, awardee_is_leader)
  WHERE revoked_at IS NULL;
