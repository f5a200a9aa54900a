import type { CriteriaTableInput } from '../contracts/clusters.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { assertManager, viewerOf } from './cluster-access.ts';
import { getCluster, getCriteriaTable, listScores, upsertCriteriaTable } from './clusters.repository.ts';
import { checkCriteriaTable } from './criteria-table.ts';
import { loadCluster } from './load-cluster.ts';

/**
 * Saves the cluster's criteria table after checking its totals. Once a member has scored, the
 * table is frozen: changing it would change what the scores mean.
 */
export async function saveCriteriaTable(
  ctx: RequestCtx,
  clusterId: string,
  input: CriteriaTableInput,
  copiedFromClusterId: string | null = null,
) {
  const { cluster, viewer, chain } = await loadCluster(ctx, clusterId);
  assertManager(viewer);
  const problems = checkCriteriaTable(input);
  if (problems.length > 0) {
    throw invalid(problems.map((p) => p.message).join(' '), 'CLUSTER.CRITERIA_TOTALS', problems);
  }
  const db = ctx.deps.database.db;
  if ((await listScores(db, cluster.id)).length > 0) {
    throw conflict(
      'Đã có đơn vị chấm điểm theo bảng tiêu chí này, không thể sửa bảng tiêu chí nữa.',
      'CLUSTER.CRITERIA_FROZEN',
    );
  }
  const before = await getCriteriaTable(db, cluster.id);
  return db.transaction(async (tx) => {
    const row = await upsertCriteriaTable(tx, {
      clusterId: cluster.id,
      orgUnitId: cluster.headId ?? cluster.organiserId,
      maxTotal: input.maxTotal,
      groups: input.groups,
      copiedFromClusterId: copiedFromClusterId ?? before?.copiedFromClusterId ?? null,
    });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: copiedFromClusterId ? 'cluster.criteria.copy' : 'cluster.criteria',
      entity: 'cluster_criteria_table',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

/** Copies last year's (or any readable cluster's) table as the start of this year's. */
export async function copyCriteriaTable(ctx: RequestCtx, clusterId: string, fromClusterId: string) {
  const db = ctx.deps.database.db;
  const source = await getCluster(db, fromClusterId);
  if (!source) throw notFound('cụm thi đua nguồn');
  const directory = await ctx.deps.directory.get();
  if (!viewerOf(ctx.auth, source, directory).visible) throw notFound('cụm thi đua nguồn');
  const table = await getCriteriaTable(db, source.id);
  if (!table) throw notFound(`bảng tiêu chí của cụm năm ${source.year}`);
  return saveCriteriaTable(ctx, clusterId, { maxTotal: table.maxTotal, groups: table.groups }, source.id);
}
