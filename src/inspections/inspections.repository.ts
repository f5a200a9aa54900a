import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { inspectionPlans, inspectionTasks, inspectionUnits } from './inspections.schema.ts';

export type InspectionPlanRow = typeof inspectionPlans.$inferSelect;
export type InspectedUnitRow = typeof inspectionUnits.$inferSelect;
export type InspectionTaskRow = typeof inspectionTasks.$inferSelect;

export async function getPlan(db: DbOrTx, id: string): Promise<InspectionPlanRow | undefined> {
  return (await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)))[0];
}

export async function listPlans(db: DbOrTx, orgUnitIds: readonly string[], year?: number) {
  if (orgUnitIds.length === 0) return [];
  const inScope = inArray(inspectionPlans.orgUnitId, [...orgUnitIds]);
  return db
    .select()
    .from(inspectionPlans)
    .where(year === undefined ? inScope : and(inScope, eq(inspectionPlans.year, year)))
    .orderBy(asc(inspectionPlans.startsOn), asc(inspectionPlans.id));
}

export async function listUnits(db: DbOrTx, planIds: readonly string[]): Promise<InspectedUnitRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(inspectionUnits)
    .where(inArray(inspectionUnits.planId, [...planIds]))
    .orderBy(asc(inspectionUnits.scheduledOn), asc(inspectionUnits.id));
}

export async function listTasks(db: DbOrTx, planIds: readonly string[]): Promise<InspectionTaskRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(inspectionTasks)
    .where(inArray(inspectionTasks.planId, [...planIds]))
    .orderBy(asc(inspectionTasks.dueOn), asc(inspectionTasks.id));
}

export async function getTask(db: DbOrTx, id: string): Promise<InspectionTaskRow | undefined> {
  return (await db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id)))[0];
}
