import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';

/**
 * Columns of a table of another module, or null when the table does not exist yet. The emulation
 * module (movements, conference, registrations, covenants) is being built beside the reports; the
 * reports read its tables when they are there and say "no data" when they are not.
 */
export async function tableColumns(db: DbOrTx, table: string): Promise<Set<string> | null> {
  const rows = await queryRows<{ column_name: string }>(
    db,
    sql`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table}`,
  );
  return rows.length === 0 ? null : new Set(rows.map((r) => r.column_name));
}

/** The first of `candidates` that exists, as an identifier. */
export function firstColumn(columns: Set<string>, candidates: readonly string[]): SQL | null {
  const found = candidates.find((c) => columns.has(c));
  return found ? sql`${sql.identifier(found)}` : null;
}

export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** A text[] or jsonb array column as read by either driver. */
export function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') {
    const s = value.trim();
    if (s.startsWith('[')) {
      try {
        return asStringList(JSON.parse(s) as unknown);
      } catch {
        return [];
      }
    }
    if (s.startsWith('{') && s.endsWith('}')) {
      return s
        .slice(1, -1)
        .split(',')
        .map((x) => x.replace(/^"|"$/g, '').trim())
        .filter((x) => x !== '');
    }
    return s === '' ? [] : [s];
  }
  return [];
}

/** Awards a body's chairman grants as Giấy khen (commune level, and the older agency/district code). */
export const CERTIFICATE_AWARD_CODES = ['commune_certificate_of_merit', 'certificate_of_merit'] as const;

/** Award records decided in a year: by the decision date, else by the record's own year. */
export function decidedIn(year: number, alias = 'a'): SQL {
  const a = sql.raw(alias);
  return sql`(case when ${a}.decision_date is null then ${a}.year = ${year}
    else ${a}.decision_date >= ${`${year}-01-01`}::date and ${a}.decision_date < ${`${year + 1}-01-01`}::date end)`;
}

/**
 * The leader of a unit (or of any unit of a subtree) on a date: a person marked leader whose
 * employment there was open that day, with the position of that employment. People's own
 * `org_unit_id` is their current unit (after the 2025 merge, the new ward), so a past year's
 * documents read employments. `positionLike` narrows to e.g. 'Chủ tịch UBND%'.
 */
export async function leaderOn(
  db: DbOrTx,
  subtree: readonly string[],
  asOf: string,
  positionLike?: readonly string[],
): Promise<{ name: string; position: string | null } | undefined> {
  const position =
    positionLike && positionLike.length > 0
      ? sql`and (${sql.join(
          positionLike.map((p) => sql`e.position ilike ${p}`),
          sql` or `,
        )})`
      : sql``;
  const rows = await queryRows<{ full_name: string; position: string | null }>(
    db,
    sql`select p.full_name, e.position from employments e join people p on p.id = e.person_id
        where e.org_unit_id = any(${uuidArray(subtree)}) and p.is_leader
          and e.start_date <= ${asOf}::date and (e.end_date is null or e.end_date > ${asOf}::date) ${position}
        order by e.start_date, p.created_at limit 1`,
  );
  const r = rows[0];
  return r ? { name: r.full_name, position: r.position } : undefined;
}
