import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A movement (phong trào thi đua) launched by a unit for a period (Luật TĐKT 2022, Điều 16–18). */
export const emulationMovements = pgTable(
  'emulation_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Launching unit (org scope). */
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** regular | thematic (Luật TĐKT 2022, Điều 16, khoản 1) */
    kind: text('kind').notNull(),
    fields: jsonb('fields').notNull(),
    launchDocument: text('launch_document'),
    launchedOn: date('launched_on'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    goals: text('goals').notNull().default(''),
    /** The superior's movement this one follows (hưởng ứng). */
    parentMovementId: uuid('parent_movement_id'),
    participantOrgUnitIds: jsonb('participant_org_unit_ids').notNull(),
    status: text('status').notNull().default('draft'),
    reviewNote: text('review_note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('emulation_movements_org_year').on(t.orgUnitId, t.year)],
);

/** A numeric target (chỉ tiêu) of a movement, with the unit that owns it. */
export const movementTargets = pgTable(
  'movement_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id').notNull(),
    /** The movement's launching unit (org scope of the row). */
    orgUnitId: uuid('org_unit_id').notNull(),
    ownerOrgUnitId: uuid('owner_org_unit_id').notNull(),
    name: text('name').notNull(),
    measure: text('measure').notNull(),
    targetValue: numeric('target_value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('movement_targets_movement').on(t.movementId)],
);

/** A progress report against one target through the year. */
export const targetProgress = pgTable(
  'target_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    reportedOn: date('reported_on').notNull(),
    value: numeric('value').notNull(),
    note: text('note'),
    reportedBy: uuid('reported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('target_progress_target').on(t.targetId)],
);

/** The year-start staff conference (hội nghị cán bộ, công chức). */
export const staffConferences = pgTable(
  'staff_conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    heldOn: date('held_on').notNull(),
    lastYearReview: text('last_year_review').notNull().default(''),
    movementIds: jsonb('movement_ids').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_conferences_org_year').on(t.orgUnitId, t.year)],
);

/** A title registration (đăng ký danh hiệu thi đua) sent by a unit for the year. */
export const titleRegistrations = pgTable(
  'title_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Registering unit (org scope). */
    orgUnitId: uuid('org_unit_id').notNull(),
    bodyOrgUnitId: uuid('body_org_unit_id').notNull(),
    year: integer('year').notNull(),
    subjectKind: text('subject_kind').notNull(),
    personId: uuid('person_id'),
    subjectOrgUnitId: uuid('subject_org_unit_id'),
    subjectName: text('subject_name').notNull(),
    awardCode: text('award_code').notNull(),
    /** submitted | accepted | returned */
    status: text('status').notNull().default('submitted'),
    returnReason: text('return_reason'),
    conferenceId: uuid('conference_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('title_registrations_body_year').on(t.bodyOrgUnitId, t.year),
    index('title_registrations_org_year').on(t.orgUnitId, t.year),
  ],
);

/** A covenant (giao ước thi đua) signed between units. */
export const emulationCovenants = pgTable(
  'emulation_covenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organising body (org scope). */
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    signedOn: date('signed_on').notNull(),
    documentRef: text('document_ref'),
    partyOrgUnitIds: jsonb('party_org_unit_ids').notNull(),
    conferenceId: uuid('conference_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('emulation_covenants_org_year').on(t.orgUnitId, t.year)],
);

/** One article (indicator) of a covenant, assessed at year end. */
export const covenantArticles = pgTable(
  'covenant_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    covenantId: uuid('covenant_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    position: integer('position').notNull(),
    content: text('content').notNull(),
    indicator: text('indicator'),
    /** met | partly_met | not_met, null until assessed */
    assessment: text('assessment'),
    assessmentNote: text('assessment_note'),
    assessedOn: date('assessed_on'),
    assessedBy: uuid('assessed_by'),
  },
  (t) => [index('covenant_articles_covenant').on(t.covenantId)],
);
