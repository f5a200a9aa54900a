ALTER TABLE "award_records" ADD COLUMN "awardee_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "award_records" ADD COLUMN "report_year" integer;--> statement-breakpoint
-- Issue 7 (dashboards): the unit an award belongs to on its decision date, and the year it is
-- reported in, stored with the record instead of worked out from employments at query time.
CREATE OR REPLACE FUNCTION award_awardee_unit(p_person uuid, p_unit uuid, p_date date, p_year integer)
  RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT e.org_unit_id FROM employments e
      WHERE p_person IS NOT NULL AND e.person_id = p_person
        AND e.start_date <= coalesce(p_date, make_date(p_year, 12, 31))
        AND (e.end_date IS NULL OR e.end_date > coalesce(p_date, make_date(p_year, 12, 31)))
      ORDER BY e.start_date DESC LIMIT 1),
    p_unit)
$$;
--> statement-breakpoint
-- On insert a row that already carries both columns (a restored backup) keeps them; otherwise, and
-- whenever the subject or the dates change, they are worked out again.
CREATE OR REPLACE FUNCTION award_records_fill_report_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.awardee_unit_id IS NOT NULL AND NEW.report_year IS NOT NULL THEN
    RETURN NEW;
  END IF;
  NEW.awardee_unit_id := award_awardee_unit(NEW.person_id, NEW.org_unit_id, NEW.decision_date, NEW.year);
  NEW.report_year := coalesce(extract(year FROM NEW.decision_date)::integer, NEW.year);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER award_records_report_columns BEFORE INSERT OR UPDATE OF person_id, org_unit_id, decision_date, year
  ON award_records FOR EACH ROW EXECUTE FUNCTION award_records_fill_report_columns();
--> statement-breakpoint
-- A corrected employment history moves the person's awards to the unit of the corrected post.
CREATE OR REPLACE FUNCTION employments_refresh_award_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  people_changed uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN people_changed := ARRAY[NEW.person_id];
  ELSIF TG_OP = 'DELETE' THEN people_changed := ARRAY[OLD.person_id];
  ELSE people_changed := ARRAY[OLD.person_id, NEW.person_id];
  END IF;
  UPDATE award_records a
     SET awardee_unit_id = award_awardee_unit(a.person_id, a.org_unit_id, a.decision_date, a.year)
   WHERE a.person_id = ANY(people_changed)
     AND a.awardee_unit_id IS DISTINCT FROM award_awardee_unit(a.person_id, a.org_unit_id, a.decision_date, a.year);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER employments_award_units AFTER INSERT OR UPDATE OR DELETE ON employments
  FOR EACH ROW EXECUTE FUNCTION employments_refresh_award_units();
--> statement-breakpoint
-- Backfill of the records written before this migration.
UPDATE award_records SET
  awardee_unit_id = award_awardee_unit(person_id, org_unit_id, decision_date, year),
  report_year = coalesce(extract(year FROM decision_date)::integer, year);
--> statement-breakpoint
-- The dashboards' one scan: a year's live records by unit (and by issuer), with every column the
-- counts need, so the cube is read from the index alone.
CREATE INDEX award_records_report_unit ON award_records (report_year, awardee_unit_id)
  INCLUDE (issuer_org_unit_id, person_id, award_code, subject_kind, field, amount) WHERE revoked_at IS NULL;
--> statement-breakpoint
CREATE INDEX award_records_report_issuer ON award_records (report_year, issuer_org_unit_id)
  INCLUDE (awardee_unit_id) WHERE revoked_at IS NULL;
