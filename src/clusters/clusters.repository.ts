import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { emulationClusterMembers, emulationClusters } from '../organizations/index.ts';
import {
  clusterCovenants,
  clusterCriteriaTables,
  clusterFiles,
  clusterMemberKeys,
  clusterNotifications,
  clusterOutcomes,
  clusterScores,
  clusterSubmissions,
  clusterYears,
} from './clusters.schema.ts';

export type ClusterRow = typeof emulationClusters.$inferSelect & { memberIds: string[] };
export type ClusterYearRow = typeof clusterYears.$inferSelect;
export type SubmissionRow = typeof clusterSubmissions.$inferSelect;
export type ScoreRow = typeof clusterScores.$inferSelect;
export type OutcomeRow = typeof clusterOutcomes.$inferSelect;

export async function getCluster(db: DbOrTx, id: string): Promise<ClusterRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [cluster] = await db.select().from(emulationClusters).where(eq(emulationClusters.id, id));
  if (!cluster) return undefined;
  const members = await db
    .select({ orgUnitId: emulationClusterMembers.orgUnitId })
    .from(emulationClusterMembers)
    .where(eq(emulationClusterMembers.clusterId, id));
  return { ...cluster, memberIds: members.map((m) => m.orgUnitId) };
}

export async function findClusterByNameYear(
  db: DbOrTx,
  name: string,
  year: number,
): Promise<ClusterRow | undefined> {
  const [row] = await db
    .select({ id: emulationClusters.id })
    .from(emulationClusters)
    .where(and(eq(emulationClusters.name, name), eq(emulationClusters.year, year)));
  return row ? getCluster(db, row.id) : undefined;
}

export async function listClusterIds(db: DbOrTx, year: number | undefined): Promise<string[]> {
  const rows = await db
    .select({ id: emulationClusters.id })
    .from(emulationClusters)
    .where(year === undefined ? undefined : eq(emulationClusters.year, year));
  return rows.map((r) => r.id);
}

export async function setLeadership(
  db: DbOrTx,
  id: string,
  headId: string,
  deputyId: string | null,
): Promise<void> {
  await db.update(emulationClusters).set({ headId, deputyId }).where(eq(emulationClusters.id, id));
}

export async function getClusterYear(db: DbOrTx, clusterId: string): Promise<ClusterYearRow | undefined> {
  const [row] = await db.select().from(clusterYears).where(eq(clusterYears.clusterId, clusterId));
  return row;
}

export async function upsertClusterYear(
  db: DbOrTx,
  values: Omit<typeof clusterYears.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<ClusterYearRow> {
  const [row] = await db
    .insert(clusterYears)
    .values(values)
    .onConflictDoUpdate({ target: clusterYears.clusterId, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  if (!row) throw new Error('upsert failed');
  return row;
}

export async function getCovenant(db: DbOrTx, clusterId: string) {
  const [row] = await db.select().from(clusterCovenants).where(eq(clusterCovenants.clusterId, clusterId));
  return row;
}

export async function upsertCovenant(
  db: DbOrTx,
  values: Omit<typeof clusterCovenants.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
) {
  const [row] = await db
    .insert(clusterCovenants)
    .values(values)
    .onConflictDoUpdate({ target: clusterCovenants.clusterId, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  if (!row) throw new Error('upsert failed');
  return row;
}

export async function getCriteriaTable(db: DbOrTx, clusterId: string) {
  const [row] = await db
    .select()
    .from(clusterCriteriaTables)
    .where(eq(clusterCriteriaTables.clusterId, clusterId));
  return row;
}

export async function upsertCriteriaTable(
  db: DbOrTx,
  values: Omit<typeof clusterCriteriaTables.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
) {
  const [row] = await db
    .insert(clusterCriteriaTables)
    .values(values)
    .onConflictDoUpdate({
      target: clusterCriteriaTables.clusterId,
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('upsert failed');
  return row;
}

export async function listSubmissions(db: DbOrTx, clusterId: string): Promise<SubmissionRow[]> {
  return db.select().from(clusterSubmissions).where(eq(clusterSubmissions.clusterId, clusterId));
}

export async function upsertSubmission(
  db: DbOrTx,
  values: Omit<typeof clusterSubmissions.$inferInsert, 'id'>,
) {
  const [row] = await db
    .insert(clusterSubmissions)
    .values(values)
    .onConflictDoUpdate({ target: [clusterSubmissions.clusterId, clusterSubmissions.orgUnitId], set: values })
    .returning();
  if (!row) throw new Error('upsert failed');
  return row;
}

export async function insertFile(
  db: DbOrTx,
  values: Omit<typeof clusterFiles.$inferInsert, 'id' | 'createdAt'>,
) {
  const [row] = await db.insert(clusterFiles).values(values).returning({ id: clusterFiles.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

export async function getFile(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(clusterFiles).where(eq(clusterFiles.id, id));
  return row;
}

export async function getFilesMeta(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: clusterFiles.id,
      name: clusterFiles.name,
      mime: clusterFiles.mime,
      size: clusterFiles.size,
      sha256: clusterFiles.sha256,
    })
    .from(clusterFiles)
    .where(inArray(clusterFiles.id, ids));
}

export async function listScores(db: DbOrTx, clusterId: string): Promise<ScoreRow[]> {
  return db.select().from(clusterScores).where(eq(clusterScores.clusterId, clusterId));
}

export async function upsertScore(db: DbOrTx, values: Omit<typeof clusterScores.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(clusterScores)
    .values(values)
    .onConflictDoUpdate({
      target: [
        clusterScores.clusterId,
        clusterScores.round,
        clusterScores.orgUnitId,
        clusterScores.targetOrgUnitId,
      ],
      set: values,
    })
    .returning();
  if (!row) throw new Error('upsert failed');
  return row;
}

export async function getOutcome(db: DbOrTx, clusterId: string): Promise<OutcomeRow | undefined> {
  const [row] = await db.select().from(clusterOutcomes).where(eq(clusterOutcomes.clusterId, clusterId));
  return row;
}

export async function upsertOutcome(db: DbOrTx, values: Omit<typeof clusterOutcomes.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(clusterOutcomes)
    .values(values)
    .onConflictDoUpdate({ target: clusterOutcomes.clusterId, set: values })
    .returning();
  if (!row) throw new Error('upsert failed');
  return row;
}

export async function updateOutcome(
  db: DbOrTx,
  clusterId: string,
  values: Partial<typeof clusterOutcomes.$inferInsert>,
) {
  const [row] = await db
    .update(clusterOutcomes)
    .set(values)
    .where(eq(clusterOutcomes.clusterId, clusterId))
    .returning();
  return row;
}

export async function listMemberKeys(db: DbOrTx, clusterId: string) {
  return db.select().from(clusterMemberKeys).where(eq(clusterMemberKeys.clusterId, clusterId));
}

export async function upsertMemberKey(
  db: DbOrTx,
  values: Omit<typeof clusterMemberKeys.$inferInsert, 'id' | 'registeredAt'>,
) {
  const [row] = await db
    .insert(clusterMemberKeys)
    .values(values)
    .onConflictDoUpdate({
      target: [clusterMemberKeys.clusterId, clusterMemberKeys.orgUnitId],
      set: { ...values, registeredAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('upsert failed');
  return row;
}

/** Adds a notice once per (cluster, ward, kind); a second call is a no-op. */
export async function addNotification(
  db: DbOrTx,
  values: { clusterId: string; orgUnitId: string; kind: string; message: string; dueAt: Date | null },
): Promise<void> {
  await db.insert(clusterNotifications).values(values).onConflictDoNothing();
}

export async function listNotifications(db: DbOrTx, orgUnitIds: string[]) {
  if (orgUnitIds.length === 0) return [];
  return db
    .select()
    .from(clusterNotifications)
    .where(inArray(clusterNotifications.orgUnitId, orgUnitIds))
    .orderBy(sql`${clusterNotifications.createdAt} desc`)
    .limit(200);
}

export async function markNotificationRead(db: DbOrTx, id: string, orgUnitIds: string[]): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id) || orgUnitIds.length === 0) return false;
  const rows = await db
    .update(clusterNotifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(clusterNotifications.id, id), inArray(clusterNotifications.orgUnitId, orgUnitIds)))
    .returning({ id: clusterNotifications.id });
  return rows.length > 0;
}

/** Cluster years whose deadlines are set, for the reminder sweep. */
export async function listOpenClusterYears(db: DbOrTx) {
  return db
    .select()
    .from(clusterYears)
    .where(sql`${clusterYears.reportDeadline} is not null or ${clusterYears.scoringDeadline} is not null`);
}

/** Row counts of every cluster table, so a rejected import can be shown to change nothing. */
export async function countClusterRows(db: DbOrTx): Promise<Record<string, number>> {
  const tables = [
    'cluster_years',
    'cluster_covenants',
    'cluster_criteria_tables',
    'cluster_files',
    'cluster_submissions',
    'cluster_scores',
    'cluster_outcomes',
    'cluster_member_keys',
    'cluster_notifications',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = (await db.execute(sql.raw(`select count(*)::int as n from ${t}`))) as unknown as {
      rows: { n: number }[];
    };
    out[t] = r.rows[0]?.n ?? 0;
  }
  return out;
}
