import { sql } from 'drizzle-orm';
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

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Person code carried by exports; re-imports match on it when there is no CCCD. */
    code: text('code').notNull(),
    fullName: text('full_name').notNull(),
    /** Vietnamese order (given, middle, family) as a C-collation-sortable key, computed in JS. */
    nameSortKey: text('name_sort_key').notNull(),
    /** Lower-case, diacritic-free name for search; indexed with pg_trgm. */
    nameSearch: text('name_search').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date'),
    citizenId: text('citizen_id'),
    /** Current unit and position (denormalized from the open employment). */
    orgUnitId: uuid('org_unit_id').notNull(),
    position: text('position'),
    staffCategory: text('staff_category').notNull(),
    isLeader: boolean('is_leader').notNull().default(false),
    provinceCode: text('province_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_code').on(t.code),
    uniqueIndex('people_citizen_id')
      .on(t.citizenId)
      .where(sql`${t.citizenId} is not null`),
    index('people_org_sort').on(t.orgUnitId, t.nameSortKey, t.id),
    index('people_sort').on(t.nameSortKey, t.id),
    index('people_name_trgm').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
  ],
);

export const employments = pgTable(
  'employments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    position: text('position'),
    staffCategory: text('staff_category').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    note: text('note'),
  },
  (t) => [
    index('employments_person').on(t.personId),
    index('employments_org').on(t.orgUnitId),
    // Closed posts by unit: who worked in a unit before a merge closed it (people search scope).
    index('employments_org_closed')
      .on(t.orgUnitId, t.personId)
      .where(sql`${t.endDate} is not null`),
    // The unit a person worked in on a date (dashboards, per award record): newest post first.
    index('employments_person_start').on(t.personId, t.startDate),
  ],
);

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    headName: text('head_name').notNull(),
    address: text('address'),
    orgUnitId: uuid('org_unit_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('households_code').on(t.code), index('households_org').on(t.orgUnitId)],
);

/** Annual quality rating (xếp loại chất lượng) of a person for a year. */
export const ratings = pgTable(
  'ratings',
  {
    personId: uuid('person_id').notNull(),
    year: integer('year').notNull(),
    rating: text('rating').notNull(),
    /** Months worked in the year when the unit states it (yearly facts import); else derived. */
    monthsWorked: integer('months_worked'),
    orgUnitId: uuid('org_unit_id').notNull(),
  },
  (t) => [uniqueIndex('ratings_person_year').on(t.personId, t.year)],
);

export const disciplines = pgTable(
  'disciplines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    form: text('form').notNull(),
    decidedOn: date('decided_on'),
    fromDate: date('from_date'),
    toDate: date('to_date'),
    pending: boolean('pending').notNull().default(false),
    note: text('note'),
  },
  (t) => [index('disciplines_person').on(t.personId)],
);

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    recognizedOn: date('recognized_on').notNull(),
    decisionRef: text('decision_ref'),
  },
  (t) => [index('initiatives_person').on(t.personId)],
);

export const absences = pgTable(
  'absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
  },
  (t) => [index('absences_person').on(t.personId)],
);
