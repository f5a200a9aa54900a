import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The Hội đồng Thi đua - Khen thưởng of one body for one year (Bắc Ninh QĐ 86/2025 Điều 9 as template). */
export const emulationCouncils = pgTable(
  'emulation_councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The body (UBND phường …) whose chairman heads the council: org scope and audit chain. */
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** The decision establishing the council (quyết định thành lập / kiện toàn). */
    establishedBy: text('established_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('emulation_councils_org_year').on(t.orgUnitId, t.year)],
);

/** A member: chairman, vice_chairman, member, secretary. `userId` lets the member vote. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    role: text('role').notNull(),
    personId: uuid('person_id'),
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('council_members_council').on(t.councilId),
    uniqueIndex('council_members_user').on(t.councilId, t.userId),
  ],
);

/** A meeting: planned → open (attendance taken, quorum met) → closed (minutes). */
export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    location: text('location'),
    status: text('status').notNull().default('planned'),
    totalMembers: integer('total_members'),
    presentMembers: integer('present_members'),
    quorumRatio: doublePrecision('quorum_ratio'),
    conclusion: text('conclusion'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('council_sessions_council').on(t.councilId)],
);

export const councilAttendance = pgTable(
  'council_attendance',
  {
    sessionId: uuid('session_id').notNull(),
    memberId: uuid('member_id').notNull(),
    present: boolean('present').notNull(),
    /** Written opinion of an absent member (NĐ 98/2023 Điều 30 khoản 7: "lấy ý kiến bằng văn bản"). */
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] })],
);

/**
 * One nomination on a session's agenda, with the voting rule fixed when voting opened and the
 * tally written when it closed: pending → voting → closed.
 */
export const councilAgendaItems = pgTable(
  'council_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    nominationId: uuid('nomination_id').notNull(),
    position: integer('position').notNull(),
    subjectName: text('subject_name').notNull(),
    awardCode: text('award_code').notNull(),
    status: text('status').notNull().default('pending'),
    voteRequired: boolean('vote_required'),
    minApprovalRatio: doublePrecision('min_approval_ratio'),
    denominator: text('denominator'),
    ruleCitation: text('rule_citation'),
    eligibleVoters: integer('eligible_voters'),
    /** Voting members of the council when voting opened (the base of a "tổng số thành viên" rule). */
    votingMembers: integer('voting_members'),
    /** The deadline announced when voting opened; after it the item may close incomplete. */
    votingDeadline: timestamp('voting_deadline', { withTimezone: true }),
    /** Ballots needed to close at the deadline: the quorum's number of members. */
    quorumBallots: integer('quorum_ballots'),
    /** 'electronic' (sealed ballots) or 'paper' (the vote-counting board's tally entered). */
    tallyKind: text('tally_kind'),
    yesCount: integer('yes_count'),
    noCount: integer('no_count'),
    abstainCount: integer('abstain_count'),
    result: text('result'),
  },
  (t) => [
    index('council_agenda_items_session').on(t.sessionId, t.position),
    uniqueIndex('council_agenda_items_nomination').on(t.sessionId, t.nominationId),
  ],
);

/** A member's declared conflict of interest on one item: the member does not vote on it. */
export const councilRecusals = pgTable(
  'council_recusals',
  {
    agendaItemId: uuid('agenda_item_id').notNull(),
    memberId: uuid('member_id').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.memberId] })],
);

/**
 * Who has voted on an item — and nothing else: no choice, no time. Kept apart from the ballot box
 * so a vote cannot be linked to a voter (secret ballot). `kind` is 'ballot' (cast by the member)
 * or 'written' (an absent member's written opinion entered by the officer, NĐ 98/2023 Điều 30
 * khoản 7).
 */
export const councilVoteMarks = pgTable(
  'council_vote_marks',
  {
    agendaItemId: uuid('agenda_item_id').notNull(),
    memberId: uuid('member_id').notNull(),
    kind: text('kind').notNull().default('ballot'),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.memberId] })],
);

/**
 * The sealed ballots of an item whose voting is open: AES-256-GCM ciphertext under the instance's
 * ballot key (kept outside the database), a random id, the item — no voter, no time. A row is
 * committed with the voter's mark, so it shares the mark's xmin: that is why it is never stored
 * in the clear. Closing the vote opens them, writes the plain urn and deletes them.
 */
export const councilSealedBallots = pgTable(
  'council_sealed_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    sealed: text('sealed').notNull(),
  },
  (t) => [index('council_sealed_ballots_item').on(t.agendaItemId)],
);

/**
 * The ballot box of an item: one row per ballot with its choice only — no voter, no time, a random
 * id. Written, shuffled, in one statement of the transaction that closes the voting, so every row
 * has the same xmin and neither row order nor ctid follows the order in which members voted.
 */
export const councilBallots = pgTable(
  'council_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    choice: text('choice').notNull(),
  },
  (t) => [index('council_ballots_item').on(t.agendaItemId)],
);
