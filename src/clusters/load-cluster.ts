import type { RequestCtx } from '../platform/http/context.ts';
import { notFound } from '../platform/errors.ts';
import type { OrgDirectory } from '../organizations/index.ts';
import { getCluster, getClusterYear, type ClusterRow, type ClusterYearRow } from './clusters.repository.ts';
import { assertVisible, viewerOf, type Viewer } from './cluster-access.ts';

export type LoadedCluster = {
  cluster: ClusterRow;
  settings: ClusterYearRow | undefined;
  viewer: Viewer;
  directory: OrgDirectory;
  /** Hash chain of the audit rows: the head ward's issuing body. */
  chain: string;
};

/** Loads a cluster the caller may see, with its year settings and the caller's standing. */
export async function loadCluster(ctx: RequestCtx, clusterId: string): Promise<LoadedCluster> {
  const db = ctx.deps.database.db;
  const cluster = await getCluster(db, clusterId);
  if (!cluster) throw notFound('cụm thi đua');
  const directory = await ctx.deps.directory.get();
  const viewer = viewerOf(ctx.auth, cluster, directory);
  assertVisible(viewer);
  const settings = await getClusterYear(db, cluster.id);
  const chain = directory.bodyOf(cluster.headId ?? cluster.organiserId)?.id ?? 'system';
  return { cluster, settings, viewer, directory, chain };
}
