import type { Confirmation } from '../contracts/clusters.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { conflict, invalid } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { CATALOGUE } from '../rules/index.ts';
import { assertManager, scoresVisible, scoringComplete } from './cluster-access.ts';
import {
  getOutcome,
  listScores,
  listSubmissions,
  updateOutcome,
  upsertOutcome,
  type ClusterYearRow,
  type ScoreRow,
  type SubmissionRow,
} from './clusters.repository.ts';
import { rankMembers, type MemberScores, type RankedMember } from './aggregation.ts';
import type { ClusterProposal, RankingEntry } from './clusters.schema.ts';
import { loadCluster } from './load-cluster.ts';

export const AWARD_LABELS: Record<ClusterProposal['award'], string> = {
  provincial_emulation_flag: CATALOGUE.provincial_emulation_flag.name,
  provincial_diploma_of_merit: CATALOGUE.provincial_diploma_of_merit.name,
};

/** The aggregation over the stored sheets, with the year's configured method and rules. */
export function rankFromRows(
  memberIds: readonly string[],
  settings: ClusterYearRow,
  scores: readonly ScoreRow[],
  submissions: readonly SubmissionRow[],
): RankedMember[] {
  const members: MemberScores[] = memberIds.map((id) => ({
    memberId: id,
    peer: Object.fromEntries(
      scores.filter((s) => s.round === 'peer' && s.targetOrgUnitId === id).map((s) => [s.orgUnitId, s.total]),
    ),
    self: scores.find((s) => s.round === 'self' && s.orgUnitId === id)?.total ?? null,
    submittedAt: submissions.find((s) => s.orgUnitId === id)?.submittedAt.toISOString() ?? null,
  }));
  return rankMembers(members, {
    method: settings.method,
    trimCount: settings.trimCount,
    missing: settings.missingScores,
    tieBreak: settings.tieBreak,
  });
}

/** After the scoring deadline the head ward computes (or recomputes) the ranking. */
export async function computeRanking(ctx: RequestCtx, clusterId: string, now = new Date()) {
  const { cluster, settings, viewer, chain } = await loadCluster(ctx, clusterId);
  assertManager(viewer);
  const db = ctx.deps.database.db;
  const scores = await listScores(db, cluster.id);
  const submissions = await listSubmissions(db, cluster.id);
  if (!settings || !scoresVisible(settings, now, scoringComplete(cluster.memberIds, submissions, scores))) {
    throw conflict(
      'Chưa hết hạn chấm điểm chéo và chưa phải mọi đơn vị đã chấm: chưa thể tổng hợp kết quả.',
      'CLUSTER.SCORING_OPEN',
    );
  }
  const existing = await getOutcome(db, cluster.id);
  if (existing?.confirmedAt)
    throw conflict('Kết quả xếp hạng đã được cuộc họp cụm xác nhận.', 'CLUSTER.CONFIRMED');
  const ranked = rankFromRows(cluster.memberIds, settings, scores, submissions);
  const ranking: RankingEntry[] = ranked.map(({ memberId, ...r }) => ({ orgUnitId: memberId, ...r }));
  return db.transaction(async (tx) => {
    const row = await upsertOutcome(tx, {
      clusterId: cluster.id,
      orgUnitId: cluster.headId ?? cluster.organiserId,
      ranking,
      rankedAt: now,
      confirmation: null,
      confirmedAt: null,
      proposals: null,
      proposedAt: null,
      source: 'direct',
    });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.rank',
      entity: 'cluster_outcome',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      after: { ranking },
    });
    return row;
  });
}

/**
 * Checks that the meeting's order keeps the computed ranking and only settles ties: a member
 * may move only among the members sharing its rank.
 */
export function checkConfirmedOrder(
  ranking: readonly RankingEntry[],
  order: readonly string[],
): string | null {
  const ranked = ranking.filter((r) => r.rank !== null);
  if (
    order.length !== ranking.length ||
    new Set(order).size !== order.length ||
    !ranking.every((r) => order.includes(r.orgUnitId))
  ) {
    return 'Thứ tự xác nhận phải liệt kê đủ các đơn vị thành viên, mỗi đơn vị một lần.';
  }
  for (let i = 0; i < ranked.length; i++) {
    const at = ranking.find((r) => r.orgUnitId === order[i]);
    if (!at || at.rank !== ranked[i]!.rank)
      return 'Cuộc họp chỉ được quyết định thứ tự giữa các đơn vị bằng điểm nhau, không được đổi thứ hạng đã tính.';
  }
  return null;
}

/**
 * Records the cluster meeting's confirmation of the ranking. The council's secret ballot
 * (src/council) had no cluster-facing API when this was built, so the vote's result and the
 * minutes are recorded here (`method: 'recorded'`). The ranking passes with more than half of
 * the votes of the members present — provincial practice, unverified (legal-brief §9).
 */
export async function confirmRanking(ctx: RequestCtx, clusterId: string, input: Confirmation) {
  const { cluster, viewer, chain } = await loadCluster(ctx, clusterId);
  assertManager(viewer);
  const db = ctx.deps.database.db;
  const outcome = await getOutcome(db, cluster.id);
  if (!outcome) throw conflict('Chưa tổng hợp kết quả xếp hạng.', 'CLUSTER.NOT_RANKED');
  if (outcome.confirmedAt) throw conflict('Kết quả xếp hạng đã được xác nhận.', 'CLUSTER.CONFIRMED');
  const present = [...new Set(input.presentOrgUnitIds)];
  if (present.some((id) => !cluster.memberIds.includes(id))) {
    throw invalid('Danh sách đơn vị dự họp có đơn vị không thuộc cụm.', 'CLUSTER.PRESENT');
  }
  const votes = input.votesFor + input.votesAgainst + input.abstentions;
  if (votes > present.length) throw invalid('Tổng số phiếu vượt quá số đơn vị dự họp.', 'CLUSTER.VOTES');
  if (input.votesFor * 2 <= present.length) {
    throw conflict('Kết quả xếp hạng chưa được quá nửa số đơn vị dự họp tán thành.', 'CLUSTER.NOT_APPROVED');
  }
  const orderProblem = checkConfirmedOrder(outcome.ranking, input.order);
  if (orderProblem) throw invalid(orderProblem, 'CLUSTER.ORDER');
  const { order, ...rest } = input;
  const ranking = order.map((id) => outcome.ranking.find((r) => r.orgUnitId === id)!);
  return db.transaction(async (tx) => {
    const row = await updateOutcome(tx, cluster.id, {
      ranking,
      confirmation: {
        ...rest,
        presentOrgUnitIds: present,
        minutesRef: rest.minutesRef ?? null,
        method: 'recorded',
      },
      confirmedAt: new Date(),
    });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.confirm',
      entity: 'cluster_outcome',
      entityId: outcome.id,
      orgUnitId: outcome.orgUnitId,
      before: outcome,
      after: row,
    });
    return row;
  });
}

/**
 * Proposes the first `flagCount` members of the confirmed order for the province's Cờ thi đua
 * and the next `diplomaCount` for Bằng khen (counts: the year's settings). A member with no
 * score is never proposed.
 */
export function pickProposals(
  confirmed: readonly RankingEntry[],
  flagCount: number,
  diplomaCount: number,
): ClusterProposal[] {
  const eligible = confirmed.filter((r) => r.rank !== null);
  return eligible.slice(0, flagCount + diplomaCount).map((r, i) => ({
    orgUnitId: r.orgUnitId,
    rank: i + 1,
    award: i < flagCount ? 'provincial_emulation_flag' : 'provincial_diploma_of_merit',
  }));
}

export async function makeProposals(ctx: RequestCtx, clusterId: string) {
  const { cluster, settings, viewer, chain } = await loadCluster(ctx, clusterId);
  assertManager(viewer);
  const db = ctx.deps.database.db;
  const outcome = await getOutcome(db, cluster.id);
  if (!outcome?.confirmedAt || !settings) {
    throw conflict('Kết quả xếp hạng chưa được cuộc họp cụm xác nhận.', 'CLUSTER.NOT_CONFIRMED');
  }
  const proposals = pickProposals(outcome.ranking, settings.flagCount, settings.diplomaCount);
  return db.transaction(async (tx) => {
    const row = await updateOutcome(tx, cluster.id, { proposals, proposedAt: new Date() });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.propose',
      entity: 'cluster_outcome',
      entityId: outcome.id,
      orgUnitId: outcome.orgUnitId,
      before: outcome.proposals,
      after: proposals,
    });
    return row;
  });
}
