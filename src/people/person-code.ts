import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';

/** Person codes are "<province>-<6 digits>", unique, carried by exports for re-import matching. */
export async function nextPersonCode(db: DbOrTx, provinceCode: string): Promise<string> {
  const prefix = `${provinceCode}-`;
  // Two creations at once would read the same maximum: a transaction-scoped advisory lock per
  // province serializes code generation until the caller's transaction ends (call it inside one).
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`person_code:${provinceCode}`}))`);
  const rows = await queryRows<{ n: number | string }>(
    db,
    // The position must be typed int: substring(text from text) is the regular-expression form.
    sql`select coalesce(max(substring(code from ${prefix.length + 1}::int)::int), 0) + 1 as n
          from people where code like ${`${prefix}%`}::text and substring(code from ${prefix.length + 1}::int) ~ '^[0-9]+$'`,
  );
  const n = Number(rows[0]?.n ?? 1);
  return `${prefix}${String(n).padStart(6, '0')}`;
}
