import { sql } from 'drizzle-orm';
import type { RefKind } from '../../contracts/common.ts';
import { queryRows, type DbOrTx } from '../db/client.ts';

/**
 * The table that holds each kind of referenced record and the column naming the organization
 * that owns it. Every org-scoped table carries `org_unit_id` (docs/development.md "A table"), so a
 * new kind is one line here. Org units themselves are resolved from the directory, clusters by
 * their members (see `ownersOf`).
 */
export const REF_TABLES: Record<Exclude<RefKind, 'orgUnit' | 'cluster'>, string> = {
  person: 'people',
  household: 'households',
  movement: 'emulation_movements',
  conference: 'staff_conferences',
  registration: 'title_registrations',
  covenant: 'emulation_covenants',
  nomination: 'nominations',
  awardRecord: 'award_records',
  decision: 'decisions',
  council: 'emulation_councils',
  councilMember: 'council_members',
  calibration: 'certificate_calibrations',
  user: 'users',
  inspection: 'inspection_plans',
};

function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * The owning organizations of each id that exists; ids that exist nowhere are absent from the
 * map. A person belongs to the unit that employs them now and to every unit that employed them
 * (a merged ward's officer still records its own officials' past years, whose people moved to
 * the successor); an award record to its holder's unit and to the body that issued it; a cluster belongs to each of its member wards and to its organiser.
 */
export async function ownersOf(
  db: DbOrTx,
  kind: Exclude<RefKind, 'orgUnit'>,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>();
  if (ids.length === 0) return owners;
  const rows =
    kind === 'person'
      ? await queryRows<{ id: string; org: string }>(
          db,
          sql`select id, org_unit_id as org from people where id = any(${uuidArray(ids)})
              union
              select person_id as id, org_unit_id as org from employments where person_id = any(${uuidArray(ids)})`,
        )
      : kind === 'awardRecord'
        ? await queryRows<{ id: string; org: string }>(
            db,
            sql`select id, org_unit_id as org from award_records where id = any(${uuidArray(ids)})
              union
              select id, issuer_org_unit_id as org from award_records
               where id = any(${uuidArray(ids)}) and issuer_org_unit_id is not null`,
          )
        : kind === 'cluster'
          ? await queryRows<{ id: string; org: string }>(
              db,
              sql`select c.id, m.org_unit_id as org from emulation_clusters c
                join emulation_cluster_members m on m.cluster_id = c.id
               where c.id = any(${uuidArray(ids)})
              union all
              select c.id, c.organiser_id as org from emulation_clusters c where c.id = any(${uuidArray(ids)})`,
            )
          : await queryRows<{ id: string; org: string }>(
              db,
              sql`select id, org_unit_id as org from ${sql.raw(REF_TABLES[kind])} where id = any(${uuidArray(ids)})`,
            );
  for (const row of rows) owners.set(row.id, [...(owners.get(row.id) ?? []), row.org]);
  return owners;
}

/** The wards that share an emulation cluster with `orgUnitId` (itself included when a member). */
export async function clusterMatesOf(db: DbOrTx, orgUnitId: string): Promise<Set<string>> {
  const rows = await queryRows<{ org: string }>(
    db,
    sql`select m2.org_unit_id as org
          from emulation_cluster_members m1
          join emulation_cluster_members m2 on m2.cluster_id = m1.cluster_id
         where m1.org_unit_id = ${orgUnitId}`,
  );
  return new Set(rows.map((r) => r.org));
}
