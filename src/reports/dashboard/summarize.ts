import type { AwardRow, LabelledCount, SubjectCounts, UnitRow } from '../../contracts/dashboard.ts';
import { CATALOGUE, STAFF_CATEGORY_LABELS, isAwardCode, type StaffCategory } from '../../rules/index.ts';

/**
 * One cell of the award cube: the year's award records of a body grouped by the unit they went
 * to, the title or form, the subject kind, the field and (for a person) gender, staff category
 * and leadership. Every dashboard table is a roll-up of these cells, so one query feeds them all.
 */
export type AwardCell = {
  orgUnitId: string;
  awardCode: string;
  subjectKind: string;
  field: string;
  gender: string | null;
  staffCategory: string | null;
  isLeader: boolean | null;
  count: number;
  amount: number;
};

export type UnitInfo = { id: string; name: string; kind: string };

export const GENDER_LABELS: Readonly<Record<string, string>> = { male: 'Nam', female: 'Nữ' };
const NO_FIELD = 'Chưa ghi lĩnh vực';

export function emptyCounts(): SubjectCounts {
  return { collective: 0, individual: 0, household: 0, total: 0 };
}

function add(c: SubjectCounts, subjectKind: string, n: number): void {
  if (subjectKind === 'collective') c.collective += n;
  else if (subjectKind === 'household') c.household += n;
  else c.individual += n;
  c.total += n;
}

export function awardLabelOf(code: string): string {
  return isAwardCode(code) ? CATALOGUE[code].name : code;
}

export function awardCategoryOf(code: string): AwardRow['category'] {
  return isAwardCode(code) ? CATALOGUE[code].category : 'other';
}

function rankOf(code: string): number {
  return isAwardCode(code) ? CATALOGUE[code].rank : 10_000;
}

export function totalsOf(cells: readonly AwardCell[]): SubjectCounts & { amount: number } {
  const t = { ...emptyCounts(), amount: 0 };
  for (const c of cells) {
    add(t, c.subjectKind, c.count);
    t.amount += c.amount;
  }
  return t;
}

/** Titles first, then commendation forms, each in the catalogue's order; unknown codes last. */
export function byAward(cells: readonly AwardCell[]): AwardRow[] {
  const map = new Map<string, AwardRow>();
  for (const c of cells) {
    let row = map.get(c.awardCode);
    if (!row) {
      row = {
        awardCode: c.awardCode,
        label: awardLabelOf(c.awardCode),
        category: awardCategoryOf(c.awardCode),
        ...emptyCounts(),
        amount: 0,
      };
      map.set(c.awardCode, row);
    }
    add(row, c.subjectKind, c.count);
    row.amount += c.amount;
  }
  const categoryRank = { title: 0, form: 1, other: 2 } as const;
  return [...map.values()].sort(
    (a, b) =>
      categoryRank[a.category] - categoryRank[b.category] ||
      rankOf(a.awardCode) - rankOf(b.awardCode) ||
      a.awardCode.localeCompare(b.awardCode),
  );
}

export function byField(cells: readonly AwardCell[]): LabelledCount[] {
  const map = new Map<string, number>();
  for (const c of cells) map.set(c.field, (map.get(c.field) ?? 0) + c.count);
  return [...map.entries()]
    .map(([key, count]) => ({ key, label: key === '' ? NO_FIELD : key, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}

/** Individuals only: gender and staff category belong to people. */
export function byGender(cells: readonly AwardCell[]): LabelledCount[] {
  const map = new Map<string, number>();
  for (const c of cells) {
    if (c.subjectKind !== 'individual') continue;
    const key = c.gender ?? 'unknown';
    map.set(key, (map.get(key) ?? 0) + c.count);
  }
  return [...map.entries()]
    .map(([key, count]) => ({ key, label: GENDER_LABELS[key] ?? 'Không rõ', count }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function byStaffCategory(cells: readonly AwardCell[]): LabelledCount[] {
  const map = new Map<string, number>();
  for (const c of cells) {
    if (c.subjectKind !== 'individual') continue;
    const key = c.staffCategory ?? 'unknown';
    map.set(key, (map.get(key) ?? 0) + c.count);
  }
  return [...map.entries()]
    .map(([key, count]) => ({
      key,
      label: STAFF_CATEGORY_LABELS[key as StaffCategory] ?? 'Không rõ',
      count,
    }))
    .sort((a, b) => b.count - a.count);
}

/**
 * Rolls cells up to the body's direct units (agencies, mass organizations, neighbourhoods); a
 * record made for the body itself stays on the body's own line. `topOf` maps any unit of the
 * subtree to that line; units listed in `units` appear even with no award (unevenness shows them).
 */
export function byUnit(
  cells: readonly AwardCell[],
  units: readonly UnitInfo[],
  topOf: (orgUnitId: string) => string,
): UnitRow[] {
  const map = new Map<string, UnitRow>();
  for (const u of units)
    map.set(u.id, { orgUnitId: u.id, name: u.name, kind: u.kind, ...emptyCounts(), amount: 0 });
  for (const c of cells) {
    const row = map.get(topOf(c.orgUnitId));
    if (!row) continue;
    add(row, c.subjectKind, c.count);
    row.amount += c.amount;
  }
  return [...map.values()];
}

export type Split = {
  awarded: number;
  awardedShare: number | null;
  staff: number;
  staffShare: number | null;
};

export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export function per100(n: number, members: number): number {
  return members > 0 ? Math.round((n / members) * 1000) / 10 : 0;
}
