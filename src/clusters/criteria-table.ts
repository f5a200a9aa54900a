/**
 * The cluster's criteria table (bảng tiêu chí chấm điểm) and the points a scorer gives on it.
 * Pure: no I/O. The table's content is provincial practice, not national law (legal-brief §9:
 * "Scoring tables … set by provincial/district quy chế" — unverified), so it is data here.
 */

export type CriteriaItemKind = 'standard' | 'bonus' | 'penalty';

export type CriteriaItem = {
  id: string;
  title: string;
  /** Most points the item gives (standard, bonus) or takes away (penalty). */
  maxPoints: number;
  kind: CriteriaItemKind;
  /** The member must attach or cite evidence when it claims points on this item. */
  evidenceRequired: boolean;
};

export type CriteriaGroup = {
  id: string;
  title: string;
  /** Sum of the group's standard items. */
  maxPoints: number;
  items: CriteriaItem[];
};

export type CriteriaTable = {
  /** Sum of every group's standard items (bonus and penalty items come on top). */
  maxTotal: number;
  groups: CriteriaGroup[];
};

export type TableProblem = { path: string; message: string };

const round2 = (n: number) => Math.round(n * 100) / 100;

export function allItems(table: CriteriaTable): CriteriaItem[] {
  return table.groups.flatMap((g) => g.items);
}

/** Checks the totals and the shape; an empty list means the table can be used for scoring. */
export function checkCriteriaTable(table: CriteriaTable): TableProblem[] {
  const problems: TableProblem[] = [];
  const ids = new Set<string>();
  if (table.groups.length === 0)
    problems.push({ path: 'groups', message: 'Bảng tiêu chí chưa có nhóm tiêu chí nào.' });
  let standardTotal = 0;
  table.groups.forEach((g, gi) => {
    if (ids.has(g.id)) problems.push({ path: `groups.${gi}.id`, message: `Mã "${g.id}" bị trùng.` });
    ids.add(g.id);
    let groupStandard = 0;
    g.items.forEach((item, ii) => {
      const path = `groups.${gi}.items.${ii}`;
      if (ids.has(item.id)) problems.push({ path: `${path}.id`, message: `Mã "${item.id}" bị trùng.` });
      ids.add(item.id);
      if (!(item.maxPoints > 0))
        problems.push({
          path: `${path}.maxPoints`,
          message: `Điểm tối đa của "${item.title}" phải lớn hơn 0.`,
        });
      if (item.kind === 'standard') groupStandard += item.maxPoints;
    });
    groupStandard = round2(groupStandard);
    if (groupStandard !== round2(g.maxPoints)) {
      problems.push({
        path: `groups.${gi}.maxPoints`,
        message: `Nhóm "${g.title}": điểm tối đa ${fmt(g.maxPoints)} khác tổng các tiêu chí ${fmt(groupStandard)}.`,
      });
    }
    standardTotal += groupStandard;
  });
  standardTotal = round2(standardTotal);
  if (standardTotal !== round2(table.maxTotal)) {
    problems.push({
      path: 'maxTotal',
      message: `Tổng điểm tối đa ${fmt(table.maxTotal)} khác tổng các nhóm ${fmt(standardTotal)}.`,
    });
  }
  return problems;
}

export type ItemScore = { points: number; evidence?: string | undefined };
export type ScoreSheet = Record<string, ItemScore>;

/**
 * The total of one score sheet: standard and bonus points added, penalty points subtracted.
 * Items the sheet does not name count as 0.
 */
export function sheetTotal(table: CriteriaTable, sheet: ScoreSheet): number {
  let total = 0;
  for (const item of allItems(table)) {
    const points = sheet[item.id]?.points ?? 0;
    total += item.kind === 'penalty' ? -points : points;
  }
  return round2(total);
}

/**
 * Checks one score sheet against the table. Evidence is demanded only in the self round: the
 * member claims, the peers judge the claim.
 */
export function checkScoreSheet(
  table: CriteriaTable,
  sheet: ScoreSheet,
  round: 'self' | 'peer',
): TableProblem[] {
  const problems: TableProblem[] = [];
  const items = new Map(allItems(table).map((i) => [i.id, i]));
  for (const [id, score] of Object.entries(sheet)) {
    const item = items.get(id);
    if (!item) {
      problems.push({ path: id, message: `Tiêu chí "${id}" không có trong bảng tiêu chí.` });
      continue;
    }
    if (!Number.isFinite(score.points) || score.points < 0 || score.points > item.maxPoints) {
      problems.push({ path: id, message: `"${item.title}": điểm phải từ 0 đến ${fmt(item.maxPoints)}.` });
    }
    if (round === 'self' && item.evidenceRequired && score.points > 0 && !score.evidence?.trim()) {
      problems.push({ path: id, message: `"${item.title}": cần nêu minh chứng cho điểm tự chấm.` });
    }
  }
  return problems;
}

function fmt(n: number): string {
  return String(round2(n)).replace('.', ',');
}
