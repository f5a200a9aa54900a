import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Org units form a tree whose shape changes over time. A unit is never edited into another
 * shape: a rename, a move to another parent, a merge or a split closes the old unit
 * (`validTo`) and opens a new one, and `org_events` links predecessor to successor. So the
 * structure "as of" any date is the units valid on that date, and records keep pointing to the
 * unit they were made for (glossary: org kinds, merge/split/rename).
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Short place name used in documents ("Mỹ Quý, ngày …"). */
    placeName: text('place_name'),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    /** Province code at the root of the path: the natural shard key (DESIGN §1). */
    provinceCode: text('province_code').notNull(),
    /** Materialized path of ids from the root, '/'-separated, ending with this unit's id. */
    path: text('path').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    memberCount: integer('member_count'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_units_code_valid_from').on(t.code, t.validFrom),
    index('org_units_parent').on(t.parentId),
    index('org_units_path').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);

export const orgEvents = pgTable(
  'org_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date').notNull(),
    predecessorId: uuid('predecessor_id').notNull(),
    successorId: uuid('successor_id').notNull(),
    legalBasis: text('legal_basis'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_events_successor').on(t.successorId),
    index('org_events_predecessor').on(t.predecessorId),
  ],
);

export const emulationClusters = pgTable(
  'emulation_clusters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    organiserId: uuid('organiser_id').notNull(),
    headId: uuid('head_id'),
    deputyId: uuid('deputy_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('emulation_clusters_name_year').on(t.name, t.year)],
);

export const emulationClusterMembers = pgTable(
  'emulation_cluster_members',
  {
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
  },
  (t) => [uniqueIndex('emulation_cluster_members_pk').on(t.clusterId, t.orgUnitId)],
);
