import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The document number register (sổ đăng ký văn bản) of one issuing body and year. NĐ 30/2020/NĐ-CP,
 * Điều 15: numbers start at 01 on the first day of the year, run on without gaps and end on 31/12;
 * whether each document type keeps its own counter is a setting of the body (`series`).
 */
export const documentNumberCounters = pgTable(
  'document_number_counters',
  {
    issuerOrgUnitId: uuid('issuer_org_unit_id').notNull(),
    year: integer('year').notNull(),
    /** '*' for one counter for every type, or the type code (QĐ, TTr, BC …) when kept apart. */
    series: text('series').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuerOrgUnitId, t.year, t.series] })],
);

/** Every number given out or entered from the office's own register: each one once per series. */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerOrgUnitId: uuid('issuer_org_unit_id').notNull(),
    year: integer('year').notNull(),
    series: text('series').notNull(),
    typeCode: text('type_code').notNull(),
    number: integer('number').notNull(),
    /** The full "số, ký hiệu", e.g. "25/QĐ-UBND". */
    text: text('text').notNull(),
    /** register: given by this register; office: entered from the văn thư's own register. */
    source: text('source').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_numbers_unique').on(t.issuerOrgUnitId, t.year, t.series, t.number),
    index('document_numbers_entity').on(t.entity, t.entityId),
  ],
);

/** Settings of a body's register. */
export const numberingSettings = pgTable('numbering_settings', {
  issuerOrgUnitId: uuid('issuer_org_unit_id').primaryKey(),
  /** true: each type (QĐ, TTr …) has its own counter from 01; false: one counter for all. */
  separateByType: boolean('separate_by_type').notNull().default(true),
  /** Abbreviation of the issuing body used in symbols ("UBND"). */
  issuerSymbol: text('issuer_symbol').notNull().default('UBND'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
