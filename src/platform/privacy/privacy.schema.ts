import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every export of personal data (a person's own download, an Excel list of officials …): who,
 * what, when. Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15) counts copying as processing.
 */
export const exportLog = pgTable(
  'export_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    /** What was exported, e.g. 'self_data', 'people_xlsx'. */
    kind: text('kind').notNull(),
    /** The person exported, when the export is about one person. */
    subjectPersonId: uuid('subject_person_id'),
    orgUnitId: uuid('org_unit_id'),
    rowCount: integer('row_count').notNull().default(0),
    correlationId: text('correlation_id'),
  },
  (t) => [index('export_log_at').on(t.at)],
);

/**
 * How long each record type is kept (docs/security.md "Retention"). The job in
 * `retention.ts` applies every rule daily; a record type without a rule is kept.
 */
export const retentionRules = pgTable('retention_rules', {
  recordType: text('record_type').primaryKey(),
  keepDays: integer('keep_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
