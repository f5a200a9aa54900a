import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { emulationClusterMembers, emulationClusters, orgEvents, orgUnits } from './organizations.schema.ts';

export type NewOrgUnit = {
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  validFrom: string;
  placeName?: string | null;
  memberCount?: number | null;
};

/** Inserts a unit, deriving its path and province code from the parent. */
export async function insertOrgUnit(tx: DbOrTx, unit: NewOrgUnit): Promise<typeof orgUnits.$inferSelect> {
  let parentPath = '';
  let provinceCode = unit.code;
  if (unit.parentId) {
    const [parent] = await tx.select().from(orgUnits).where(eq(orgUnits.id, unit.parentId));
    if (!parent) throw new Error(`parent ${unit.parentId} not found`);
    parentPath = parent.path;
    provinceCode = parent.provinceCode;
  }
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(orgUnits)
    .values({
      id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      provinceCode,
      path: `${parentPath}/${id}`,
      validFrom: unit.validFrom,
      placeName: unit.placeName ?? null,
      memberCount: unit.memberCount ?? null,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function closeOrgUnits(tx: DbOrTx, ids: readonly string[], date: string): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(orgUnits)
    .set({ validTo: date })
    .where(and(inArray(orgUnits.id, [...ids]), isNull(orgUnits.validTo)));
}

export async function insertOrgEvent(
  tx: DbOrTx,
  e: {
    kind: string;
    effectiveDate: string;
    predecessorId: string;
    successorId: string;
    legalBasis?: string | null;
  },
): Promise<void> {
  await tx.insert(orgEvents).values({ ...e, legalBasis: e.legalBasis ?? null });
}

export async function codeTakenOn(tx: DbOrTx, code: string, date: string): Promise<boolean> {
  const rows = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.code, code),
        sql`${orgUnits.validFrom} <= ${date}`,
        sql`(${orgUnits.validTo} is null or ${orgUnits.validTo} > ${date})`,
      ),
    );
  return rows.length > 0;
}

export async function listClusters(tx: DbOrTx, year: number | undefined) {
  const clusters = await tx
    .select()
    .from(emulationClusters)
    .where(year === undefined ? undefined : eq(emulationClusters.year, year));
  if (clusters.length === 0) return [];
  const members = await tx
    .select()
    .from(emulationClusterMembers)
    .where(
      inArray(
        emulationClusterMembers.clusterId,
        clusters.map((c) => c.id),
      ),
    );
  return clusters.map((c) => ({
    ...c,
    memberIds: members.filter((m) => m.clusterId === c.id).map((m) => m.orgUnitId),
  }));
}

export async function insertCluster(
  tx: DbOrTx,
  c: {
    name: string;
    year: number;
    organiserId: string;
    headId: string | null;
    deputyId: string | null;
    memberIds: string[];
  },
): Promise<string> {
  const [row] = await tx
    .insert(emulationClusters)
    .values({
      name: c.name,
      year: c.year,
      organiserId: c.organiserId,
      headId: c.headId,
      deputyId: c.deputyId,
    })
    .returning({ id: emulationClusters.id });
  if (!row) throw new Error('insert failed');
  if (c.memberIds.length) {
    await tx
      .insert(emulationClusterMembers)
      .values(c.memberIds.map((orgUnitId) => ({ clusterId: row.id, orgUnitId })));
  }
  return row.id;
}
