import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * An award record: one title or commendation form granted to one subject. Records come from an
 * issued decision, or are entered or imported for the years before the system (`source`).
 */
export const awardRecords = pgTable(
  'award_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectKind: text('subject_kind').notNull(),
    personId: uuid('person_id'),
    householdId: uuid('household_id'),
    /** The collective awarded, or the unit of the person at the time. */
    orgUnitId: uuid('org_unit_id').notNull(),
    /** The body that granted it (its org unit). */
    issuerOrgUnitId: uuid('issuer_org_unit_id'),
    issuerName: text('issuer_name'),
    year: integer('year').notNull(),
    awardCode: text('award_code').notNull(),
    field: text('field'),
    decisionId: uuid('decision_id'),
    /** The annex line it came from: one record per line, however often issuing is retried. */
    decisionItemId: uuid('decision_item_id'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    amount: integer('amount'),
    /** decision (issued here) | entered | imported (years before the system). */
    source: text('source').notNull(),
    /** Set when a later decision corrected this record (đính chính / sửa đổi). */
    amendedByDecisionId: uuid('amended_by_decision_id'),
    revokedByDecisionId: uuid('revoked_by_decision_id'),
    revokedAt: date('revoked_at'),
    revocationReason: text('revocation_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Report columns, filled by the database (trigger `award_records_report_columns`, migration
     * 0007) so every writer — issuing, imports, entry, restore — stores them in the same statement:
     * the unit the awardee belonged to on the decision date (a person's employment then, else
     * `org_unit_id`) and the year the decision was signed (else `year`). Dashboards read these
     * instead of working out the unit from employments at query time. Kept in step with later
     * corrections of the employment history by a trigger on `employments`.
     */
    awardeeUnitId: uuid('awardee_unit_id'),
    reportYear: integer('report_year'),
    /** The awardee's gender, staff category and leader flag then (individuals; migration 0012). */
    awardeeGender: text('awardee_gender'),
    awardeeStaffCategory: text('awardee_staff_category'),
    awardeeIsLeader: boolean('awardee_is_leader'),
  },
  (t) => [
    index('award_records_person').on(t.personId),
    index('award_records_org_year').on(t.orgUnitId, t.year),
    index('award_records_issuer_year').on(t.issuerOrgUnitId, t.year),
    uniqueIndex('award_records_decision_item').on(t.decisionItemId),
    index('award_records_decision').on(t.decisionId),
    index('award_records_household').on(t.householdId),
  ],
);
