import type { CovenantInput } from '../contracts/clusters.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { invalid } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { assertManager } from './cluster-access.ts';
import { getCovenant, upsertCovenant } from './clusters.repository.ts';
import { loadCluster } from './load-cluster.ts';

/**
 * The covenant (giao ước thi đua) the members sign at the start of the year (legal-brief §9,
 * practice S91): its articles double as the year's indicators; every signatory is a member.
 */
export async function saveCovenant(ctx: RequestCtx, clusterId: string, input: CovenantInput) {
  const { cluster, viewer, chain } = await loadCluster(ctx, clusterId);
  assertManager(viewer);
  const outsider = input.signatories.find((s) => !cluster.memberIds.includes(s.orgUnitId));
  if (outsider)
    throw invalid(
      `"${outsider.signerName}" không đại diện cho một đơn vị thành viên cụm.`,
      'CLUSTER.SIGNATORY',
    );
  const numbers = input.articles.map((a) => a.no);
  if (new Set(numbers).size !== numbers.length)
    throw invalid('Số thứ tự các điều trong giao ước bị trùng.', 'CLUSTER.ARTICLES');
  const db = ctx.deps.database.db;
  const before = await getCovenant(db, cluster.id);
  return db.transaction(async (tx) => {
    const row = await upsertCovenant(tx, {
      clusterId: cluster.id,
      orgUnitId: cluster.headId ?? cluster.organiserId,
      title: input.title,
      signedOn: input.signedOn,
      place: input.place,
      documentRef: input.documentRef,
      articles: [...input.articles].sort((a, b) => a.no - b.no),
      signatories: input.signatories,
    });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.covenant',
      entity: 'cluster_covenant',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}
