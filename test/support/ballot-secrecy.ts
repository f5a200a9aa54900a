import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type DbOrTx } from '../../src/platform/db/client.ts';

/** A choice readable as a JSON string value: `"choice":"yes"`, `"x":"abstain"`. */
const READABLE_CHOICE = /:"(yes|no|abstain)"/;

/**
 * Scans the whole database for anything that links a voter to a choice, as an attacker holding
 * the database (not the ballot key) would: every table of `information_schema`, every live row
 * as text, the rows grouped by `xmin` (one transaction), the urn's rows by `ctid`, and the audit
 * log. `voterIds` are the members' and their users' ids; `keyText` the instance's ballot key,
 * which must appear nowhere in the database.
 */
export async function expectNoVoterChoiceLink(
  db: DbOrTx,
  voterIds: ReadonlySet<string>,
  keyText: string,
): Promise<{ sealed: number; urn: number }> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
  );
  const tables = new Map<string, string[]>();
  for (const c of columns) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
  // The only column holding a choice is the urn's, and the urn has no voter, no time, no sequence.
  const withChoice = [...tables].filter(([, cols]) => cols.includes('choice')).map(([t]) => t);
  expect(withChoice).toEqual(['council_ballots']);
  expect([...tables.get('council_ballots')!].sort()).toEqual(['agenda_item_id', 'choice', 'id']);
  expect([...tables.get('council_sealed_ballots')!].sort()).toEqual(['agenda_item_id', 'id', 'sealed']);

  const names = (r: string) => [...voterIds].some((id) => r.includes(id));
  const byXmin = new Map<string, string[]>();
  for (const table of tables.keys()) {
    const rows = await queryRows<{ x: string; r: string }>(
      db,
      sql`select xmin::text as x, row_to_json(t)::text as r from ${sql.identifier(table)} t`,
    );
    for (const { x, r } of rows) {
      expect(r.includes(keyText), `${table} holds the ballot key`).toBe(false);
      if (names(r)) expect(r, `${table}: a voter beside a choice`).not.toMatch(READABLE_CHOICE);
      byXmin.set(x, [...(byXmin.get(x) ?? []), `${table} ${r}`]);
    }
  }
  // One transaction's rows are linked by xmin: no transaction that wrote a voter's row also
  // wrote a readable choice.
  for (const [x, rows] of byXmin) {
    if (rows.some(names)) {
      for (const r of rows) expect(r, `xmin ${x}`).not.toMatch(READABLE_CHOICE);
    }
  }
  // Sealed ballots: all the same length (no choice by length) and no choice in the bytes.
  const sealed = await queryRows<{ sealed: string }>(db, sql`select sealed from council_sealed_ballots`);
  expect(new Set(sealed.map((s) => s.sealed.length)).size).toBeLessThanOrEqual(1);
  for (const s of sealed) {
    const bytes = Buffer.from(s.sealed, 'base64').toString('latin1');
    expect(bytes).not.toMatch(/yes|abstain/);
  }
  // The urn of each item was written by one statement: one xmin per item, whatever its ctid order.
  const urn = await queryRows<{ agenda_item_id: string; xmins: number; n: number }>(
    db,
    sql`select agenda_item_id, count(distinct xmin::text)::int as xmins, count(*)::int as n
        from council_ballots group by agenda_item_id`,
  );
  for (const u of urn) expect(u.xmins, `urn of ${u.agenda_item_id}`).toBe(1);
  // No item has both a plain urn and sealed ballots: the ciphertexts go when the urn is written.
  const both = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from council_ballots b
        where exists (select 1 from council_sealed_ballots s where s.agenda_item_id = b.agenda_item_id)`,
  );
  expect(both[0]!.n).toBe(0);
  // The audit says that a ballot was cast, by whom, never what.
  const cast = await queryRows<{ after: unknown; before: unknown }>(
    db,
    sql`select after, before from audit_log where action in ('council.ballot_cast', 'council.written_opinion')`,
  );
  for (const row of cast) {
    expect(JSON.stringify(row.after ?? null)).not.toMatch(/"(yes|no|abstain)"|choice/);
    expect(row.before).toBeNull();
  }
  return { sealed: sealed.length, urn: urn.reduce((n, u) => n + u.n, 0) };
}
