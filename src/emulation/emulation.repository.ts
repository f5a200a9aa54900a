import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import {
  covenantArticles,
  emulationCovenants,
  emulationMovements,
  movementTargets,
  staffConferences,
  titleRegistrations,
} from './emulation.schema.ts';

export type MovementRecord = typeof emulationMovements.$inferSelect;
export type TargetRecord = typeof movementTargets.$inferSelect;
export type RegistrationRecord = typeof titleRegistrations.$inferSelect;
export type CovenantRecord = typeof emulationCovenants.$inferSelect;
export type ArticleRecord = typeof covenantArticles.$inferSelect;
export type ConferenceRecord = typeof staffConferences.$inferSelect;

export async function getMovement(db: DbOrTx, id: string): Promise<MovementRecord | undefined> {
  return (await db.select().from(emulationMovements).where(eq(emulationMovements.id, id)).limit(1))[0];
}

export async function listMovements(db: DbOrTx, orgUnitIds: readonly string[], year: number | undefined) {
  return queryRows<{ id: string }>(
    db,
    sql`select id from emulation_movements where org_unit_id = any(${`{${orgUnitIds.join(',')}}`}::uuid[])
          ${year === undefined ? sql`` : sql`and year = ${year}`} order by starts_on, name`,
  );
}

export async function updateMovementIfStatus(
  tx: DbOrTx,
  id: string,
  expected: string,
  patch: Partial<typeof emulationMovements.$inferInsert>,
): Promise<MovementRecord | undefined> {
  const rows = await tx
    .update(emulationMovements)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(emulationMovements.id, id), eq(emulationMovements.status, expected)))
    .returning();
  return rows[0];
}

export type TargetWithProgress = TargetRecord & {
  ownerOrgUnitName: string;
  progress: { reportedOn: string; value: number; note: string | null }[];
};

export async function targetsOf(db: DbOrTx, movementId: string): Promise<TargetWithProgress[]> {
  const targets = await queryRows<TargetRecord & { owner_org_unit_name: string }>(
    db,
    sql`select t.id, t.movement_id as "movementId", t.org_unit_id as "orgUnitId", t.owner_org_unit_id as "ownerOrgUnitId",
               t.name, t.measure, t.target_value as "targetValue", t.created_at as "createdAt", u.name as owner_org_unit_name
          from movement_targets t join org_units u on u.id = t.owner_org_unit_id
         where t.movement_id = ${movementId} order by t.created_at, t.id`,
  );
  const progress = await queryRows<{
    target_id: string;
    reported_on: string;
    value: string;
    note: string | null;
  }>(
    db,
    sql`select p.target_id, p.reported_on::text as reported_on, p.value::text as value, p.note
          from target_progress p join movement_targets t on t.id = p.target_id
         where t.movement_id = ${movementId} order by p.reported_on, p.created_at`,
  );
  return targets.map((t) => ({
    ...t,
    ownerOrgUnitName: t.owner_org_unit_name,
    progress: progress
      .filter((p) => p.target_id === t.id)
      .map((p) => ({ reportedOn: p.reported_on, value: Number(p.value), note: p.note })),
  }));
}

export async function getTarget(db: DbOrTx, id: string): Promise<TargetRecord | undefined> {
  return (await db.select().from(movementTargets).where(eq(movementTargets.id, id)).limit(1))[0];
}

export async function getRegistration(db: DbOrTx, id: string): Promise<RegistrationRecord | undefined> {
  return (await db.select().from(titleRegistrations).where(eq(titleRegistrations.id, id)).limit(1))[0];
}

export async function listRegistrations(
  db: DbOrTx,
  orgUnitIds: readonly string[],
  bodyOrgUnitId: string | undefined,
  year: number,
) {
  return queryRows<RegistrationRecord & { org_unit_name: string }>(
    db,
    sql`select r.id, r.org_unit_id as "orgUnitId", r.body_org_unit_id as "bodyOrgUnitId", r.year, r.subject_kind as "subjectKind",
               r.subject_name as "subjectName", r.award_code as "awardCode", r.status, r.return_reason as "returnReason",
               u.name as org_unit_name
          from title_registrations r join org_units u on u.id = r.org_unit_id
         where r.org_unit_id = any(${`{${orgUnitIds.join(',')}}`}::uuid[]) and r.year = ${year}
           ${bodyOrgUnitId ? sql`and r.body_org_unit_id = ${bodyOrgUnitId}` : sql``}
         order by u.name, r.subject_name, r.id`,
  );
}

export async function getCovenant(db: DbOrTx, id: string) {
  const covenant = (
    await db.select().from(emulationCovenants).where(eq(emulationCovenants.id, id)).limit(1)
  )[0];
  if (!covenant) return undefined;
  const articles = await db
    .select()
    .from(covenantArticles)
    .where(eq(covenantArticles.covenantId, id))
    .orderBy(asc(covenantArticles.position));
  return { covenant, articles };
}

export async function getConference(db: DbOrTx, id: string): Promise<ConferenceRecord | undefined> {
  return (await db.select().from(staffConferences).where(eq(staffConferences.id, id)).limit(1))[0];
}
