import { sql } from 'drizzle-orm';
import {
  boolean,
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
 * A nomination (đề nghị khen thưởng): one subject proposed for one title or commendation form by
 * one unit, for one year. `bodyOrgUnitId` is the body whose chairman decides (or forwards) it and
 * whose audit chain records every change; `orgUnitId` is the proposing unit (org scope).
 */
export const nominations = pgTable(
  'nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Proposing unit: the access scope of the row. */
    orgUnitId: uuid('org_unit_id').notNull(),
    /** Issuing body (UBND phường …) that receives and decides the nomination. */
    bodyOrgUnitId: uuid('body_org_unit_id').notNull(),
    year: integer('year').notNull(),
    /** commendation kind: regular | thematic | unexpected | dedication | foreign */
    kind: text('kind').notNull(),
    /** individual | collective | household */
    subjectKind: text('subject_kind').notNull(),
    personId: uuid('person_id'),
    householdId: uuid('household_id'),
    /** The collective proposed (for subject kind 'collective'). */
    subjectOrgUnitId: uuid('subject_org_unit_id'),
    /** Display name of the subject at the time of proposal, for lists and documents. */
    subjectName: text('subject_name').notNull(),
    /** C-collation sort key of the subject name (Vietnamese order), computed in JS. */
    subjectSortKey: text('subject_sort_key').notNull(),
    /** Lower-case, diacritic-free subject name for search; indexed with pg_trgm. */
    subjectSearch: text('subject_search').notNull(),
    awardCode: text('award_code').notNull(),
    movementId: uuid('movement_id'),
    field: text('field'),
    achievementSummary: text('achievement_summary').notNull().default(''),
    /** manual | prefill (year-end candidate list computed from ratings and the rules) */
    origin: text('origin').notNull().default('manual'),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    /** The rules engine's verdict: { eligible, reasons[], rulesVersion, evaluatedAt }. */
    verdict: jsonb('verdict'),
    /** Duplicate and conflict findings at the last check: [{ code, message, otherNominationId? }]. */
    conflicts: jsonb('conflicts')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Higher level the nomination was forwarded to (tờ trình lên cấp trên) and its result. */
    forwardedTo: text('forwarded_to'),
    resultAwarded: boolean('result_awarded'),
    resultNote: text('result_note'),
    decisionId: uuid('decision_id'),
    createdBy: uuid('created_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('nominations_body_year_status').on(t.bodyOrgUnitId, t.year, t.status, t.subjectSortKey, t.id),
    // A body's page of every status, in order, without sorting the year (issue 4, benchmark).
    index('nominations_body_year_sort').on(t.bodyOrgUnitId, t.year, t.subjectSortKey, t.id),
    index('nominations_org_year').on(t.orgUnitId, t.year, t.subjectSortKey, t.id),
    index('nominations_person_year').on(t.personId, t.year),
    index('nominations_subject_org_year').on(t.subjectOrgUnitId, t.year),
    index('nominations_movement').on(t.movementId),
    index('nominations_subject_trgm').using('gin', sql`${t.subjectSearch} gin_trgm_ops`),
  ],
);

/**
 * An attachment of a nomination's dossier (hồ sơ): one part (tờ trình, báo cáo thành tích …) as
 * a file in the content-addressed store. The client's file name is kept only for display.
 */
export const nominationAttachments = pgTable(
  'nomination_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nominationId: uuid('nomination_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    /** proposal_letter | achievement_report | evaluation_minutes | initiative_proof | summary_report | other */
    part: text('part').notNull(),
    sha256: text('sha256').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    displayName: text('display_name').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('nomination_attachments_nomination').on(t.nominationId)],
);

/** A public posting (niêm yết công khai) of a body's candidate list for a set period. */
export const publicPostings = pgTable(
  'public_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The body posting the list (org scope). */
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Nomination ids on the posted list, frozen at posting time. */
    nominationIds: jsonb('nomination_ids').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('public_postings_org_year').on(t.orgUnitId, t.year)],
);

/** A comment received on a posted list, and the office's answer. */
export const postingComments = pgTable(
  'posting_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postingId: uuid('posting_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    nominationId: uuid('nomination_id'),
    authorName: text('author_name').notNull(),
    content: text('content').notNull(),
    receivedOn: date('received_on').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('posting_comments_posting').on(t.postingId)],
);

/**
 * A collective's own facts of a year that the rules read for "Tập thể lao động tiên tiến" and
 * "Tập thể lao động xuất sắc" (Luật TĐKT 2022, Điều 27, 28): its quality rating (xếp loại tập
 * thể) and the conditions an officer states. The members' counts come from their own ratings.
 */
export const collectiveRatings = pgTable(
  'collective_ratings',
  {
    /** The collective rated (org scope). */
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    /** excellent | good | completed | not_completed */
    rating: text('rating').notNull(),
    /** A regular, practical and effective emulation movement was run. */
    activeEmulation: boolean('active_emulation').notNull().default(true),
    /** Internal unity, compliance with policy and law. */
    internalUnity: boolean('internal_unity').notNull().default(true),
    /** Under discipline review, inspection or audit: no award until it ends. */
    pendingDiscipline: boolean('pending_discipline').notNull().default(false),
    recordedBy: uuid('recorded_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collective_ratings_unit_year').on(t.orgUnitId, t.year)],
);
