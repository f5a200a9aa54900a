import type { RequestCtx } from '../platform/http/context.ts';
import { notFound } from '../platform/errors.ts';
import { toOrgUnitDto, type OrgDirectory, type OrgUnitRow } from '../organizations/index.ts';
import { assertCanReadSubmission, phaseOf, scoresVisible, scoringComplete } from './cluster-access.ts';
import {
  getCovenant,
  getCriteriaTable,
  getFile,
  getFilesMeta,
  getOutcome,
  listMemberKeys,
  listScores,
  listSubmissions,
  type ClusterYearRow,
  type OutcomeRow,
} from './clusters.repository.ts';
import { checkCriteriaTable } from './criteria-table.ts';
import { loadCluster } from './load-cluster.ts';
import { AWARD_LABELS, rankFromRows } from './rank-cluster.ts';
import type { RankingEntry } from './clusters.schema.ts';

function unitDto(directory: OrgDirectory, id: string) {
  const u: OrgUnitRow | undefined = directory.get(id);
  return u
    ? toOrgUnitDto(u)
    : {
        id,
        code: '',
        name: 'Đơn vị không xác định',
        kind: 'other' as const,
        kindLabel: 'Khác',
        parentId: null,
        validFrom: '',
        validTo: null,
      };
}

export function settingsDto(s: ClusterYearRow | undefined) {
  if (!s?.reportDeadline || !s.scoringDeadline) return null;
  return {
    requestLetterNumber: s.requestLetterNumber,
    requestLetterDate: s.requestLetterDate,
    requestLetterSummary: s.requestLetterSummary,
    reportDeadline: s.reportDeadline.toISOString(),
    scoringDeadline: s.scoringDeadline.toISOString(),
    method: s.method,
    trimCount: s.trimCount,
    missingScores: s.missingScores,
    tieBreak: s.tieBreak,
    flagCount: s.flagCount,
    diplomaCount: s.diplomaCount,
  };
}

function rankingDto(directory: OrgDirectory, ranking: readonly RankingEntry[]) {
  return ranking.map(({ orgUnitId, ...r }) => ({ orgUnit: unitDto(directory, orgUnitId), ...r }));
}

function outcomeDto(directory: OrgDirectory, o: OutcomeRow | undefined) {
  if (!o) return null;
  const c = o.confirmation;
  return {
    ranking: rankingDto(directory, o.ranking),
    rankedAt: o.rankedAt.toISOString(),
    confirmation: c
      ? {
          meetingDate: c.meetingDate,
          place: c.place,
          chairName: c.chairName,
          presentOrgUnitIds: c.presentOrgUnitIds,
          votesFor: c.votesFor,
          votesAgainst: c.votesAgainst,
          abstentions: c.abstentions,
          minutesText: c.minutesText,
          minutesRef: c.minutesRef,
          method: c.method,
        }
      : null,
    confirmedOrder: c ? o.ranking.map((r) => r.orgUnitId) : null,
    proposals:
      o.proposals?.map((p) => ({
        orgUnit: unitDto(directory, p.orgUnitId),
        rank: p.rank,
        award: p.award,
        awardLabel: AWARD_LABELS[p.award],
      })) ?? null,
  };
}

/** The dashboard of a cluster year: what the caller may see of it, nothing more. */
export async function getClusterOverview(ctx: RequestCtx, clusterId: string, now = new Date()) {
  const { cluster, settings, viewer, directory } = await loadCluster(ctx, clusterId);
  const db = ctx.deps.database.db;
  const [covenant, table, submissions, scores, outcome, keys] = await Promise.all([
    getCovenant(db, cluster.id),
    getCriteriaTable(db, cluster.id),
    listSubmissions(db, cluster.id),
    listScores(db, cluster.id),
    getOutcome(db, cluster.id),
    listMemberKeys(db, cluster.id),
  ]);
  const submittedIds = new Set(submissions.map((s) => s.orgUnitId));
  const visible = scoresVisible(settings, now, scoringComplete(cluster.memberIds, submissions, scores));
  return {
    id: cluster.id,
    name: cluster.name,
    year: cluster.year,
    organiser: unitDto(directory, cluster.organiserId),
    head: cluster.headId ? unitDto(directory, cluster.headId) : null,
    deputy: cluster.deputyId ? unitDto(directory, cluster.deputyId) : null,
    members: cluster.memberIds.map((id) => unitDto(directory, id)),
    settings: settingsDto(settings),
    phase: phaseOf(settings, now),
    viewer: {
      actingMemberId: viewer.actingMemberId,
      isHead: viewer.isHead,
      isOrganiser: viewer.isOrganiser,
      canManage: viewer.canManage,
    },
    covenant: covenant
      ? {
          id: covenant.id,
          title: covenant.title,
          signedOn: covenant.signedOn,
          place: covenant.place,
          documentRef: covenant.documentRef,
          articles: covenant.articles,
          signatories: covenant.signatories,
          updatedAt: covenant.updatedAt.toISOString(),
        }
      : null,
    criteriaTable: table
      ? {
          id: table.id,
          maxTotal: table.maxTotal,
          groups: table.groups,
          copiedFromClusterId: table.copiedFromClusterId,
          problems: checkCriteriaTable({ maxTotal: table.maxTotal, groups: table.groups }),
        }
      : null,
    // Who has submitted and how many sheets each has handed in: status only, never points.
    memberStatus: cluster.memberIds.map((id) => {
      const s = submissions.find((x) => x.orgUnitId === id);
      const expected = [...submittedIds].filter((t) => t !== id).length;
      return {
        orgUnit: unitDto(directory, id),
        submitted: !!s,
        submittedAt: s?.submittedAt.toISOString() ?? null,
        source: s?.source ?? null,
        peerScoresGiven: scores.filter(
          (x) => x.round === 'peer' && x.orgUnitId === id && submittedIds.has(x.targetOrgUnitId),
        ).length,
        peerScoresExpected: expected,
        keyFingerprint: keys.find((k) => k.orgUnitId === id)?.fingerprint ?? null,
      };
    }),
    scoresVisible: visible,
    outcome: visible || outcome?.source === 'package' ? outcomeDto(directory, outcome) : null,
  };
}

/**
 * One member's cluster submission. The points of its self-score are shown only to the member's
 * own users before the scoring deadline; the evidence is shown to every reader, since the peers
 * judge the claims on it.
 */
export async function getSubmission(ctx: RequestCtx, clusterId: string, memberId: string, now = new Date()) {
  const { cluster, settings, viewer, directory } = await loadCluster(ctx, clusterId);
  assertCanReadSubmission(ctx.auth, viewer, cluster, memberId);
  const db = ctx.deps.database.db;
  const submissions = await listSubmissions(db, cluster.id);
  const scores = await listScores(db, cluster.id);
  const submission = submissions.find((s) => s.orgUnitId === memberId);
  if (!submission) throw notFound('báo cáo của đơn vị này (đơn vị chưa nộp)');
  const self = scores.find((s) => s.round === 'self' && s.orgUnitId === memberId);
  const [file] = submission.reportFileId ? await getFilesMeta(db, [submission.reportFileId]) : [];
  const ownWard = directory.subtree(memberId).includes(ctx.auth.orgUnitId);
  const showPoints =
    ownWard || scoresVisible(settings, now, scoringComplete(cluster.memberIds, submissions, scores));
  return {
    orgUnit: unitDto(directory, memberId),
    reportText: submission.reportText,
    reportRef: submission.reportRef,
    file: file ?? null,
    submittedAt: submission.submittedAt.toISOString(),
    source: submission.source,
    evidence: Object.fromEntries(
      Object.entries(self?.sheet ?? {}).flatMap(([k, v]) => (v.evidence ? [[k, v.evidence]] : [])),
    ),
    selfScores:
      showPoints && self
        ? Object.fromEntries(Object.entries(self.sheet).map(([k, v]) => [k, v.points]))
        : null,
    selfTotal: showPoints && self ? self.total : null,
  };
}

export async function getReportFile(ctx: RequestCtx, clusterId: string, memberId: string) {
  const { cluster, viewer } = await loadCluster(ctx, clusterId);
  assertCanReadSubmission(ctx.auth, viewer, cluster, memberId);
  const db = ctx.deps.database.db;
  const submission = (await listSubmissions(db, cluster.id)).find((s) => s.orgUnitId === memberId);
  const file = submission?.reportFileId ? await getFile(db, submission.reportFileId) : undefined;
  if (!file) throw notFound('tệp báo cáo');
  return file;
}

/**
 * The score table. Before the scoring deadline nobody — the head ward included — sees another
 * ward's sheets: the caller gets only the sheets its own ward wrote. After it, every reader of
 * the cluster sees all sheets and the aggregate by the configured method.
 */
export async function getScoreTable(ctx: RequestCtx, clusterId: string, now = new Date()) {
  const { cluster, settings, directory } = await loadCluster(ctx, clusterId);
  const db = ctx.deps.database.db;
  const scores = await listScores(db, cluster.id);
  const submissions = await listSubmissions(db, cluster.id);
  const complete = scoringComplete(cluster.memberIds, submissions, scores);
  const visible = scoresVisible(settings, now, complete);
  const own = (scorer: string) => directory.subtree(scorer).includes(ctx.auth.orgUnitId);
  const shown = visible ? scores : scores.filter((s) => own(s.orgUnitId));
  const ranking =
    visible && settings
      ? rankFromRows(cluster.memberIds, settings, scores, submissions).map(({ memberId, ...r }) => ({
          orgUnit: unitDto(directory, memberId),
          ...r,
        }))
      : [];
  return {
    visible,
    complete,
    deadline: settings?.scoringDeadline?.toISOString() ?? null,
    sheets: shown.map((s) => ({
      round: s.round,
      scorer: unitDto(directory, s.orgUnitId),
      target: unitDto(directory, s.targetOrgUnitId),
      total: s.total,
      points: Object.fromEntries(Object.entries(s.sheet).map(([k, v]) => [k, v.points])),
      submittedAt: s.submittedAt.toISOString(),
    })),
    ranking,
  };
}
