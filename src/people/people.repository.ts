import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import { foldVietnamese, normalizeText, vietnameseNameSortKey } from '../platform/text/index.ts';
import { absences, disciplines, employments, initiatives, people, ratings } from './people.schema.ts';

export type PersonSearch = {
  orgUnitIds: readonly string[];
  q?: string | undefined;
  staffCategory?: string | undefined;
  gender?: string | undefined;
  limit: number;
  after?: { sortKey: string; id: string } | undefined;
};

/**
 * People in the given units, ordered the Vietnamese way by an indexed sort key and paged by
 * keyset (never OFFSET), so a page costs the same at row 50 and at row 90,000. The query text
 * is folded like the stored `name_search` column and matched through the trigram index.
 *
 * The scope is two index-friendly branches, each ordered and limited on its own, then merged:
 * people who work in the units now (`people_org_sort`, or the sort index for a wide scope), and
 * people whose closed posts were in them (`employments_org_closed`: before a merge closed the
 * unit). One `a or b in (subquery)` predicate hides both from the planner, which then walks the
 * whole sort index for a narrow scope (a ward's 1,000 people among 100,000: 80 ms instead of 2).
 *
 * A name query is either sorted after matching or matched while walking the sort index; which
 * one is decided by counting the matches first (`fewMatches`), not left to the planner, whose
 * estimate misses how matches cluster: every "thi lan" shares the given name Lan, which the sort
 * key starts with, so a walk reads all of A–K before the first match (42,000 rows of 100,000,
 * 64 ms), while sorting its 225 matches takes 2 ms. A common family name ("tran", 8,000
 * matches spread over the whole order) is the opposite case: the walk finds 51 in 2 ms.
 */
export async function searchPeople(db: DbOrTx, s: PersonSearch) {
  const units = sqlUuidArray(s.orgUnitIds);
  const filters: SQL[] = [];
  const q = s.q ? foldVietnamese(s.q) : '';
  let sortKey = sql`p.name_sort_key`;
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The concatenation hides the sort index from the planner, so it sorts the matches.
    if (q.length >= TRIGRAM && (await fewMatches(db, like))) sortKey = sql`(p.name_sort_key || '')`;
    filters.push(
      sql`(p.name_search like ${like} or p.code = ${s.q?.trim()} or p.citizen_id = ${s.q?.trim()})`,
    );
  }
  if (s.staffCategory) filters.push(sql`p.staff_category = ${s.staffCategory}`);
  if (s.gender) filters.push(sql`p.gender = ${s.gender}`);
  if (s.after) filters.push(sql`(p.name_sort_key, p.id) > (${s.after.sortKey}, ${s.after.id}::uuid)`);
  const and = (first: SQL) => sql.join([first, ...filters], sql` and `);
  const limit = s.limit + 1;
  return queryRows<PersonRow>(
    db,
    sql`
    select p.id, p.code, p.full_name, p.gender, p.birth_date::text as birth_date, p.citizen_id, p.org_unit_id,
           u.name as org_unit_name, p.position, p.staff_category, p.name_sort_key
      from (
        (select p.* from people p
          where ${and(sql`p.org_unit_id = any(${units})`)}
          order by ${sortKey}, p.id limit ${limit})
        union
        (select p.* from people p
          where ${and(sql`p.id in (select e.person_id from employments e where e.org_unit_id = any(${units}) and e.end_date is not null)`)}
          order by ${sortKey}, p.id limit ${limit})
      ) p join org_units u on u.id = p.org_unit_id
     order by p.name_sort_key, p.id
     limit ${limit}`,
  );
}

/** A query shorter than a trigram cannot use the trigram index: its matches are walked. */
const TRIGRAM = 3;
/** Up to this many matches of a name query are sorted; more are found by walking the sort index. */
const FEW_MATCHES = 3000;

async function fewMatches(db: DbOrTx, like: string): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n
          from (select 1 from people where name_search like ${like} limit ${FEW_MATCHES + 1}) m`,
  );
  return (row?.n ?? 0) <= FEW_MATCHES;
}

export type PersonRow = {
  id: string;
  code: string;
  full_name: string;
  gender: string;
  birth_date: string | null;
  citizen_id: string | null;
  org_unit_id: string;
  org_unit_name: string;
  position: string | null;
  staff_category: string;
  name_sort_key: string;
};

function sqlUuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export async function citizenIdTaken(db: DbOrTx, citizenId: string): Promise<boolean> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.citizenId, citizenId))
    .limit(1);
  return rows.length > 0;
}

export async function getPerson(db: DbOrTx, id: string) {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

/** Whether a person ever worked in one of the given units (for readers of closed units). */
export async function workedIn(
  db: DbOrTx,
  personId: string,
  orgUnitIds: ReadonlySet<string>,
): Promise<boolean> {
  const rows = await db
    .select({ orgUnitId: employments.orgUnitId })
    .from(employments)
    .where(eq(employments.personId, personId));
  return rows.some((r) => orgUnitIds.has(r.orgUnitId));
}

export async function personRecord(db: DbOrTx, personId: string) {
  const [emp, rat, dis, ini, abs, awards] = await Promise.all([
    queryRows<EmploymentRow>(
      db,
      sql`select e.org_unit_id, u.name as org_unit_name, e.position, e.staff_category,
                          e.start_date::text as start_date, e.end_date::text as end_date
                     from employments e join org_units u on u.id = e.org_unit_id
                    where e.person_id = ${personId} order by e.start_date`,
    ),
    db.select().from(ratings).where(eq(ratings.personId, personId)).orderBy(ratings.year),
    db.select().from(disciplines).where(eq(disciplines.personId, personId)),
    db.select().from(initiatives).where(eq(initiatives.personId, personId)),
    db.select().from(absences).where(eq(absences.personId, personId)),
    // award_records belongs to the decisions module; people read it, never write it.
    queryRows<AwardRow>(
      db,
      sql`select year, award_code, decision_number, decision_date::text as decision_date, issuer_name, revoked_at
            from award_records where person_id = ${personId} order by year, decision_date`,
    ),
  ]);
  return { employments: emp, ratings: rat, disciplines: dis, initiatives: ini, absences: abs, awards };
}

type AwardRow = {
  year: number;
  award_code: string;
  decision_number: string | null;
  decision_date: string | null;
  issuer_name: string | null;
  revoked_at: string | null;
};

type EmploymentRow = {
  org_unit_id: string;
  org_unit_name: string;
  position: string | null;
  staff_category: string;
  start_date: string;
  end_date: string | null;
};

export type NewPerson = {
  code: string;
  fullName: string;
  gender: string;
  birthDate?: string | null;
  citizenId?: string | null;
  orgUnitId: string;
  position?: string | null;
  staffCategory: string;
  isLeader?: boolean;
  provinceCode: string;
  startDate: string;
};

/** Derived columns (sort key, search text) are always computed here, in one place. */
export function personValues(p: NewPerson) {
  const fullName = normalizeText(p.fullName);
  return {
    code: p.code,
    fullName,
    nameSortKey: vietnameseNameSortKey(fullName),
    nameSearch: foldVietnamese(fullName),
    gender: p.gender,
    birthDate: p.birthDate ?? null,
    citizenId: p.citizenId ?? null,
    orgUnitId: p.orgUnitId,
    position: p.position ?? null,
    staffCategory: p.staffCategory,
    isLeader: p.isLeader ?? false,
    provinceCode: p.provinceCode,
  };
}

export async function insertPeople(db: DbOrTx, list: readonly NewPerson[]): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = await db.insert(people).values(list.map(personValues)).returning({ id: people.id });
  await db.insert(employments).values(
    list.map((p, i) => ({
      personId: rows[i]!.id,
      orgUnitId: p.orgUnitId,
      position: p.position ?? null,
      staffCategory: p.staffCategory,
      startDate: p.startDate,
    })),
  );
  return rows.map((r) => r.id);
}

/** Ends open employments in the closed units and opens them in the successor. */
export async function carryEmployments(
  db: DbOrTx,
  fromOrgUnitIds: readonly string[],
  toOrgUnitId: string,
  effectiveDate: string,
): Promise<number> {
  if (fromOrgUnitIds.length === 0) return 0;
  const open = await db
    .select()
    .from(employments)
    .where(and(inArray(employments.orgUnitId, [...fromOrgUnitIds]), isNull(employments.endDate)));
  if (open.length === 0) return 0;
  await db
    .update(employments)
    .set({ endDate: effectiveDate, note: 'Sắp xếp đơn vị hành chính' })
    .where(and(inArray(employments.orgUnitId, [...fromOrgUnitIds]), isNull(employments.endDate)));
  await db.insert(employments).values(
    open.map((e) => ({
      personId: e.personId,
      orgUnitId: toOrgUnitId,
      position: e.position,
      staffCategory: e.staffCategory,
      startDate: effectiveDate,
    })),
  );
  await db
    .update(people)
    .set({ orgUnitId: toOrgUnitId, updatedAt: sql`now()` })
    .where(inArray(people.orgUnitId, [...fromOrgUnitIds]));
  return open.length;
}

export async function upsertRating(
  db: DbOrTx,
  personId: string,
  orgUnitId: string,
  year: number,
  rating: string,
) {
  const [before] = await db
    .select()
    .from(ratings)
    .where(and(eq(ratings.personId, personId), eq(ratings.year, year)));
  await db
    .insert(ratings)
    .values({ personId, orgUnitId, year, rating })
    .onConflictDoUpdate({ target: [ratings.personId, ratings.year], set: { rating, orgUnitId } });
  return before;
}
