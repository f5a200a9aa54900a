import {
  bigint,
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
 * A decision (quyết định) of a body's chairman. Kinds: award (khen thưởng, công nhận danh hiệu),
 * correction (đính chính), amendment (sửa đổi, bổ sung), revocation (thu hồi, hủy bỏ). A later
 * decision points to the one it corrects, amends or revokes (`referencesDecisionId`); the earlier
 * one is never edited, so the history stays readable.
 * Status: draft → issued (its signed copy attached; award records, money and fund posted in one
 * transaction); an issued award decision becomes revoked when a revocation decision is issued.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing body: org scope, audit chain, fund and number register. */
    orgUnitId: uuid('org_unit_id').notNull(),
    /** The year the achievements belong to (2022 for the LĐTT decided in January 2023). */
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('draft'),
    typeCode: text('type_code').notNull().default('QĐ'),
    title: text('title').notNull(),
    awardCode: text('award_code'),
    number: integer('number'),
    numberText: text('number_text'),
    numberSource: text('number_source'),
    decisionDate: date('decision_date'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    /**
     * The regime the operator chose for this decision (a dossier lodged under the earlier regime,
     * NĐ 152/2025 Điều 60); null = the regime in force on the decision date. Its money and the
     * legal bases its documents cite follow it.
     */
    regimeCode: text('regime_code'),
    referencesDecisionId: uuid('references_decision_id'),
    reason: text('reason'),
    /** For a correction: what is corrected, as [{ field, from, to }]. */
    corrections: jsonb('corrections'),
    signedFileSha256: text('signed_file_sha256'),
    signedFileName: text('signed_file_name'),
    /** The digital signatures found in the signed copy, as verified on upload (PAdES). */
    signatureCheck: jsonb('signature_check'),
    /** The roster entry of the person who signed, and whether as chairman or by assignment. */
    signerRosterId: uuid('signer_roster_id'),
    signerRole: text('signer_role'),
    totalAmount: bigint('total_amount', { mode: 'number' }),
    fundOverrideReason: text('fund_override_reason'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('decisions_org_year').on(t.orgUnitId, t.year, t.status),
    index('decisions_references').on(t.referencesDecisionId),
  ],
);

/** One subject of a decision's annex list (danh sách kèm theo); money is fixed at issue. */
export const decisionItems = pgTable(
  'decision_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    nominationId: uuid('nomination_id'),
    subjectKind: text('subject_kind').notNull(),
    personId: uuid('person_id'),
    householdId: uuid('household_id'),
    subjectOrgUnitId: uuid('subject_org_unit_id'),
    subjectName: text('subject_name').notNull(),
    awardCode: text('award_code').notNull(),
    field: text('field'),
    position: integer('position').notNull(),
    amount: integer('amount'),
    /** For a revocation: the award record revoked and the money to recover from it. */
    targetAwardRecordId: uuid('target_award_record_id'),
    recoverAmount: integer('recover_amount'),
  },
  (t) => [
    index('decision_items_decision').on(t.decisionId, t.position),
    uniqueIndex('decision_items_nomination').on(t.decisionId, t.nominationId),
  ],
);

/**
 * A proposal to a higher level (tờ trình lên UBND thành phố / tỉnh), tracked until its result is
 * recorded: sent → result_recorded.
 */
export const higherProposals = pgTable(
  'higher_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    addressee: text('addressee').notNull(),
    title: text('title').notNull(),
    numberText: text('number_text'),
    sentOn: date('sent_on').notNull(),
    nominationIds: jsonb('nomination_ids').notNull(),
    status: text('status').notNull().default('sent'),
    result: text('result'),
    resultDecisionNumber: text('result_decision_number'),
    resultDate: date('result_date'),
    resultNote: text('result_note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('higher_proposals_org_year').on(t.orgUnitId, t.year)],
);

/**
 * Who may sign for a body, and when: its chairman and vice-chairmen over dated terms. A decision's
 * signer is chosen from the entries valid on the decision date, never typed; a vice-chairman signs
 * "KT. CHỦ TỊCH" by assignment (NĐ 30/2020, Phụ lục I, mục II.8).
 */
export const signerRoster = pgTable(
  'signer_roster',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The body (ward, province) the person signs for. */
    orgUnitId: uuid('org_unit_id').notNull(),
    personId: uuid('person_id'),
    userId: uuid('user_id'),
    fullName: text('full_name').notNull(),
    /** chairman | vice_chairman */
    role: text('role').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signer_roster_org').on(t.orgUnitId, t.validFrom)],
);
