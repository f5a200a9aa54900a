import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import type { AwardCell } from './summarize.ts';

/**
 * Read-only SQL over other modules' tables (award_records, people, employments, nominations,
 * registrations). Reports write nothing here. Every query takes the scope as an id array, so one
 * plan serves a ward and a province.
 */

export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * The ids of a scope as a set the planner can hash. `= any(array)` is right as an index condition
 * (one descent per id) but a linear search per row as a filter: a thousand units made it the cost.
 */
function inScope(ids: readonly string[]): SQL {
  return sql`(select unnest(${uuidArray(ids)}))`;
}

/**
 * The reporting year of an award is the year its decision was signed (the 2023 report counts the
 * LĐTT of 2022 decided in 2023); without a decision date, its own year. It is stored with the
 * record (`report_year`, filled by the database when the record is written, migration 0009).
 */
export function decidedIn(year: number): SQL {
  return sql`a.report_year = ${year}`;
}

export const YEAR_BASIS =
  'Tính theo năm ký quyết định khen thưởng (danh hiệu năm trước công nhận trong năm được tính vào năm công nhận); bản ghi không có ngày quyết định tính theo năm của danh hiệu.';

type RawCell = {
  org_unit_id: string;
  award_code: string;
  subject_kind: string;
  field: string;
  gender: string | null;
  staff_category: string | null;
  is_leader: boolean | null;
  n: number | string;
  amount: number | string;
};

/** The columns the counts read: all of them are in the index `award_records_report_unit`. */
const CUBE_COLUMNS = sql`a.award_code, a.subject_kind, a.field, a.amount, a.report_year,
  a.awardee_gender, a.awardee_staff_category, a.awardee_is_leader`;
/** The columns a list of records shows. */
export const RECORD_COLUMNS = sql`a.id, a.person_id, a.household_id, a.award_code, a.subject_kind, a.field,
  a.amount, a.report_year, a.year, a.decision_id, a.decision_number, a.decision_date,
  a.awardee_gender, a.awardee_staff_category`;

/**
 * The year's award records of a scope, each on the unit it belongs to: the unit the awardee
 * belonged to on the decision date (`awardee_unit_id`, stored when the record was written, so no
 * employment history is read here). A record reaches the scope through that unit or through its
 * issuer; one issued by the scope for someone outside it stays on the issuer's line.
 */
/** Above this many units a scope is matched as a hashed set rather than an index condition. */
const LARGE_SCOPE = 100;

export function scopedAwards(ids: readonly string[], yearFilter: SQL, columns: SQL = CUBE_COLUMNS): SQL {
  // Two disjoint branches, each read from a covering (unit, year) / (year, unit) index (0009, 0011).
  // A ward's few units are index conditions; a district's thousand are a hashed set, since over
  // several years the planner scans and `= any` would then search the array for every row.
  const member = (column: SQL) =>
    ids.length > LARGE_SCOPE ? sql`${column} in ${inScope(ids)}` : sql`${column} = any(${uuidArray(ids)})`;
  return sql`scoped as (
    select a.awardee_unit_id as unit_id, ${columns} from award_records a
    where ${member(sql`a.awardee_unit_id`)} and a.revoked_at is null and ${yearFilter}
    union all
    select a.issuer_org_unit_id as unit_id, ${columns} from award_records a
    where ${member(sql`a.issuer_org_unit_id`)} and a.awardee_unit_id not in ${inScope(ids)}
      and a.revoked_at is null and ${yearFilter}
  )`;
}

/**
 * The line each unit of a scope rolls up to (a district's wards, a ward's agencies and khóm). With
 * it the counts are grouped per line in SQL: a district's 1,000 units come back as 100 lines.
 */
export type RollUp = { units: readonly string[]; lines: readonly string[] };

export function rollUpOf(ids: readonly string[], lineOf: (id: string) => string): RollUp {
  return { units: ids, lines: ids.map(lineOf) };
}

export function awardCubeSql(ids: readonly string[], year: number, rollUp?: RollUp): SQL {
  const unit = rollUp ? sql`coalesce(m.line, a.unit_id)` : sql`a.unit_id`;
  const join = rollUp
    ? sql`left join unnest(${uuidArray(rollUp.units)}, ${uuidArray(rollUp.lines)}) as m(unit, line) on m.unit = a.unit_id`
    : sql``;
  return sql`with ${scopedAwards(ids, decidedIn(year))}
    select ${unit} as org_unit_id, a.award_code, a.subject_kind, coalesce(a.field, '') as field,
      a.awardee_gender as gender, a.awardee_staff_category as staff_category, a.awardee_is_leader as is_leader,
      count(*)::int as n, coalesce(sum(a.amount), 0)::float8 as amount
    from scoped a ${join}
    group by 1, 2, 3, 4, 5, 6, 7`;
}

export async function awardCube(
  db: DbOrTx,
  ids: readonly string[],
  year: number,
  rollUp?: RollUp,
): Promise<AwardCell[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<RawCell>(db, awardCubeSql(ids, year, rollUp));
  return rows.map(cellOf);
}

function cellOf(r: RawCell): AwardCell {
  return {
    orgUnitId: r.org_unit_id,
    awardCode: r.award_code,
    subjectKind: r.subject_kind,
    field: r.field,
    gender: r.gender,
    staffCategory: r.staff_category,
    isLeader: r.is_leader,
    count: Number(r.n),
    amount: Number(r.amount),
  };
}

/**
 * The award records decided in a reporting period that is not a calendar year (TĐKT statistics run
 * from 01/12 to 30/11); a record without a decision date counts in its own year.
 */
export async function awardCubeBetween(
  db: DbOrTx,
  ids: readonly string[],
  year: number,
  period: { from: string; to: string },
): Promise<AwardCell[]> {
  if (ids.length === 0) return [];
  const inPeriod = sql`a.report_year between ${Number(period.from.slice(0, 4))} and ${Number(period.to.slice(0, 4))}
    and (case when a.decision_date is null then a.report_year = ${year}
         else a.decision_date between ${period.from}::date and ${period.to}::date end)`;
  const columns = sql`${CUBE_COLUMNS}, a.decision_date`;
  const rows = await queryRows<RawCell>(
    db,
    sql`with ${scopedAwards(ids, inPeriod, columns)}
    select a.unit_id as org_unit_id, a.award_code, a.subject_kind, coalesce(a.field, '') as field,
      a.awardee_gender as gender, a.awardee_staff_category as staff_category, a.awardee_is_leader as is_leader,
      count(*)::int as n, coalesce(sum(a.amount), 0)::float8 as amount
    from scoped a
    group by 1, 2, 3, 4, 5, 6, 7`,
  );
  return rows.map(cellOf);
}

export type TrendCell = {
  year: number;
  awardCode: string;
  subjectKind: string;
  count: number;
  amount: number;
};

export function trendSql(ids: readonly string[], from: number, to: number): SQL {
  return sql`with ${scopedAwards(ids, sql`a.report_year between ${from} and ${to}`)}
    select a.report_year as y, a.award_code, a.subject_kind,
      count(*)::int as n, coalesce(sum(a.amount), 0)::float8 as amount
    from scoped a
    group by 1, 2, 3`;
}

export async function trendCells(
  db: DbOrTx,
  ids: readonly string[],
  from: number,
  to: number,
): Promise<TrendCell[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{
    y: number;
    award_code: string;
    subject_kind: string;
    n: number;
    amount: number;
  }>(db, trendSql(ids, from, to));
  return rows
    .map((r) => ({
      year: Number(r.y),
      awardCode: r.award_code,
      subjectKind: r.subject_kind,
      count: Number(r.n),
      amount: Number(r.amount),
    }))
    .filter((r) => r.year >= from && r.year <= to);
}

export type StaffCell = { orgUnitId: string; people: number; women: number; leaders: number };

/** People employed in each unit at some time during the year (employments keep history across merges). */
export function staffSql(ids: readonly string[], year: number): SQL {
  // A ward's few hundred people are looked up one by one (the planner otherwise hashes all people
  // of the province); a district's tens of thousands are joined.
  const person =
    ids.length > LARGE_SCOPE
      ? sql`join people p on p.id = e.person_id`
      : sql`cross join lateral (select p.gender, p.is_leader from people p where p.id = e.person_id limit 1) p`;
  return sql`select e.org_unit_id, count(distinct e.person_id)::int as n,
      count(distinct e.person_id) filter (where p.gender = 'female')::int as women,
      count(distinct e.person_id) filter (where p.is_leader)::int as leaders
    from employments e ${person}
    where e.org_unit_id = any(${uuidArray(ids)})
      and e.start_date <= ${`${year}-12-31`}::date
      and (e.end_date is null or e.end_date > ${`${year}-01-01`}::date)
    group by 1`;
}

/** People employed in each unit during the year, without reading people (no women or leaders). */
export function staffHeadcountSql(ids: readonly string[], year: number): SQL {
  return sql`select e.org_unit_id, count(distinct e.person_id)::int as n, 0 as women, 0 as leaders
    from employments e
    where e.org_unit_id = any(${uuidArray(ids)})
      and e.start_date <= ${`${year}-12-31`}::date
      and (e.end_date is null or e.end_date > ${`${year}-01-01`}::date)
    group by 1`;
}

/**
 * Staff per unit; with `composition: false` only the headcount is read (women and leaders are 0),
 * which is all a side-by-side view of communes needs and spares a join over every person.
 */
export async function staffCells(
  db: DbOrTx,
  ids: readonly string[],
  year: number,
  opts: { composition: boolean } = { composition: true },
): Promise<StaffCell[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ org_unit_id: string; n: number; women: number; leaders: number }>(
    db,
    opts.composition ? staffSql(ids, year) : staffHeadcountSql(ids, year),
  );
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    people: Number(r.n),
    women: Number(r.women),
    leaders: Number(r.leaders),
  }));
}

/** Nominations proposed by each unit for the year (drafts are not proposals yet). */
export function nominationCountSql(ids: readonly string[], year: number): SQL {
  return sql`select n.org_unit_id, count(*)::int as n from nominations n
    where n.org_unit_id = any(${uuidArray(ids)}) and n.year = ${year} and n.status <> 'draft'
    group by 1`;
}

export async function nominationCounts(
  db: DbOrTx,
  ids: readonly string[],
  year: number,
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ org_unit_id: string; n: number }>(db, nominationCountSql(ids, year));
  return new Map(rows.map((r) => [r.org_unit_id, Number(r.n)]));
}

/**
 * Registrations (đăng ký thi đua) belong to the emulation module, which is being built beside this
 * one: the count is read from a table with `org_unit_id` and `year` whose name contains
 * "registration" when one exists, and is null (shown as "chưa có số liệu") when none does. The
 * table is found once per database handle, from pg_catalog (information_schema took ~70 ms a call
 * on the benchmark's PostgreSQL); tables only change by migration, before the app serves.
 */
const registrationTables = new WeakMap<object, Promise<string | null>>();

function registrationTable(db: DbOrTx): Promise<string | null> {
  let found = registrationTables.get(db);
  if (!found) {
    found = queryRows<{ table_name: string }>(
      db,
      sql`select c.relname::text as table_name from pg_catalog.pg_class c
        join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
          and c.relname like '%registration%' and a.attname in ('org_unit_id', 'year')
        group by c.relname having count(*) = 2 order by c.relname limit 1`,
    ).then((rows) => rows[0]?.table_name ?? null);
    // A failed look-up is not remembered: the next request asks again.
    found.catch(() => registrationTables.delete(db));
    registrationTables.set(db, found);
  }
  return found;
}

export async function registrationCounts(
  db: DbOrTx,
  ids: readonly string[],
  year: number,
): Promise<Map<string, number> | null> {
  const table = await registrationTable(db);
  if (!table || !/^[a-z_]+$/.test(table) || ids.length === 0) return table ? new Map() : null;
  const rows = await queryRows<{ org_unit_id: string; n: number }>(
    db,
    sql`select org_unit_id, count(*)::int as n from ${sql.identifier(table)}
      where org_unit_id = any(${uuidArray(ids)}) and year = ${year} group by 1`,
  );
  return new Map(rows.map((r) => [r.org_unit_id, Number(r.n)]));
}

export type DrillFilter = {
  awardCode?: string | undefined;
  gender?: string | undefined;
  staffCategory?: string | undefined;
  field?: string | undefined;
};

export type DrillRecord = {
  id: string;
  subject_kind: string;
  subject_name: string;
  person_id: string | null;
  org_unit_id: string;
  unit_name: string;
  award_code: string;
  year: number;
  decision_id: string | null;
  decision_number: string | null;
  decision_date: string | null;
  amount: number | null;
};

export async function drillRecords(
  db: DbOrTx,
  ids: readonly string[],
  year: number,
  f: DrillFilter,
  limit: number,
): Promise<DrillRecord[]> {
  if (ids.length === 0) return [];
  const where: SQL[] = [sql`true`];
  if (f.awardCode) where.push(sql`a.award_code = ${f.awardCode}`);
  if (f.gender) where.push(sql`a.awardee_gender = ${f.gender}`);
  if (f.staffCategory) where.push(sql`a.awardee_staff_category = ${f.staffCategory}`);
  if (f.field !== undefined) where.push(sql`coalesce(a.field, '') = ${f.field}`);
  return queryRows<DrillRecord>(
    db,
    sql`with ${scopedAwards(ids, decidedIn(year), RECORD_COLUMNS)}
      select a.id, a.subject_kind,
        coalesce(p.full_name, h.head_name, u.name) as subject_name, a.person_id, a.unit_id as org_unit_id, u.name as unit_name,
        a.award_code, a.year, a.decision_id, a.decision_number, a.decision_date::text as decision_date,
        a.amount::float8 as amount
      from scoped a
      join org_units u on u.id = a.unit_id
      left join people p on p.id = a.person_id
      left join households h on h.id = a.household_id
      where ${sql.join(where, sql` and `)}
      order by a.award_code, u.name, subject_name, a.id
      limit ${limit}`,
  );
}
