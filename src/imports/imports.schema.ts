import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An import is staged row by row in short transactions, then published whole by one set-based
 * statement (issue 2, item 6): other users are never frozen, and a crash mid-import leaves
 * only staging rows, which the next start discards.
 */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  status: text('status').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  createdBy: uuid('created_by'),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsPublished: integer('rows_published').notNull().default(0),
  errors: jsonb('errors'),
  encoding: text('encoding'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const importStaging = pgTable(
  'import_staging',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [index('import_staging_job').on(t.jobId, t.rowNo)],
);
