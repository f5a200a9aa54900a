// Thống kê thi đua, khen thưởng to Excel (issue 5, item 6): a body's award records of a year by
// unit, by form (danh hiệu / hình thức), by field, over the last years, and one flat table a user
// can pivot. The tables are roll-ups of the dashboard's award cube and trend queries — the same
// numbers the dashboard shows — written through platform/xlsx, which neutralizes `= + - @`.
import type { ExportColumn, ExportSheet, ExportValue } from '../../platform/xlsx/index.ts';
import { writeXlsxToBuffer } from '../../platform/xlsx/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import {
  YEAR_BASIS,
  awardCube,
  staffCells,
  trendCells,
  type TrendCell,
} from '../dashboard/dashboard.queries.ts';
import { reportScope } from '../dashboard/scope.ts';
import {
  GENDER_LABELS,
  awardCategoryOf,
  awardLabelOf,
  byAward,
  byUnit,
  emptyCounts,
  type AwardCell,
  type UnitInfo,
} from '../dashboard/summarize.ts';
import type { SubjectCounts } from '../../contracts/dashboard.ts';

/** How many years the "by year" sheet covers, ending with the report year (a documented default). */
export const STATISTICS_TREND_YEARS = 10;

type Row = Record<string, ExportValue>;
type Counts = SubjectCounts & { amount: number };

const text = (key: string, header: string, width = 36): ExportColumn<string> => ({
  key,
  header,
  type: 'text',
  width,
});
const num = (key: string, header: string, width = 12): ExportColumn<string> => ({
  key,
  header,
  type: 'number',
  width,
});
const COUNT_COLUMNS = [
  num('collective', 'Tập thể'),
  num('individual', 'Cá nhân'),
  num('household', 'Hộ gia đình'),
  num('total', 'Tổng số'),
  num('amount', 'Tiền thưởng (đồng)', 18),
];

const SUBJECT_LABELS: Readonly<Record<string, string>> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
  household: 'Hộ gia đình',
};
const CATEGORY_LABELS = { title: 'Danh hiệu thi đua', form: 'Hình thức khen thưởng', other: 'Khác' };
const NO_FIELD = 'Chưa ghi lĩnh vực';
const KIND_LABELS: Readonly<Record<string, string>> = {
  ward: 'Phường',
  commune: 'Xã',
  town: 'Thị trấn',
  agency: 'Cơ quan',
  mass_organization: 'Đoàn thể',
  neighbourhood: 'Khóm, ấp',
  hamlet: 'Ấp',
  village: 'Thôn',
  school: 'Trường học',
  enterprise: 'Doanh nghiệp',
  public_service_unit: 'Đơn vị sự nghiệp',
  other: 'Khác',
};

function countsOf(c: Counts): Row {
  return {
    collective: c.collective,
    individual: c.individual,
    household: c.household,
    total: c.total,
    amount: c.amount,
  };
}

function addTo(c: Counts, subjectKind: string, n: number, amount: number): void {
  if (subjectKind === 'collective') c.collective += n;
  else if (subjectKind === 'household') c.household += n;
  else c.individual += n;
  c.total += n;
  c.amount += amount;
}

function sumRow(label: string, rows: readonly Counts[], key = 'label'): Row {
  const t: Counts = { ...emptyCounts(), amount: 0 };
  for (const r of rows) {
    t.collective += r.collective;
    t.individual += r.individual;
    t.household += r.household;
    t.total += r.total;
    t.amount += r.amount;
  }
  return { [key]: label, ...countsOf(t) };
}

/** Fields with counts by subject kind (the dashboard's byField counts only), most awards first. */
export function fieldRows(cells: readonly AwardCell[]): (Counts & { field: string })[] {
  const map = new Map<string, Counts & { field: string }>();
  for (const c of cells) {
    let row = map.get(c.field);
    if (!row) {
      row = { field: c.field, ...emptyCounts(), amount: 0 };
      map.set(c.field, row);
    }
    addTo(row, c.subjectKind, c.count, c.amount);
  }
  return [...map.values()].sort(
    (a, b) => b.total - a.total || (a.field || NO_FIELD).localeCompare(b.field || NO_FIELD, 'vi'),
  );
}

/** One row per year and form over the trend window, years in order, forms as the dashboard orders them. */
export function yearRows(cells: readonly TrendCell[]): Row[] {
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const out: Row[] = [];
  for (const year of years) {
    const asCube = cells
      .filter((c) => c.year === year)
      .map((c): AwardCell => ({
        orgUnitId: '',
        awardCode: c.awardCode,
        subjectKind: c.subjectKind,
        field: '',
        gender: null,
        staffCategory: null,
        isLeader: null,
        count: c.count,
        amount: c.amount,
      }));
    const forms = byAward(asCube);
    for (const f of forms) out.push({ year, label: f.label, ...countsOf(f) });
    out.push({ year, ...sumRow(`Cộng năm ${year}`, forms) });
  }
  return out;
}

export type StatisticsWorkbookInput = {
  bodyName: string;
  year: number;
  /** The body's direct units, with the body itself first for records made to it directly. */
  units: readonly UnitInfo[];
  topOf: (orgUnitId: string) => string;
  cells: readonly AwardCell[];
  trend: readonly TrendCell[];
  staffByUnit: ReadonlyMap<string, number>;
  generatedAt: Date;
};

/** The sheets of the workbook (pure: the tests and the CLI check these without a database). */
export function statisticsSheets(input: StatisticsWorkbookInput): ExportSheet<string>[] {
  const unitName = new Map(input.units.map((u) => [u.id, u.name]));
  const units = byUnit(input.cells, input.units, input.topOf);
  const forms = byAward(input.cells);
  const fields = fieldRows(input.cells);
  const from = input.year - STATISTICS_TREND_YEARS + 1;
  return [
    {
      name: 'Thông tin',
      columns: [text('k', 'Mục', 24), text('v', 'Nội dung', 100)],
      rows: [
        { k: 'Đơn vị báo cáo', v: input.bodyName },
        { k: 'Năm', v: String(input.year) },
        { k: 'Cách tính năm', v: YEAR_BASIS },
        { k: 'Nguồn', v: 'Bản ghi khen thưởng còn hiệu lực (không tính bản ghi đã thu hồi).' },
        { k: 'Lập lúc', v: input.generatedAt.toISOString() },
      ],
    },
    {
      name: 'Theo đơn vị',
      columns: [
        text('label', 'Đơn vị'),
        text('kind', 'Loại', 16),
        num('staff', 'Số người'),
        ...COUNT_COLUMNS,
      ],
      rows: [
        ...units.map((u) => ({
          label: u.name,
          kind: KIND_LABELS[u.kind] ?? u.kind,
          staff: input.staffByUnit.get(u.orgUnitId) ?? 0,
          ...countsOf(u),
        })),
        sumRow('Tổng cộng', units),
      ],
    },
    {
      name: 'Theo hình thức',
      columns: [text('label', 'Danh hiệu, hình thức', 44), text('category', 'Loại', 22), ...COUNT_COLUMNS],
      rows: [
        ...forms.map((f) => ({ label: f.label, category: CATEGORY_LABELS[f.category], ...countsOf(f) })),
        sumRow('Tổng cộng', forms),
      ],
    },
    {
      name: 'Theo lĩnh vực',
      columns: [text('label', 'Lĩnh vực', 44), ...COUNT_COLUMNS],
      rows: [
        ...fields.map((f) => ({ label: f.field || NO_FIELD, ...countsOf(f) })),
        sumRow('Tổng cộng', fields),
      ],
    },
    {
      name: `Theo năm ${from}-${input.year}`,
      columns: [num('year', 'Năm', 8), text('label', 'Danh hiệu, hình thức', 44), ...COUNT_COLUMNS],
      rows: yearRows(input.trend),
    },
    {
      name: 'Số liệu chi tiết',
      columns: [
        text('unit', 'Đơn vị'),
        text('award', 'Danh hiệu, hình thức', 40),
        text('category', 'Loại', 22),
        text('field', 'Lĩnh vực', 28),
        text('subject', 'Đối tượng', 14),
        text('gender', 'Giới tính', 10),
        num('count', 'Số lượng'),
        num('amount', 'Tiền thưởng (đồng)', 18),
      ],
      rows: input.cells.map((c) => ({
        unit: unitName.get(input.topOf(c.orgUnitId)) ?? '',
        award: awardLabelOf(c.awardCode),
        category: CATEGORY_LABELS[awardCategoryOf(c.awardCode)],
        field: c.field || NO_FIELD,
        subject: SUBJECT_LABELS[c.subjectKind] ?? c.subjectKind,
        gender: c.gender ? (GENDER_LABELS[c.gender] ?? '') : '',
        count: c.count,
        amount: c.amount,
      })),
    },
  ];
}

/** Reads the tables for a body and year (the caller's read scope applies) and writes the workbook. */
export async function statisticsWorkbook(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  now = new Date(),
): Promise<{ file: Buffer; fileName: string }> {
  const scope = await reportScope(ctx, orgUnitId, year);
  const db = ctx.deps.database.db;
  const [cells, trend, staff] = await Promise.all([
    awardCube(db, scope.ids, year),
    trendCells(db, scope.ids, year - STATISTICS_TREND_YEARS + 1, year),
    staffCells(db, scope.ids, year, { composition: false }),
  ]);
  const self: UnitInfo = { id: scope.body.id, name: scope.body.name, kind: scope.body.kind };
  const staffByUnit = new Map<string, number>();
  for (const s of staff) {
    const line = scope.topOf(s.orgUnitId);
    staffByUnit.set(line, (staffByUnit.get(line) ?? 0) + s.people);
  }
  const sheets = statisticsSheets({
    bodyName: scope.body.name,
    year,
    units: [self, ...scope.units],
    topOf: scope.topOf,
    cells,
    trend,
    staffByUnit,
    generatedAt: now,
  });
  return { file: await writeXlsxToBuffer(sheets), fileName: `thong-ke-thi-dua-khen-thuong-${year}.xlsx` };
}
