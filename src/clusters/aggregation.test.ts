import { describe, expect, it } from 'vitest';
import {
  aggregateValues,
  rankMembers,
  type AggregationConfig,
  type AggregationMethod,
  type MemberScores,
} from './aggregation.ts';

describe('aggregateValues', () => {
  const cases: { values: number[]; method: AggregationMethod; trim: number; expected: number | null }[] = [
    { values: [80, 90, 100], method: 'mean', trim: 0, expected: 90 },
    { values: [80, 90, 100, 50], method: 'mean', trim: 0, expected: 80 },
    { values: [50, 80, 90, 100], method: 'trimmed_mean', trim: 1, expected: 85 },
    { values: [10, 80, 90, 100, 100], method: 'trimmed_mean', trim: 1, expected: 90 },
    { values: [10, 80, 90], method: 'trimmed_mean', trim: 2, expected: 80 },
    { values: [70, 95], method: 'trimmed_mean', trim: 1, expected: 82.5 },
    { values: [90, 10, 80], method: 'median', trim: 0, expected: 80 },
    { values: [90, 10, 80, 60], method: 'median', trim: 0, expected: 70 },
    { values: [], method: 'mean', trim: 0, expected: null },
    { values: [], method: 'median', trim: 0, expected: null },
    { values: [], method: 'trimmed_mean', trim: 1, expected: null },
  ];
  it.each(cases)('$method of $values (trim $trim) is $expected', ({ values, method, trim, expected }) => {
    expect(aggregateValues(values, method, trim)).toBe(expected);
  });
});

const base: AggregationConfig = { method: 'mean', trimCount: 1, missing: 'exclude', tieBreak: [] };

/** A, B, C, D score each other; `grid[x][y]` is what x gave y. */
function members(
  grid: Record<string, Record<string, number>>,
  self: Record<string, number | null> = {},
  submittedAt: Record<string, string | null> = {},
): MemberScores[] {
  const ids = Object.keys(grid);
  return ids.map((id) => ({
    memberId: id,
    peer: Object.fromEntries(ids.flatMap((s) => (grid[s]![id] === undefined ? [] : [[s, grid[s]![id]!]]))),
    self: self[id] ?? null,
    submittedAt: id in submittedAt ? (submittedAt[id] ?? null) : '2024-01-10T00:00:00Z',
  }));
}

describe('rankMembers', () => {
  it('ranks by the mean of the peer totals, highest first', () => {
    const r = rankMembers(members({ A: { B: 80, C: 90 }, B: { A: 95, C: 85 }, C: { A: 93, B: 70 } }), base);
    expect(r.map((m) => [m.memberId, m.aggregate, m.rank])).toEqual([
      ['A', 94, 1],
      ['C', 87.5, 2],
      ['B', 75, 3],
    ]);
  });

  it('ignores a score a member gave itself', () => {
    const r = rankMembers(members({ A: { A: 100, B: 80 }, B: { A: 60, B: 100 } }), base);
    expect(r.find((m) => m.memberId === 'A')!.aggregate).toBe(60);
    expect(r.find((m) => m.memberId === 'B')!.aggregate).toBe(80);
  });

  const missingCases: { policy: AggregationConfig['missing']; aggregateOfA: number }[] = [
    { policy: 'exclude', aggregateOfA: 90 },
    { policy: 'zero', aggregateOfA: 60 },
  ];
  it.each(missingCases)(
    'with missing scores counted as "$policy" A gets $aggregateOfA',
    ({ policy, aggregateOfA }) => {
      // D never scored A.
      const r = rankMembers(
        members({
          A: { B: 80, C: 80, D: 80 },
          B: { A: 90, C: 80, D: 80 },
          C: { A: 90, B: 80, D: 80 },
          D: { B: 80, C: 80 },
        }),
        { ...base, missing: policy },
      );
      const a = r.find((m) => m.memberId === 'A')!;
      expect(a.missingScorers).toEqual(['D']);
      expect(a.expectedScorers).toBe(3);
      expect(a.aggregate).toBe(aggregateOfA);
    },
  );

  it('lists a member nobody scored after the ranked ones, without a rank', () => {
    const r = rankMembers(members({ A: { B: 70 }, B: {}, C: { B: 75 } }), base);
    expect(r.map((m) => [m.memberId, m.rank])).toEqual([
      ['B', 1],
      ['A', null],
      ['C', null],
    ]);
    expect(r[1]!.missingScorers).toEqual(['B', 'C']);
  });

  it('trims the extreme peer totals with the trimmed mean', () => {
    const r = rankMembers(members({ A: { E: 10 }, B: { E: 80 }, C: { E: 90 }, D: { E: 100 }, E: {} }), {
      ...base,
      method: 'trimmed_mean',
      trimCount: 1,
    });
    expect(r.find((m) => m.memberId === 'E')!.aggregate).toBe(85);
  });

  type TieCase = {
    name: string;
    rules: AggregationConfig['tieBreak'];
    grid: Record<string, Record<string, number>>;
    self?: Record<string, number | null>;
    submittedAt?: Record<string, string | null>;
    order: string[];
    ranks: (number | null)[];
    brokenBy: (string | null)[];
  };
  // A and B both average 85 from C and D; each case separates them differently.
  const tieCases: TieCase[] = [
    {
      name: 'no rule: A and B share rank 1 and C is third',
      rules: [],
      grid: { A: {}, B: {}, C: { A: 80, B: 85 }, D: { A: 90, B: 85 } },
      order: ['A', 'B', 'C', 'D'],
      ranks: [1, 1, null, null],
      brokenBy: [null, null, null, null],
    },
    {
      name: 'higher_min_peer puts B (85, 85) before A (80, 90)',
      rules: ['higher_min_peer'],
      grid: { A: {}, B: {}, C: { A: 80, B: 85 }, D: { A: 90, B: 85 } },
      order: ['B', 'A', 'C', 'D'],
      ranks: [1, 2, null, null],
      brokenBy: [null, 'higher_min_peer', null, null],
    },
    {
      name: 'smaller_self_gap puts A (self 86) before B (self 95)',
      rules: ['smaller_self_gap'],
      grid: { A: {}, B: {}, C: { A: 80, B: 85 }, D: { A: 90, B: 85 } },
      self: { A: 86, B: 95 },
      order: ['A', 'B', 'C', 'D'],
      ranks: [1, 2, null, null],
      brokenBy: [null, 'smaller_self_gap', null, null],
    },
    {
      name: 'earlier_submission decides when the first rule cannot',
      rules: ['higher_median', 'earlier_submission'],
      grid: { A: {}, B: {}, C: { A: 85, B: 85 }, D: { A: 85, B: 85 } },
      submittedAt: { A: '2024-01-12T08:00:00Z', B: '2024-01-11T08:00:00Z' },
      order: ['B', 'A', 'C', 'D'],
      ranks: [1, 2, null, null],
      brokenBy: [null, 'earlier_submission', null, null],
    },
    {
      name: 'a member without a report loses earlier_submission',
      rules: ['earlier_submission'],
      grid: { A: {}, B: {}, C: { A: 85, B: 85 }, D: { A: 85, B: 85 } },
      submittedAt: { A: null, B: '2024-01-11T08:00:00Z' },
      order: ['B', 'A', 'C', 'D'],
      ranks: [1, 2, null, null],
      brokenBy: [null, 'earlier_submission', null, null],
    },
  ];
  it.each(tieCases)('tie-break: $name', ({ rules, grid, self, submittedAt, order, ranks, brokenBy }) => {
    const r = rankMembers(members(grid, self, submittedAt), { ...base, tieBreak: rules });
    expect(r.map((m) => m.memberId)).toEqual(order);
    expect(r.map((m) => m.rank)).toEqual(ranks);
    expect(r.map((m) => m.tieBrokenBy)).toEqual(brokenBy);
  });

  it('marks a tie that survives every rule and skips the next rank', () => {
    const r = rankMembers(members({ A: { C: 70 }, B: { C: 70 }, C: { A: 90, B: 90 } }), {
      ...base,
      tieBreak: ['higher_min_peer', 'higher_median'],
    });
    expect(r.map((m) => [m.memberId, m.rank, m.tied])).toEqual([
      ['A', 1, true],
      ['B', 1, true],
      ['C', 3, false],
    ]);
  });
});
