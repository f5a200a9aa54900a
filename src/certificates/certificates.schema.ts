import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The verification token printed (as a QR code) on a Giấy khen. Random and stored, never derived
 * from an id, so nobody can enumerate certificates by guessing addresses.
 */
export const certificateTokens = pgTable(
  'certificate_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    awardRecordId: uuid('award_record_id').notNull(),
    /** The issuing body (org scope of the row). */
    orgUnitId: uuid('org_unit_id').notNull(),
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificate_tokens_token').on(t.token),
    uniqueIndex('certificate_tokens_award').on(t.awardRecordId),
  ],
);

/** An office's calibration of one size of pre-printed blank (phôi): one row per body and size. */
export const certificateCalibrations = pgTable(
  'certificate_calibrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    name: text('name').notNull(),
    pageWidthMm: integer('page_width_mm').notNull(),
    pageHeightMm: integer('page_height_mm').notNull(),
    /** The CertificateCalibration of the document engine (plain JSON). */
    calibration: jsonb('calibration').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('certificate_calibrations_size').on(t.orgUnitId, t.pageWidthMm, t.pageHeightMm)],
);

/**
 * The blank register: which blank (its serial) was printed for whom, and when it was handed over.
 */
export const certificateBlanks = pgTable(
  'certificate_blanks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    awardRecordId: uuid('award_record_id').notNull(),
    decisionId: uuid('decision_id'),
    blankSerial: text('blank_serial').notNull(),
    calibrationId: uuid('calibration_id'),
    printedAt: timestamp('printed_at', { withTimezone: true }).notNull().defaultNow(),
    printedBy: uuid('printed_by'),
    handedOverTo: text('handed_over_to'),
    handedOverOn: date('handed_over_on'),
    handedOverRecordedBy: uuid('handed_over_recorded_by'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('certificate_blanks_serial').on(t.orgUnitId, t.blankSerial),
    index('certificate_blanks_award').on(t.awardRecordId),
    index('certificate_blanks_decision').on(t.decisionId),
  ],
);

export type CertificateBlankRow = typeof certificateBlanks.$inferSelect;
