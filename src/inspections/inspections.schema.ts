import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type ChecklistResult = 'pass' | 'fail' | 'not_applicable';
export type ChecklistItem = {
  code: string;
  label: string;
  result: ChecklistResult | null;
  note: string | null;
};
export type InspectionTaskStatus = 'open' | 'done' | 'cancelled';

/**
 * An inspection plan (kế hoạch kiểm tra) of an issuing body for a year: which units, when, by
 * whom, about what. `org_unit_id` is the inspecting body; scope is checked on it.
 */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    subject: text('subject').notNull(),
    inspectors: text('inspectors').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_plans_org_year').on(t.orgUnitId, t.year)],
);

/** One inspected unit of a plan, with its checklist and findings. */
export const inspectionUnits = pgTable(
  'inspection_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    /** The inspected unit (inside the body's scope). */
    orgUnitId: uuid('org_unit_id').notNull(),
    scheduledOn: date('scheduled_on'),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
    findings: text('findings'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_units_plan').on(t.planId)],
);

/** A follow-up task from an inspection's findings, with an owner and a deadline. */
export const inspectionTasks = pgTable(
  'inspection_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    /** The unit that must act (the inspected unit). */
    orgUnitId: uuid('org_unit_id').notNull(),
    title: text('title').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerUserId: uuid('owner_user_id'),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<InspectionTaskStatus>().notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_tasks_plan').on(t.planId), index('inspection_tasks_due').on(t.status, t.dueOn)],
);
