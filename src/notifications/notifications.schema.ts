import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * In-app notifications, to one user or to an org unit (everyone of it). `target` is the
 * idempotency key's addressee ('user:<id>' or 'org:<id>'), so a sweep run twice adds nothing.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    target: text('target').notNull(),
    userId: uuid('user_id'),
    orgUnitId: uuid('org_unit_id'),
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    dueOn: date('due_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_once').on(t.target, t.kind, t.subjectId, t.dueOn),
    index('notifications_user').on(t.userId),
    index('notifications_org').on(t.orgUnitId),
  ],
);
