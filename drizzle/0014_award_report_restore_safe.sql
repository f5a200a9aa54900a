-- Issue 7: a restore fills tables one by one (parents first). Filling employments re-derives its
-- people's award rows, maybe before their people rows are back: the awardee's attributes are then
-- kept as stored instead of being cleared, so a restored instance equals the one backed up.
CREATE OR REPLACE FUNCTION award_records_fill_report_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  on_date date := coalesce(NEW.decision_date, make_date(NEW.year, 12, 31));
  found_gender text;
  found_category text;
  found_leader boolean;
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
    RETURN NEW;
  END IF;
  SELECT p.gender, coalesce(
           (SELECT e.staff_category FROM employments e
             WHERE e.person_id = p.id AND e.start_date <= on_date
               AND (e.end_date IS NULL OR e.end_date > on_date)
             ORDER BY e.start_date DESC LIMIT 1),
           p.staff_category),
         p.is_leader
    INTO found_gender, found_category, found_leader
    FROM people p WHERE p.id = NEW.person_id;
  IF FOUND THEN
    NEW.awardee_gender := found_gender;
    NEW.awardee_staff_category := found_category;
    NEW.awardee_is_leader := found_leader;
  END IF;
  RETURN NEW;
END;
$$;
