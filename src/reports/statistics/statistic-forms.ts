import type { StatisticForm } from '../../contracts/dashboard.ts';
import type { AwardCell } from '../dashboard/summarize.ts';

/**
 * Periodic TĐKT statistics to the level above: forms 0601–0605.N/BNV-TĐKT of the Ministry of
 * Home Affairs' statistical reporting regime (chế độ báo cáo thống kê ngành Nội vụ).
 *
 * What was checked, and against what (searched December 2026; see docs/dashboards.md):
 *
 * - VERIFIED (official or near-official pages): Thông tư 02/2023/TT-BNV of 23/3/2023 sets the
 *   regime, in force from 10/5/2023; its Phụ lục I lists the forms and Phụ lục II gives the forms
 *   and their explanations; the reporting unit is written in the top right corner of each form; and
 *   the TĐKT yearly period runs from 01/12 of the year before to 30/11 of the report year (the other
 *   fields use the calendar year). Sources: SOURCES.circular, SOURCES.period.
 * - VERIFIED: Thông tư 18/2025/TT-BNV of 08/10/2025, "Quy định Chế độ báo cáo thống kê ngành Nội
 *   vụ", was issued after the 2025 reform (SOURCES.successor). Whether and from when it replaces
 *   TT 02/2023, and whether its TĐKT forms keep the codes 0601–0605, could NOT be read: the legal
 *   basis printed on the forms is therefore a parameter (`basis`), TT 02/2023 by default.
 * - UNVERIFIED (secondary source only): the titles, rows, row codes and columns of each form. The
 *   circular's annex could not be read; they follow the public templates of the anchor system LPM
 *   (SOURCES.templates), which print "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023".
 *   LPM's own row codes skip numbers in 0602 (04–05) and repeat 14 in 0605; they are kept as LPM
 *   prints them and flagged, not corrected by guess.
 *
 * Cells the system has no data for are null (blank in Excel), never 0.
 */
export const SOURCES = {
  circular: 'https://sonv.hungyen.gov.vn/portal/pages/print.aspx?p=10987',
  circularSummary:
    'https://lawnet.vn/thong-tin-phap-luat/khac/quy-dinh-moi-ve-che-do-bao-cao-thong-ke-nganh-noi-vu-115527.html',
  period: 'https://sonv.hungyen.gov.vn/portal/pages/print.aspx?p=10987',
  successor:
    'https://luatvietnam.vn/hanh-chinh/thong-tu-18-2025-tt-bnv-cua-bo-noi-vu-quy-dinh-che-do-bao-cao-thong-ke-nganh-noi-vu-414360-d1.html',
  templates:
    'lifephongphanmem/thiduakhenthuong_php8 resources/views/BaoCao/TT022023/Mau0601–Mau0605.blade.php',
} as const;

export type FormCode = StatisticForm['form'];

/** A rule the forms depend on, with whether it was checked and where. */
export type StatisticParameter<T> = { value: T; verified: boolean; source: string; note?: string };

export type StatisticsParameters = {
  /** The "Ban hành theo …" line of every form. */
  basis: StatisticParameter<string>;
  /** First day of the TĐKT reporting period, in the year before the report year (month, day). */
  periodStart: StatisticParameter<{ month: number; day: number }>;
};

export const DEFAULT_STATISTICS_PARAMETERS: StatisticsParameters = {
  basis: {
    value: 'Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ',
    verified: true,
    source: SOURCES.circular,
    note: 'Thông tư 18/2025/TT-BNV ngày 08/10/2025 quy định lại chế độ báo cáo thống kê ngành Nội vụ; chưa đối chiếu được việc thay thế và số hiệu biểu mới.',
  },
  periodStart: {
    value: { month: 12, day: 1 },
    verified: true,
    source: SOURCES.period,
    note: 'Kỳ báo cáo thống kê lĩnh vực thi đua, khen thưởng: từ ngày 01/12 năm trước đến ngày 30/11 năm báo cáo (Thông tư 02/2023/TT-BNV).',
  },
};

/** The reporting period of a year: [from, to], both ISO dates, inclusive. */
export function reportingPeriod(
  year: number,
  params: StatisticsParameters = DEFAULT_STATISTICS_PARAMETERS,
): { from: string; to: string } {
  const { month, day } = params.periodStart.value;
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = new Date(Date.UTC(year - 1, month - 1, day));
  const end = new Date(Date.UTC(year, month - 1, day - 1));
  const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return { from: iso(start), to: iso(end) };
}

export const FORM_TITLES: Readonly<Record<FormCode, string>> = {
  '0601': 'SỐ PHONG TRÀO THI ĐUA',
  '0602': 'SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC',
  '0603':
    'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
  '0604':
    'SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
  '0605':
    'SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
};

const UNVERIFIED_NOTE =
  'Tên biểu, chỉ tiêu, mã số và cột dựng theo mẫu của phần mềm LPM (nguồn thứ cấp), chưa đối chiếu được với Phụ lục II của Thông tư; ô để trống là số liệu hệ thống chưa quản lý, cần điền tay.';

export type StatisticInput = {
  form: FormCode;
  year: number;
  reporter: string;
  /** The award records decided in the reporting period. */
  cells: readonly AwardCell[];
  /** Units of the scope whose kind is an enterprise (row "Trong đó: Doanh nghiệp"). */
  enterpriseUnitIds: ReadonlySet<string>;
  /** Emulation movements launched in the period by launch level, when the emulation module has them. */
  movements: { central: number; province: number; unit: number } | null;
  params?: StatisticsParameters;
};

type Row = StatisticForm['rows'][number];
const row = (label: string, code: string, unit: string, values: (number | null)[], bold = false): Row => ({
  label,
  code,
  unit,
  values,
  bold,
});
const blanks = (n: number) => Array.from({ length: n }, () => null);

type Sel = (c: AwardCell) => boolean;
const count = (cells: readonly AwardCell[], ...preds: Sel[]) =>
  cells.filter((c) => preds.every((p) => p(c))).reduce((s, c) => s + c.count, 0);
const code =
  (...codes: string[]): Sel =>
  (c) =>
    codes.includes(c.awardCode);
const kind =
  (k: string): Sel =>
  (c) =>
    c.subjectKind === k;
const leader: Sel = (c) => c.isLeader === true;
const notLeader: Sel = (c) => c.isLeader !== true;

export function buildStatisticForm(input: StatisticInput): StatisticForm {
  const params = input.params ?? DEFAULT_STATISTICS_PARAMETERS;
  const period = reportingPeriod(input.year, params);
  const base = {
    form: input.form,
    symbol: `Biểu số: ${input.form}.N/BNV-TĐKT`,
    title: FORM_TITLES[input.form],
    basis: params.basis.value,
    verified: false,
    note: UNVERIFIED_NOTE,
    reporter: input.reporter,
    year: input.year,
    period,
    provenance: [
      { part: 'Căn cứ ban hành', verified: params.basis.verified, source: params.basis.source },
      {
        part: `Kỳ báo cáo ${formatVn(period.from)} – ${formatVn(period.to)}`,
        verified: params.periodStart.verified,
        source: params.periodStart.source,
      },
      { part: 'Tên biểu, chỉ tiêu, mã số, cột', verified: false, source: SOURCES.templates },
      { part: 'Văn bản thay thế sau năm 2025', verified: false, source: SOURCES.successor },
    ],
  };
  switch (input.form) {
    case '0601':
      return { ...base, ...form0601(input.movements) };
    case '0602':
      return { ...base, ...form0602(input.cells, input.enterpriseUnitIds) };
    case '0603':
      return { ...base, ...form0603(input.cells, input.enterpriseUnitIds) };
    case '0604':
      return { ...base, ...form0604() };
    case '0605':
      return { ...base, ...form0605() };
  }
}

function formatVn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

type Table = Pick<StatisticForm, 'columns' | 'rows'>;

/** 0601: movements by the level that launched them (columns) and by scope, length, method (rows). */
function form0601(m: StatisticInput['movements']): Table {
  const v = (x: number | undefined) => (m ? (x ?? 0) : null);
  const total = m ? m.central + m.province + m.unit : null;
  const none = blanks(4);
  return {
    columns: [
      'Tổng số (1 = 2 + 3 + 4)',
      'Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)',
      'Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương',
      'Cơ quan, tổ chức, đơn vị',
    ],
    rows: [
      row('Tổng số', '01', 'Phong trào', [total, v(m?.central), v(m?.province), v(m?.unit)], true),
      row('1. Chia theo phạm vi tổ chức thi đua', '', '', none, true),
      row('- Toàn quốc', '02', 'Phong trào', [v(m?.central), v(m?.central), null, null]),
      row('- Bộ, ban, ngành đoàn thể, địa phương', '03', 'Phong trào', [
        v(m?.province),
        null,
        v(m?.province),
        null,
      ]),
      row('- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức', '04', 'Phong trào', none),
      row('- Cơ quan, tổ chức, đơn vị', '05', 'Phong trào', [v(m?.unit), null, null, v(m?.unit)]),
      row('2. Chia theo thời hạn thi đua', '', '', none, true),
      row('- Dưới 1 năm', '06', 'Phong trào', none),
      row('- 1 năm', '07', 'Phong trào', none),
      row('- Từ 1 năm đến dưới 3 năm', '08', 'Phong trào', none),
      row('- Từ 3 năm đến dưới 5 năm', '09', 'Phong trào', none),
      row('- Từ 5 năm trở lên', '10', 'Phong trào', none),
      row('3. Chia theo phương thức tổ chức phong trào thi đua', '', '', none, true),
      row('- Thi đua theo chuyên đề', '11', 'Phong trào', none),
      row('- Thi đua thường xuyên hàng năm', '12', 'Phong trào', none),
    ],
  };
}

/**
 * 0602: state-level awards. Columns split each form by collective and individual as LPM does;
 * orders, medals, prizes and honorary titles are not in the system's catalogue (blank).
 */
function form0602(cells: readonly AwardCell[], enterprises: ReadonlySet<string>): Table {
  const flag = code('government_emulation_flag');
  const pm = code('prime_minister_diploma_of_merit');
  const nat = code('national_emulation_fighter');
  const any: Sel = (c) => flag(c) || pm(c) || nat(c);
  const values = (sel: Sel[]) => [
    count(cells, any, ...sel),
    null,
    null,
    null,
    null,
    null,
    null,
    count(cells, flag, ...sel),
    count(cells, pm, kind('collective'), ...sel),
    count(cells, pm, kind('individual'), ...sel),
    count(cells, nat, ...sel),
    null,
    null,
  ];
  const line = (label: string, c: string, unit: string, sel: Sel[], bold = false) =>
    row(label, c, unit, values(sel), bold);
  const blank = (label: string, c: string, unit: string, bold = false) =>
    row(label, c, unit, blanks(13), bold);
  return {
    columns: [
      'Tổng số',
      'Huân chương, huy chương - Tập thể',
      'Huân chương, huy chương - Cá nhân',
      'Giải thưởng Hồ Chí Minh - Cá nhân',
      'Giải thưởng Nhà nước - Cá nhân',
      'Danh hiệu vinh dự nhà nước - Tập thể',
      'Danh hiệu vinh dự nhà nước - Cá nhân',
      'Cờ thi đua của Chính phủ - Tập thể',
      'Bằng khen của Thủ tướng Chính phủ - Tập thể',
      'Bằng khen của Thủ tướng Chính phủ - Cá nhân',
      'Chiến sĩ thi đua toàn quốc - Cá nhân',
      'Các hình thức khen thưởng khác - Tập thể',
      'Các hình thức khen thưởng khác - Cá nhân',
    ],
    rows: [
      line('Tổng số', '1', '', [], true),
      blank('1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng', '', '', true),
      blank('- Bộ, ban, ngành, đoàn thể Trung ương', '2', 'Bộ, ngành'),
      line('- Tỉnh, thành phố trực thuộc Trung ương', '3', 'Tỉnh, TP', []),
      line('2. Chia theo đối tượng khen thưởng', '', '', [], true),
      line('- Tập thể', '6', 'Tập thể', [kind('collective')]),
      line('Trong đó: Doanh nghiệp', '7', 'Doanh nghiệp', [
        kind('collective'),
        (c) => enterprises.has(c.orgUnitId),
      ]),
      line('- Hộ gia đình', '8', 'Hộ', [kind('household')]),
      line('- Cá nhân', '9', 'Người', [kind('individual')]),
      blank('+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên', '10', 'Người'),
      blank('+ Lãnh đạo cấp vụ, sở, ngành và tương đương', '11', 'Người'),
      blank('+ Doanh nhân', '12', 'Người'),
      line('+ Các cấp lãnh đạo khác từ phó phòng trở lên', '13', 'Người', [kind('individual'), leader]),
      line(
        '+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)',
        '14',
        'Người',
        [kind('individual'), notLeader],
      ),
      blank('3. Chia theo phương thức khen thưởng', '', '', true),
      blank('- Thường xuyên', '15', ''),
      blank('- Chuyên đề', '16', ''),
      blank('- Đột xuất', '17', ''),
      blank('- Đối ngoại', '18', ''),
      blank('- Cống hiến', '19', ''),
      blank('- Niên hạn', '20', ''),
      blank('- Kháng chiến', '21', ''),
    ],
  };
}

/** 0603: ministry- and province-level awards. */
function form0603(cells: readonly AwardCell[], enterprises: ReadonlySet<string>): Table {
  const diploma = code('provincial_diploma_of_merit');
  const fighter = code('provincial_emulation_fighter');
  const flag = code('provincial_emulation_flag');
  const any: Sel = (c) => diploma(c) || fighter(c) || flag(c);
  const line = (label: string, c: string, unit: string, sel: Sel[], bold = false) =>
    row(
      label,
      c,
      unit,
      [
        count(cells, any, ...sel),
        count(cells, diploma, ...sel),
        count(cells, fighter, ...sel),
        count(cells, flag, ...sel),
        null,
      ],
      bold,
    );
  const blank = (label: string, c: string, unit: string, bold = false) =>
    row(label, c, unit, blanks(5), bold);
  return {
    columns: [
      'Tổng số',
      'Bằng khen',
      'Chiến sĩ thi đua cấp bộ, cấp tỉnh',
      'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
      'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
    ],
    rows: [
      line('Tổng số', '01', '', [], true),
      blank('1. Chia theo đối tượng khen thưởng', '', '', true),
      line('- Tập thể', '02', 'Tập thể', [kind('collective')]),
      line('Trong đó: Doanh nghiệp', '03', 'Doanh nghiệp', [
        kind('collective'),
        (c) => enterprises.has(c.orgUnitId),
      ]),
      line('- Hộ gia đình', '04', 'Hộ', [kind('household')]),
      line('- Cá nhân', '05', 'Người', [kind('individual')]),
      blank('+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên', '06', 'Người'),
      blank('+ Lãnh đạo cấp vụ, sở, ngành và tương đương', '07', 'Người'),
      blank('+ Doanh nhân', '08', 'Người'),
      line('+ Các cấp lãnh đạo khác từ phó phòng trở lên', '09', 'Người', [kind('individual'), leader]),
      line(
        '+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)',
        '10',
        'Người',
        [kind('individual'), notLeader],
      ),
      blank('2. Chia theo phương thức khen thưởng', '', '', true),
      blank('- Thường xuyên', '11', ''),
      blank('- Chuyên đề', '12', ''),
      blank('- Đột xuất', '13', ''),
      blank('- Đối ngoại', '14', ''),
      blank('- Cống hiến', '15', ''),
      blank('- Niên hạn', '16', ''),
      blank('- Kháng chiến', '17', ''),
    ],
  };
}

/** 0604: bodies doing TĐKT work at ministry/province level; the system keeps none of this (blank). */
function form0604(): Table {
  const none = blanks(1);
  return {
    columns: ['Số lượng'],
    rows: [
      row('Tổng số', '01', 'Tổ chức', none, true),
      row('Chia theo cơ cấu tổ chức bộ máy', '', '', none, true),
      row('- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương', '02', 'Vụ', none),
      row('- Cấp phòng, ban hoặc bộ phận thuộc Vụ', '03', 'Phòng', none),
      row('- Cấp ban thuộc Sở Nội vụ', '04', 'Ban', none),
      row('- Cấp phòng thuộc Sở Nội vụ', '05', 'Phòng', none),
    ],
  };
}

/** 0605: civil servants doing TĐKT work, by age, training and years in the field (blank). */
function form0605(): Table {
  const none = blanks(2);
  const r = (label: string, c: string, bold = false) => row(label, c, 'Người', none, bold);
  return {
    columns: ['Tổng số', 'Trong đó: Nữ'],
    rows: [
      r('Tổng số', '01', true),
      row('1. Chia theo độ tuổi', '', '', none, true),
      r('- Từ 30 trở xuống', '02'),
      r('- Từ 31 đến 40', '03'),
      r('- Từ 41 đến 50', '04'),
      r('- Từ 51 đến 55', '05'),
      r('- Từ 56 đến 60', '06'),
      r('- Trên 60 tuổi', '07'),
      row('2. Chia theo trình độ đào tạo', '', '', none, true),
      r('- Sơ cấp', '08'),
      r('- Trung cấp', '09'),
      r('- Cao đẳng', '10'),
      r('- Đại học', '11'),
      r('- Trên đại học', '12'),
      row('3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng', '', '', none, true),
      r('- Dưới 5 năm', '13'),
      r('- Từ 5 đến 10 năm', '14'),
      // LPM prints 14 again here; kept as the only source has it (unverified).
      r('- Từ 10 năm trở lên', '14'),
    ],
  };
}
