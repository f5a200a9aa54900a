import type { Db } from '../platform/db/client.ts';
import type { InspectionSummary } from '../contracts/inspections.ts';
import { queryRows } from '../platform/db/client.ts';
import { sql } from 'drizzle-orm';
import { listPlans, listTasks, listUnits } from './inspections.repository.ts';
import { summarize } from './checklist.ts';

/**
 * The year's inspections of a body, for the annual report (issue 7, item 4): counts and one
 * sentence for the assessment. `today` decides which open tasks are overdue.
 */
export async function summarizeInspections(
  db: Db,
  bodyOrgUnitId: string,
  year: number,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<InspectionSummary> {
  const plans = await listPlans(db, [bodyOrgUnitId], year);
  const planIds = plans.map((p) => p.id);
  const units = await listUnits(db, planIds);
  const tasks = await listTasks(db, planIds);
  const names = new Map<string, string>();
  if (units.length > 0) {
    const rows = await queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from org_units where id in (${sql.join(
        units.map((u) => sql`${u.orgUnitId}::uuid`),
        sql`, `,
      )})`,
    );
    for (const r of rows) names.set(r.id, r.name);
  }
  return {
    year,
    ...summarize({
      plans: plans.length,
      units: units.map((u) => ({ orgUnitName: names.get(u.orgUnitId) ?? '', checklist: u.checklist })),
      tasks,
      today,
    }),
  };
}
