import { describe, expect, it } from 'vitest';
import {
  checkCriteriaTable,
  checkScoreSheet,
  sheetTotal,
  type CriteriaTable,
  type ScoreSheet,
} from './criteria-table.ts';

const table: CriteriaTable = {
  maxTotal: 30,
  groups: [
    {
      id: 'A',
      title: 'Chỉ đạo',
      maxPoints: 30,
      items: [
        { id: 'A1', title: 'Kế hoạch', maxPoints: 20, kind: 'standard', evidenceRequired: true },
        { id: 'A2', title: 'Tổng kết', maxPoints: 10, kind: 'standard', evidenceRequired: false },
        { id: 'A3', title: 'Điểm thưởng', maxPoints: 5, kind: 'bonus', evidenceRequired: false },
        { id: 'A4', title: 'Điểm trừ', maxPoints: 10, kind: 'penalty', evidenceRequired: false },
      ],
    },
  ],
};

describe('checkCriteriaTable', () => {
  it('accepts a table whose standard items add up to the group and the total', () => {
    expect(checkCriteriaTable(table)).toEqual([]);
  });
  it('names a group whose items do not add up', () => {
    const broken = { ...table, groups: [{ ...table.groups[0]!, maxPoints: 25 }] };
    expect(checkCriteriaTable(broken).map((p) => p.path)).toEqual(['groups.0.maxPoints']);
  });
  it('names a total that differs from the sum of the groups', () => {
    expect(checkCriteriaTable({ ...table, maxTotal: 100 }).map((p) => p.path)).toEqual(['maxTotal']);
  });
  it('refuses duplicate codes', () => {
    const dup = structuredClone(table);
    dup.groups[0]!.items[1]!.id = 'A1';
    expect(checkCriteriaTable(dup)[0]!.message).toContain('bị trùng');
  });
});

describe('sheetTotal and checkScoreSheet', () => {
  const cases: { sheet: ScoreSheet; total: number }[] = [
    { sheet: { A1: { points: 20, evidence: 'x' }, A2: { points: 10 } }, total: 30 },
    { sheet: { A1: { points: 15, evidence: 'x' }, A3: { points: 5 } }, total: 20 },
    { sheet: { A1: { points: 15, evidence: 'x' }, A4: { points: 4 } }, total: 11 },
    { sheet: {}, total: 0 },
  ];
  it.each(cases)('totals %j', ({ sheet, total }) => {
    expect(sheetTotal(table, sheet)).toBe(total);
  });
  it('demands evidence for claimed points in the self round only', () => {
    const sheet = { A1: { points: 5 } };
    expect(checkScoreSheet(table, sheet, 'self')).toHaveLength(1);
    expect(checkScoreSheet(table, sheet, 'peer')).toEqual([]);
  });
  it('refuses points above the maximum and unknown items', () => {
    const problems = checkScoreSheet(table, { A2: { points: 11 }, Z9: { points: 1 } }, 'peer');
    expect(problems.map((p) => p.path)).toEqual(['A2', 'Z9']);
  });
});
