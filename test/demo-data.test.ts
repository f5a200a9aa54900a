import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePerson } from '../src/rules/index.ts';
import { loadPersonFacts } from '../src/nominations/load-person-facts.ts';
import { openTestApp, type TestApp } from './support/test-app.ts';

/**
 * The demo data must carry the seed's year (issue 2, item 10): at least 70 officials of Phường
 * Mỹ Quý, of whom exactly 64 have 2022 facts that qualify them as "Lao động tiên tiến" — checked
 * by the rules engine itself, not by the seed's own bookkeeping.
 */
describe('demo data from the seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp('pglite');
  });
  afterAll(() => t.close());

  it('has at least 70 officials of Phường Mỹ Quý and exactly 64 qualify as "Lao động tiên tiến" for 2022', async () => {
    const rows = await t.database.query<{ person_id: string }>(
      `select distinct e.person_id from employments e join org_units u on u.id = e.org_unit_id
        where u.path like (select path from org_units where id = $1) || '%' and e.start_date <= '2022-12-31'
          and (e.end_date is null or e.end_date > '2022-01-01')`,
      [t.ids.myQuy],
    );
    expect(rows.length).toBeGreaterThanOrEqual(70);
    expect(t.ids.advancedWorker2022).toHaveLength(64);
    const facts = await loadPersonFacts(
      t.database.db,
      rows.map((r) => r.person_id),
      2022,
    );
    const qualified = [...facts.values()]
      .filter(
        (f) =>
          evaluatePerson(f.facts, { decisionDate: '2023-01-16', provinceCode: 'AG' }).advancedWorker.eligible,
      )
      .map((f) => f.facts.personId)
      .sort();
    expect(qualified).toHaveLength(64);
    expect(qualified).toEqual([...t.ids.advancedWorker2022].sort());
  });

  it('gives every disqualified official a reason the rules engine names', async () => {
    const facts = await loadPersonFacts(
      t.database.db,
      t.ids.notQualified2022.map((n) => n.personId),
      2022,
    );
    for (const { personId } of t.ids.notQualified2022) {
      const result = evaluatePerson(facts.get(personId)!.facts, {
        decisionDate: '2023-01-16',
        provinceCode: 'AG',
      });
      expect(result.advancedWorker.eligible).toBe(false);
      expect(result.advancedWorker.reasons.length).toBeGreaterThan(0);
    }
  });

  it('names the chairman Liêu Quốc Bình and merges Mỹ Quý into Phường Long Xuyên from 01/07/2025', async () => {
    const [chairman] = await t.database.query<{ full_name: string }>(
      'select full_name from people where id = $1',
      [t.ids.chairmanPersonId],
    );
    expect(chairman!.full_name).toBe('Liêu Quốc Bình');
    const events = await t.database.query<{ kind: string; effective_date: string }>(
      'select kind, effective_date::text from org_events where predecessor_id = $1 and successor_id = $2',
      [t.ids.myQuy, t.ids.longXuyen],
    );
    expect(events).toEqual([{ kind: 'merge', effective_date: '2025-07-01' }]);
  });
});
