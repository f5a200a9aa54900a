// `tdkt eligibility --input facts.(json|xlsx) [--decision-date YYYY-MM-DD] [--format json|xlsx] [--out FILE]`
// Evaluates a whole unit from a file with the rules engine and writes the results with their
// reasons. Formats: docs/rules.md.
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { neutralizeCell } from '../platform/xlsx/index.ts';
import {
  ABSENCE_LABELS,
  CATALOGUE,
  DISCIPLINE_LABELS,
  RATING_LABELS,
  RULES_VERSION,
  STAFF_CATEGORY_LABELS,
  createRuleContext,
  evaluateUnit,
  isIsoDate,
  type AwardCode,
  type CollectiveYearFacts,
  type HouseholdYearFacts,
  type PersonYearFacts,
  type Reason,
  type UnitEvaluation,
} from '../rules/index.ts';

const isoDate = z.string().refine(isIsoDate, { message: 'ngày phải theo dạng YYYY-MM-DD' });
const rating = z.enum(['excellent', 'good', 'completed', 'not_completed']).nullable();
const awardCodes = Object.keys(CATALOGUE) as [AwardCode, ...AwardCode[]];

const personSchema = z.object({
  personId: z.string().min(1),
  fullName: z.string().optional(),
  collectiveId: z.string().nullable().optional(),
  year: z.number().int().optional(),
  staffCategory: z.enum(['cadre', 'civil_servant', 'public_employee', 'part_time_official', 'worker']),
  rating,
  hiredOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
  pendingDiscipline: z.boolean().optional(),
  activeParticipation: z.boolean().optional(),
  female: z.boolean().optional(),
  absences: z
    .array(
      z.object({
        kind: z.enum(['maternity', 'treatment', 'training', 'unpaid']),
        from: isoDate,
        to: isoDate,
        certifiedInjury: z.boolean().optional(),
      }),
    )
    .optional(),
  disciplines: z
    .array(
      z.object({
        form: z.enum([
          'reprimand',
          'warning',
          'salary_demotion',
          'demotion',
          'removal_from_post',
          'dismissal',
        ]),
        decidedOn: isoDate,
        endsOn: isoDate.nullable().optional(),
      }),
    )
    .optional(),
  initiatives: z
    .array(
      z.object({
        scope: z.enum(['grassroots', 'province', 'national']),
        year: z.number().int(),
        title: z.string().optional(),
      }),
    )
    .optional(),
  history: z
    .array(
      z.object({
        year: z.number().int(),
        award: z.enum(awardCodes),
        revoked: z.boolean().optional(),
        kind: z.enum(['regular', 'thematic', 'unexpected', 'dedication', 'seniority', 'foreign']).optional(),
      }),
    )
    .optional(),
});

const collectiveSchema = z.object({
  collectiveId: z.string().min(1),
  name: z.string().optional(),
  year: z.number().int().optional(),
  rating,
  activeEmulation: z.boolean().optional(),
  internalUnity: z.boolean().optional(),
  pendingDiscipline: z.boolean().optional(),
  dissolved: z.boolean().optional(),
});

const householdSchema = z.object({
  householdId: z.string().min(1),
  headName: z.string().optional(),
  year: z.number().int().optional(),
  pendingDiscipline: z.boolean().optional(),
  criteria: z.object({
    lawCompliance: z.boolean(),
    emulationParticipation: z.boolean(),
    happyFamily: z.boolean(),
  }),
});

export const eligibilityInputSchema = z.object({
  unit: z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    provinceCode: z.string().min(1).optional(),
  }),
  year: z.number().int().min(2000).max(2100),
  decisionDate: isoDate.optional(),
  regime: z.enum(['law2003_nd91', 'law2022_nd98', 'law2022_nd152']).nullable().optional(),
  persons: z.array(personSchema),
  collectives: z.array(collectiveSchema).optional(),
  households: z.array(householdSchema).optional(),
});

export type EligibilityInput = z.infer<typeof eligibilityInputSchema>;

export class EligibilityInputError extends Error {}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 20)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : '(gốc)';
      let what: string;
      switch (issue.code) {
        case 'invalid_value':
          what = `giá trị phải là một trong: ${issue.values.map(String).join(', ')}`;
          break;
        case 'invalid_type':
          what = `thiếu hoặc sai kiểu (cần ${issue.expected})`;
          break;
        case 'too_small':
          what = 'giá trị quá nhỏ hoặc để trống';
          break;
        case 'custom':
          what = issue.message;
          break;
        default:
          what = 'không hợp lệ';
      }
      return `- ${where}: ${what}`;
    })
    .join('\n');
}

export function parseEligibilityInput(raw: unknown): EligibilityInput {
  const parsed = eligibilityInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new EligibilityInputError(`Dữ liệu đầu vào không hợp lệ:\n${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Workbook input: one sheet per kind of fact, English code names in the first row.

const SHEETS = {
  info: 'Thông tin',
  persons: 'Cá nhân',
  disciplines: 'Kỷ luật',
  absences: 'Vắng mặt',
  initiatives: 'Sáng kiến',
  history: 'Lịch sử',
  collectives: 'Tập thể',
  households: 'Hộ gia đình',
} as const;

type Row = Record<string, unknown>;

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return undefined;
  }
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  return v;
}

function sheetRows(workbook: ExcelJS.Workbook, name: string): Row[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) return [];
  const header = sheet.getRow(1);
  const keys: string[] = [];
  header.eachCell({ includeEmpty: true }, (cell, col) => {
    keys[col] = String(cellValue(cell.value) ?? '').trim();
  });
  const rows: Row[] = [];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const record: Row = {};
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const key = keys[col];
      const value = cellValue(cell.value);
      if (key && value !== undefined) {
        record[key] = value;
        any = true;
      }
    });
    if (any) rows.push({ ...record, __row: index });
  });
  return rows;
}

const reverse = (labels: Readonly<Record<string, string>>) =>
  new Map(
    Object.entries(labels).flatMap(([code, label]) => [
      [label.toLowerCase(), code] as const,
      [code, code] as const,
    ]),
  );
const RATING_BY_TEXT = reverse(RATING_LABELS);
const DISCIPLINE_BY_TEXT = reverse(DISCIPLINE_LABELS);
const ABSENCE_BY_TEXT = reverse(ABSENCE_LABELS);
const STAFF_BY_TEXT = reverse(STAFF_CATEGORY_LABELS);

const text = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));
const code = (map: Map<string, string>, v: unknown): string | undefined =>
  v === undefined ? undefined : (map.get(String(v).toLowerCase()) ?? String(v));
function bool(v: unknown): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  const t = String(v).trim().toLowerCase();
  if (['x', '1', 'true', 'có', 'co', 'yes'].includes(t)) return true;
  if (['0', 'false', 'không', 'khong', 'no'].includes(t)) return false;
  return undefined;
}
const int = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const k = text(r[key]);
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/** Reads a facts workbook into the same plain object as the JSON input (not yet validated). */
export async function readFactsWorkbook(data: Buffer | ArrayBuffer): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const info = new Map(sheetRows(workbook, SHEETS.info).map((r) => [String(r.key ?? ''), r.value]));
  const disciplines = groupBy(sheetRows(workbook, SHEETS.disciplines), 'person_id');
  const absences = groupBy(sheetRows(workbook, SHEETS.absences), 'person_id');
  const initiatives = groupBy(sheetRows(workbook, SHEETS.initiatives), 'person_id');
  const history = groupBy(sheetRows(workbook, SHEETS.history), 'person_id');
  const persons = sheetRows(workbook, SHEETS.persons).map((r) => {
    const id = text(r.person_id) ?? '';
    return {
      personId: id,
      fullName: text(r.full_name),
      collectiveId: text(r.collective_id) ?? null,
      staffCategory: code(STAFF_BY_TEXT, r.staff_category),
      rating: code(RATING_BY_TEXT, r.rating) ?? null,
      hiredOn: text(r.hired_on) ?? null,
      leftOn: text(r.left_on) ?? null,
      pendingDiscipline: bool(r.pending_discipline),
      activeParticipation: bool(r.active_participation),
      female: bool(r.female),
      disciplines: (disciplines.get(id) ?? []).map((d) => ({
        form: code(DISCIPLINE_BY_TEXT, d.form),
        decidedOn: text(d.decided_on),
        endsOn: text(d.ends_on) ?? null,
      })),
      absences: (absences.get(id) ?? []).map((a) => ({
        kind: code(ABSENCE_BY_TEXT, a.kind),
        from: text(a.from),
        to: text(a.to),
        certifiedInjury: bool(a.certified_injury),
      })),
      initiatives: (initiatives.get(id) ?? []).map((i) => ({
        scope: text(i.scope),
        year: int(i.year),
        title: text(i.title),
      })),
      history: (history.get(id) ?? []).map((h) => ({
        year: int(h.year),
        award: text(h.award),
        revoked: bool(h.revoked),
        kind: text(h.kind),
      })),
    };
  });
  const collectives = sheetRows(workbook, SHEETS.collectives).map((r) => ({
    collectiveId: text(r.collective_id) ?? '',
    name: text(r.name),
    rating: code(RATING_BY_TEXT, r.rating) ?? null,
    activeEmulation: bool(r.active_emulation),
    internalUnity: bool(r.internal_unity),
    pendingDiscipline: bool(r.pending_discipline),
    dissolved: bool(r.dissolved),
  }));
  const households = sheetRows(workbook, SHEETS.households).map((r) => ({
    householdId: text(r.household_id) ?? '',
    headName: text(r.head_name),
    pendingDiscipline: bool(r.pending_discipline),
    criteria: {
      lawCompliance: bool(r.law_compliance) ?? false,
      emulationParticipation: bool(r.emulation_participation) ?? false,
      happyFamily: bool(r.happy_family) ?? false,
    },
  }));
  const regime = text(info.get('regime'));
  return {
    unit: {
      id: text(info.get('unit_id')) ?? '',
      name: text(info.get('unit_name')),
      provinceCode: text(info.get('province_code')),
    },
    year: int(info.get('year')),
    decisionDate: text(info.get('decision_date')),
    regime: regime ?? null,
    persons,
    collectives,
    households,
  };
}

/** Writes facts as a workbook in the input format (used for the example file and tests). */
export async function writeFactsWorkbook(input: EligibilityInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tdkt';
  const add = (name: string, header: string[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header);
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : neutralizeCell(v))));
  };
  add(
    SHEETS.info,
    ['key', 'value'],
    [
      ['unit_id', input.unit.id],
      ['unit_name', input.unit.name],
      ['province_code', input.unit.provinceCode],
      ['year', input.year],
      ['decision_date', input.decisionDate],
      ['regime', input.regime ?? undefined],
    ],
  );
  add(
    SHEETS.persons,
    [
      'person_id',
      'full_name',
      'collective_id',
      'staff_category',
      'rating',
      'hired_on',
      'left_on',
      'pending_discipline',
      'active_participation',
      'female',
    ],
    input.persons.map((p) => [
      p.personId,
      p.fullName,
      p.collectiveId ?? undefined,
      p.staffCategory,
      p.rating ?? undefined,
      p.hiredOn ?? undefined,
      p.leftOn ?? undefined,
      p.pendingDiscipline,
      p.activeParticipation,
      p.female,
    ]),
  );
  add(
    SHEETS.disciplines,
    ['person_id', 'form', 'decided_on', 'ends_on'],
    input.persons.flatMap((p) =>
      (p.disciplines ?? []).map((d) => [p.personId, d.form, d.decidedOn, d.endsOn ?? undefined]),
    ),
  );
  add(
    SHEETS.absences,
    ['person_id', 'kind', 'from', 'to', 'certified_injury'],
    input.persons.flatMap((p) =>
      (p.absences ?? []).map((a) => [p.personId, a.kind, a.from, a.to, a.certifiedInjury]),
    ),
  );
  add(
    SHEETS.initiatives,
    ['person_id', 'scope', 'year', 'title'],
    input.persons.flatMap((p) => (p.initiatives ?? []).map((i) => [p.personId, i.scope, i.year, i.title])),
  );
  add(
    SHEETS.history,
    ['person_id', 'year', 'award', 'revoked', 'kind'],
    input.persons.flatMap((p) =>
      (p.history ?? []).map((h) => [p.personId, h.year, h.award, h.revoked, h.kind]),
    ),
  );
  add(
    SHEETS.collectives,
    [
      'collective_id',
      'name',
      'rating',
      'active_emulation',
      'internal_unity',
      'pending_discipline',
      'dissolved',
    ],
    (input.collectives ?? []).map((c) => [
      c.collectiveId,
      c.name,
      c.rating ?? undefined,
      c.activeEmulation,
      c.internalUnity,
      c.pendingDiscipline,
      c.dissolved,
    ]),
  );
  add(
    SHEETS.households,
    [
      'household_id',
      'head_name',
      'law_compliance',
      'emulation_participation',
      'happy_family',
      'pending_discipline',
    ],
    (input.households ?? []).map((h) => [
      h.householdId,
      h.headName,
      h.criteria.lawCompliance,
      h.criteria.emulationParticipation,
      h.criteria.happyFamily,
      h.pendingDiscipline,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Evaluation and output.

export type EligibilityReport = {
  readonly rulesVersion: string;
  readonly evaluation: UnitEvaluation;
  readonly names: Readonly<Record<string, string>>;
};

/** Evaluates the unit described by a validated input. */
export function evaluateEligibilityInput(
  input: EligibilityInput,
  decisionDateOverride?: string,
): EligibilityReport {
  const decisionDate = decisionDateOverride ?? input.decisionDate;
  if (!decisionDate) {
    throw new EligibilityInputError(
      'Thiếu ngày quyết định: ghi decisionDate trong tệp hoặc dùng --decision-date YYYY-MM-DD.',
    );
  }
  const persons: PersonYearFacts[] = input.persons.map((p) => ({ ...p, year: p.year ?? input.year }));
  const collectives: CollectiveYearFacts[] = (input.collectives ?? []).map((c) => ({
    ...c,
    year: c.year ?? input.year,
  }));
  const households: HouseholdYearFacts[] = (input.households ?? []).map((h) => ({
    ...h,
    year: h.year ?? input.year,
  }));
  const ctx = createRuleContext({
    decisionDate,
    regime: input.regime ?? null,
    provinceCode: input.unit.provinceCode ?? 'AG',
  });
  const evaluation = evaluateUnit(
    { unitId: input.unit.id, unitName: input.unit.name, year: input.year, persons, collectives, households },
    ctx,
  );
  const names: Record<string, string> = {};
  for (const p of input.persons) if (p.fullName) names[p.personId] = p.fullName;
  for (const c of input.collectives ?? []) if (c.name) names[c.collectiveId] = c.name;
  for (const h of input.households ?? []) if (h.headName) names[h.householdId] = h.headName;
  return { rulesVersion: RULES_VERSION, evaluation, names };
}

const yesNo = (b: boolean) => (b ? 'Đạt' : 'Không đạt');
const failMessages = (reasons: readonly Reason[]) =>
  reasons
    .filter((r) => r.outcome !== 'pass')
    .map((r) => r.message)
    .join(' ');
const citations = (reasons: readonly Reason[]) =>
  [...new Set(reasons.map((r) => (r.verified ? r.citation : `${r.citation} [chưa xác minh]`)))].join('; ');

/** The results as a workbook with Vietnamese headers, every reason and its article. */
export async function writeResultWorkbook(report: EligibilityReport): Promise<Buffer> {
  const { evaluation: e, names } = report;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tdkt';
  const add = (name: string, header: string[], rows: unknown[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header);
    ws.getRow(1).font = { bold: true };
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : neutralizeCell(v))));
  };
  const quota = e.grassrootsFighterQuota;
  const ranking = new Map(quota.ranking.map((r) => [r.id, r]));
  add(
    'Thông tin',
    ['Mục', 'Giá trị'],
    [
      ['Đơn vị', e.unitName ?? e.unitId],
      ['Năm xét', e.year],
      [
        'Ngày quyết định',
        `${e.decisionDate.slice(8, 10)}/${e.decisionDate.slice(5, 7)}/${e.decisionDate.slice(0, 4)}`,
      ],
      ['Chế độ pháp lý', e.regimeName],
      ['Tỉnh', e.provinceCode],
      ['Phiên bản bộ quy tắc', report.rulesVersion],
      ['Số cá nhân', e.summary.persons],
      ['Đạt “Lao động tiên tiến”', e.summary.advancedWorkers],
      ['Đủ tiêu chuẩn “Chiến sĩ thi đua cơ sở”', e.summary.grassrootsFighterCandidates],
      ['Trong chỉ tiêu CSTĐCS', e.summary.grassrootsFighterWithinQuota],
      ['Đề nghị “Chiến sĩ thi đua cấp tỉnh”', e.summary.provincialFighterProposals],
      ['“Tập thể lao động tiên tiến”', e.summary.advancedLabourCollectives],
      ['“Tập thể lao động xuất sắc”', e.summary.excellentLabourCollectives],
      ['“Gia đình văn hóa”', e.summary.culturalFamilies],
    ],
    [40, 70],
  );
  add(
    'Cá nhân',
    [
      'Mã',
      'Họ và tên',
      'Tháng công tác được tính',
      'Lao động tiên tiến',
      'Chiến sĩ thi đua cơ sở',
      'Chỉ tiêu CSTĐCS',
      'Đề nghị CSTĐ cấp tỉnh',
      'Lý do',
      'Căn cứ',
    ],
    e.persons.map((p) => {
      const reasons = [
        ...p.advancedWorker.reasons,
        ...p.grassrootsFighter.reasons,
        ...p.provincialFighterProposal.reasons,
      ];
      const rank = ranking.get(p.personId);
      return [
        p.personId,
        names[p.personId],
        p.countedMonths,
        yesNo(p.advancedWorker.eligible),
        yesNo(p.grassrootsFighter.eligible),
        rank ? rank.explanation : '',
        yesNo(p.provincialFighterProposal.eligible),
        failMessages(
          p.advancedWorker.eligible
            ? [...p.grassrootsFighter.reasons, ...p.provincialFighterProposal.reasons]
            : p.advancedWorker.reasons,
        ),
        citations(reasons),
      ];
    }),
    [12, 28, 12, 14, 14, 50, 14, 80, 60],
  );
  add(
    'Tập thể',
    [
      'Mã',
      'Tên tập thể',
      'Số thành viên',
      'Tỷ lệ LĐTT',
      'Tập thể lao động tiên tiến',
      'Tập thể lao động xuất sắc',
      'Lý do',
      'Căn cứ',
    ],
    e.collectives.map((c) => {
      const reasons = [...c.advancedLabourCollective.reasons, ...c.excellentLabourCollective.reasons];
      return [
        c.collectiveId,
        names[c.collectiveId],
        c.memberCount,
        `${String(Math.round(c.advancedWorkerRatio * 1000) / 10).replace('.', ',')} %`,
        yesNo(c.advancedLabourCollective.eligible),
        yesNo(c.excellentLabourCollective.eligible),
        failMessages(reasons),
        citations(reasons),
      ];
    }),
    [12, 30, 12, 12, 16, 16, 80, 60],
  );
  add(
    'Hộ gia đình',
    ['Mã', 'Chủ hộ', 'Gia đình văn hóa', 'Lý do', 'Căn cứ'],
    e.households.map((h) => [
      h.householdId,
      names[h.householdId],
      yesNo(h.culturalFamily.eligible),
      failMessages(h.culturalFamily.reasons),
      citations(h.culturalFamily.reasons),
    ]),
    [12, 28, 16, 80, 50],
  );
  add(
    'Chỉ tiêu',
    ['Hạng', 'Mã', 'Họ và tên', 'Trong chỉ tiêu', 'Giải thích'],
    [
      ...quota.ranking.map((r) => [r.rank, r.id, names[r.id], r.admitted ? 'Có' : 'Không', r.explanation]),
      [],
      ['', '', '', '', quota.orderingRule],
      ...quota.reasons.map((r) => ['', '', '', '', `${r.message} (${r.citation})`]),
    ],
    [8, 12, 28, 14, 90],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const USAGE =
  'Cách dùng: tdkt eligibility --input facts.json|facts.xlsx [--decision-date YYYY-MM-DD] [--format json|xlsx] [--out TỆP]';

/** The `tdkt eligibility` command; returns the process exit code. */
export async function runEligibilityCommand(argv: string[]): Promise<number> {
  let values: { input?: string; 'decision-date'?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', short: 'i' },
        'decision-date': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.input) {
    console.error(`Cần --input.\n${USAGE}`);
    return 2;
  }
  const decisionDate = values['decision-date'];
  if (decisionDate !== undefined && !isIsoDate(decisionDate)) {
    console.error(`Ngày quyết định không hợp lệ: ${decisionDate} (cần YYYY-MM-DD).`);
    return 2;
  }
  const format =
    values.format ?? (values.out && extname(values.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'json');
  if (format !== 'json' && format !== 'xlsx') {
    console.error(`Định dạng không hỗ trợ: ${format} (json hoặc xlsx).`);
    return 2;
  }
  if (format === 'xlsx' && !values.out) {
    console.error('Xuất xlsx cần --out TỆP.xlsx.');
    return 2;
  }
  let raw: unknown;
  try {
    const data = await readFile(values.input);
    if (extname(values.input).toLowerCase() === '.xlsx') raw = await readFactsWorkbook(data);
    else raw = JSON.parse(data.toString('utf8')) as unknown;
  } catch (err) {
    console.error(`Không đọc được tệp ${values.input}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  let report: EligibilityReport;
  try {
    report = evaluateEligibilityInput(parseEligibilityInput(raw), decisionDate);
  } catch (err) {
    if (err instanceof EligibilityInputError || (err instanceof Error && err.message.includes('trùng'))) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  if (format === 'xlsx') {
    await writeFile(values.out as string, await writeResultWorkbook(report));
  } else {
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (values.out) await writeFile(values.out, json);
    else process.stdout.write(json);
  }
  const s = report.evaluation.summary;
  const where = values.out ? ` → ${values.out}` : '';
  console.error(
    `Đã xét ${s.persons} cá nhân (${s.advancedWorkers} đạt “Lao động tiên tiến”, ${s.grassrootsFighterWithinQuota} “Chiến sĩ thi đua cơ sở” trong chỉ tiêu), ${report.evaluation.collectives.length} tập thể, ${report.evaluation.households.length} hộ gia đình theo ${report.evaluation.regimeName}${where}.`,
  );
  return 0;
}
