import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A report kept with its editable narrative (issue 5, item 3): the officer rewrites the paragraphs
 * in the web app; the figures are always recomputed from data. When the report is issued, the
 * figures of that issue are kept (`issuedFigures`) so that regenerating later shows what changed.
 */
export const reportDrafts = pgTable(
  'report_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing body (the ward). */
    orgUnitId: uuid('org_unit_id').notNull(),
    /** 'annual': Báo cáo Tổng kết Thi đua, khen thưởng năm N. */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    /** Narrative paragraphs by key; a missing key means the default text. */
    narrative: jsonb('narrative').notNull().default({}),
    /** Figures as they stood at the last issue: { key: { label, value } }. */
    issuedFigures: jsonb('issued_figures'),
    numberText: text('number_text'),
    number: integer('number'),
    issueDate: date('issue_date'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_drafts_org_kind_year').on(t.orgUnitId, t.kind, t.year)],
);
