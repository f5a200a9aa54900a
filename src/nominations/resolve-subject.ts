import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import { foldVietnamese, vietnameseNameSortKey } from '../platform/text/index.ts';

export type ResolvedSubject = { name: string; sortKey: string; search: string; orgUnitId: string };

/** The subject's display name, sort key and the org unit it belongs to (for the scope check). */
export async function resolveSubject(
  db: DbOrTx,
  s: {
    subjectKind: string;
    personId?: string | undefined;
    householdId?: string | undefined;
    subjectOrgUnitId?: string | undefined;
  },
): Promise<ResolvedSubject> {
  if (s.subjectKind === 'individual') {
    const rows = await queryRows<{ full_name: string; org_unit_id: string }>(
      db,
      sql`select full_name, org_unit_id from people where id = ${s.personId ?? null}`,
    );
    const p = rows[0];
    if (!p) throw notFound('cá nhân được đề nghị');
    return {
      name: p.full_name,
      sortKey: vietnameseNameSortKey(p.full_name),
      search: foldVietnamese(p.full_name),
      orgUnitId: p.org_unit_id,
    };
  }
  if (s.subjectKind === 'household') {
    const rows = await queryRows<{ head_name: string; org_unit_id: string }>(
      db,
      sql`select head_name, org_unit_id from households where id = ${s.householdId ?? null}`,
    );
    const h = rows[0];
    if (!h) throw notFound('hộ gia đình được đề nghị');
    const name = `Hộ ông/bà ${h.head_name}`;
    return {
      name,
      sortKey: vietnameseNameSortKey(h.head_name),
      search: foldVietnamese(name),
      orgUnitId: h.org_unit_id,
    };
  }
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select name from org_units where id = ${s.subjectOrgUnitId ?? null}`,
  );
  const u = rows[0];
  if (!u) throw notFound('tập thể được đề nghị');
  return {
    name: u.name,
    sortKey: foldVietnamese(u.name),
    search: foldVietnamese(u.name),
    orgUnitId: s.subjectOrgUnitId!,
  };
}
