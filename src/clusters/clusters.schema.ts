import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  date,
} from 'drizzle-orm/pg-core';
import type { AggregationMethod, MissingScorePolicy, TieBreakRule } from './aggregation.ts';
import type { CriteriaGroup, ScoreSheet } from './criteria-table.ts';

/**
 * One cluster year's working settings (issue 6, item 1). The cluster itself, its members, head
 * and deputy live in organizations (`emulation_clusters`); this row adds the head's request
 * letter, the deadlines and how scores are aggregated. `org_unit_id` is the head ward.
 */
export const clusterYears = pgTable(
  'cluster_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    requestLetterNumber: text('request_letter_number'),
    requestLetterDate: date('request_letter_date'),
    requestLetterSummary: text('request_letter_summary'),
    /** Members' reports and self-scores are due by then. */
    reportDeadline: timestamp('report_deadline', { withTimezone: true }),
    /** Peer scores are due by then; nobody sees another member's scores before it. */
    scoringDeadline: timestamp('scoring_deadline', { withTimezone: true }),
    method: text('method').$type<AggregationMethod>().notNull().default('mean'),
    trimCount: integer('trim_count').notNull().default(1),
    missingScores: text('missing_scores').$type<MissingScorePolicy>().notNull().default('exclude'),
    tieBreak: jsonb('tie_break').$type<TieBreakRule[]>().notNull().default([]),
    flagCount: integer('flag_count').notNull().default(1),
    diplomaCount: integer('diploma_count').notNull().default(2),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cluster_years_cluster').on(t.clusterId)],
);

export type CovenantArticle = { no: number; text: string; indicator: string | null; target: string | null };
export type CovenantSignatory = { orgUnitId: string; signerName: string; position: string };

/** Giao ước thi đua signed at the start of the year (issue 6, item 2). */
export const clusterCovenants = pgTable(
  'cluster_covenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    title: text('title').notNull(),
    signedOn: date('signed_on'),
    place: text('place'),
    documentRef: text('document_ref'),
    articles: jsonb('articles').$type<CovenantArticle[]>().notNull(),
    signatories: jsonb('signatories').$type<CovenantSignatory[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cluster_covenants_cluster').on(t.clusterId)],
);

/** Bảng tiêu chí chấm điểm, one per cluster year (issue 6, item 3). */
export const clusterCriteriaTables = pgTable(
  'cluster_criteria_tables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    maxTotal: doublePrecision('max_total').notNull(),
    groups: jsonb('groups').$type<CriteriaGroup[]>().notNull(),
    copiedFromClusterId: uuid('copied_from_cluster_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cluster_criteria_tables_cluster').on(t.clusterId)],
);

/** Files attached to a cluster submission (the annual report, evidence). */
export const clusterFiles = pgTable(
  'cluster_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    contentBase64: text('content_base64').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cluster_files_cluster_org').on(t.clusterId, t.orgUnitId)],
);

/** A member's annual report for the cluster: text, a reference to a report, or a file. */
export const clusterSubmissions = pgTable(
  'cluster_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    reportText: text('report_text'),
    reportRef: text('report_ref'),
    reportFileId: uuid('report_file_id'),
    source: text('source').$type<'direct' | 'package'>().notNull().default('direct'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cluster_submissions_member').on(t.clusterId, t.orgUnitId)],
);

/**
 * One score sheet: a scorer ward's points for a target ward. `org_unit_id` is the scorer, whose
 * sheet it is; the self round has scorer = target, the peer round never does.
 */
export const clusterScores = pgTable(
  'cluster_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    round: text('round').$type<'self' | 'peer'>().notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    targetOrgUnitId: uuid('target_org_unit_id').notNull(),
    sheet: jsonb('sheet').$type<ScoreSheet>().notNull(),
    total: doublePrecision('total').notNull(),
    source: text('source').$type<'direct' | 'package'>().notNull().default('direct'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cluster_scores_sheet').on(t.clusterId, t.round, t.orgUnitId, t.targetOrgUnitId)],
);

export type RankingEntry = {
  orgUnitId: string;
  self: number | null;
  aggregate: number | null;
  peerTotals: number[];
  missingScorers: string[];
  rank: number | null;
  tied: boolean;
  tieBrokenBy: TieBreakRule | null;
};
export type RankingConfirmation = {
  meetingDate: string;
  place: string;
  chairName: string;
  /** Member wards present at the meeting. */
  presentOrgUnitIds: string[];
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  minutesText: string;
  minutesRef: string | null;
  /** 'recorded': the vote's result entered here; 'council_ballot' when the council's ballot ran it. */
  method: 'recorded';
};
export type ClusterProposal = {
  orgUnitId: string;
  rank: number;
  award: 'provincial_emulation_flag' | 'provincial_diploma_of_merit';
};

/** The ranking, its confirmation by the cluster meeting, and the proposals (items 4–5). */
export const clusterOutcomes = pgTable(
  'cluster_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    ranking: jsonb('ranking').$type<RankingEntry[]>().notNull(),
    rankedAt: timestamp('ranked_at', { withTimezone: true }).notNull().defaultNow(),
    confirmation: jsonb('confirmation').$type<RankingConfirmation>(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    proposals: jsonb('proposals').$type<ClusterProposal[]>(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    source: text('source').$type<'direct' | 'package'>().notNull().default('direct'),
  },
  (t) => [uniqueIndex('cluster_outcomes_cluster').on(t.clusterId)],
);

/** Public keys of members' instances, registered per cluster year (item 6). */
export const clusterMemberKeys = pgTable(
  'cluster_member_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    fingerprint: text('fingerprint').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cluster_member_keys_member').on(t.clusterId, t.orgUnitId)],
);

/** In-app notices to a member ward: the request letter, reminders as deadlines near. */
export const clusterNotifications = pgTable(
  'cluster_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    /** e.g. 'request', 'report_due_7', 'report_due_1', 'report_overdue', 'scoring_due_3'. */
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('cluster_notifications_once').on(t.clusterId, t.orgUnitId, t.kind)],
);
