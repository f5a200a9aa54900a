import type { RequestCtx } from '../platform/http/context.ts';
import { AppError, conflict, invalid, notFound } from '../platform/errors.ts';
import { canonicalJson, writeAudit } from '../platform/audit/audit.ts';
import { sha256Hex } from './package-format.ts';
import { requireActingMember } from './cluster-access.ts';
import { getCriteriaTable, listSubmissions, upsertScore } from './clusters.repository.ts';
import { checkScoreSheet, sheetTotal, type ScoreSheet } from './criteria-table.ts';
import { loadCluster } from './load-cluster.ts';

/**
 * A member scores another member's report on the criteria table (chấm chéo). Nobody scores
 * itself in this round; a sheet may be replaced until the scoring deadline.
 */
export async function submitPeerScores(
  ctx: RequestCtx,
  clusterId: string,
  input: { targetOrgUnitId: string; sheet: ScoreSheet },
  now = new Date(),
) {
  const { cluster, settings, viewer, chain } = await loadCluster(ctx, clusterId);
  const memberId = requireActingMember(viewer);
  if (!cluster.memberIds.includes(input.targetOrgUnitId)) throw notFound('đơn vị thành viên cụm');
  if (input.targetOrgUnitId === memberId) {
    throw new AppError(
      'forbidden',
      'CLUSTER.SELF_PEER_SCORE',
      'Đơn vị không được tự chấm điểm mình trong vòng chấm chéo.',
    );
  }
  if (!settings?.scoringDeadline) throw conflict('Cụm chưa mở đợt chấm điểm.', 'CLUSTER.NOT_STARTED');
  if (now > settings.scoringDeadline)
    throw conflict('Đã quá hạn chấm điểm chéo.', 'CLUSTER.SCORING_DEADLINE_PASSED');
  const db = ctx.deps.database.db;
  const submitted = (await listSubmissions(db, cluster.id)).some(
    (s) => s.orgUnitId === input.targetOrgUnitId,
  );
  if (!submitted)
    throw conflict('Đơn vị này chưa nộp báo cáo nên chưa thể chấm điểm.', 'CLUSTER.TARGET_NOT_SUBMITTED');
  const table = await getCriteriaTable(db, cluster.id);
  if (!table) throw conflict('Cụm chưa có bảng tiêu chí chấm điểm.', 'CLUSTER.NO_CRITERIA');
  const problems = checkScoreSheet(table, input.sheet, 'peer');
  if (problems.length > 0) throw invalid(problems.map((p) => p.message).join(' '), 'CLUSTER.SHEET', problems);
  return db.transaction(async (tx) => {
    const row = await upsertScore(tx, {
      clusterId: cluster.id,
      round: 'peer',
      orgUnitId: memberId,
      targetOrgUnitId: input.targetOrgUnitId,
      sheet: input.sheet,
      total: sheetTotal(table, input.sheet),
      source: 'direct',
      submittedAt: now,
    });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.peer_score',
      entity: 'cluster_score',
      entityId: row.id,
      orgUnitId: memberId,
      // A digest, not the points: scores stay secret until the deadline, from audit readers too.
      after: { target: input.targetOrgUnitId, sheetSha256: sha256Hex(canonicalJson(input.sheet)) },
    });
    return { total: row.total, submittedAt: row.submittedAt.toISOString() };
  });
}
