import type { StatisticForm } from '../../contracts/dashboard.ts';
import type { AwardCell } from '../dashboard/summarize.ts';

/**
 * Periodic TĐKT statistics to the level above: forms 0601–0605.N/BNV-TĐKT, "Ban hành theo Thông tư
 * số 02/2023/TT-BNV ngày 23/3/2023" (the Ministry of Home Affairs' statistical reporting regime).
 *
 * UNVERIFIED: the circular's own text could not be read here. Titles, row codes and columns follow
 * the report templates of the anchor system LPM (public repository, Blade views of forms 0601–0605),
 * which is a secondary source. Every form says so (`verified: false`, `note`). Cells the system
 * has no data for are null (blank in Excel), never 0.
 */
export type FormCode = StatisticForm['form'];

export const FORM_TITLES: Readonly<Record<FormCode, string>> = {
  '0601': 'SỐ PHONG TRÀO THI ĐUA',
  '0602': 'SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC',
  '0603':
    'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
  '0604': 'SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG',
  '0605': 'SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG',
};

const BASIS = 'Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ';
const UNVERIFIED_NOTE =
  'Mẫu biểu dựng theo cấu trúc của phần mềm LPM, chưa đối chiếu với văn bản gốc của Thông tư 02/2023/TT-BNV; ô để trống là số liệu hệ thống chưa quản lý, cần điền tay.';

export type StatisticInput = {
  form: FormCode;
  year: number;
  reporter: string;
  cells: readonly AwardCell[];
  /** Units of the scope whose kind is an enterprise (row "Trong đó: Doanh nghiệp"). */
  enterpriseUnitIds: ReadonlySet<string>;
  /** Emulation movements launched in the year by launch level, when the emulation module has them. */
  movements: { central: number; province: number; unit: number } | null;
};

type Row = StatisticForm['rows'][number];
const row = (label: string, code: string, unit: string, values: (number | null)[], bold = false): Row => ({
  label,
  code,
  unit,
  values,
  bold,
});

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

export function buildStatisticForm(input: StatisticInput): StatisticForm {
  const base = {
    form: input.form,
    symbol: `Biểu số: ${input.form}.N/BNV-TĐKT`,
    title: FORM_TITLES[input.form],
    basis: BASIS,
    verified: false,
    note: UNVERIFIED_NOTE,
    reporter: input.reporter,
    year: input.year,
  };
  switch (input.form) {
    case '0601':
      return { ...base, ...form0601(input) };
    case '0602':
      return { ...base, ...form0602(input.cells) };
    case '0603':
      return { ...base, ...form0603(input.cells, input.enterpriseUnitIds) };
    case '0604':
      return {
        ...base,
        columns: [
          'Tổng số',
          'Hội đồng Thi đua - Khen thưởng',
          'Bộ phận làm công tác TĐKT chuyên trách',
          'Bộ phận kiêm nhiệm',
        ],
        rows: [row('Tổng số', '01', 'Tổ chức', [null, null, null, null], true)],
      };
    case '0605':
      return {
        ...base,
        columns: ['Tổng số', 'Chuyên trách', 'Kiêm nhiệm'],
        rows: [
          row('Tổng số', '01', 'Người', [null, null, null], true),
          row('Trong đó: Nữ', '02', 'Người', [null, null, null]),
        ],
      };
  }
}

function form0601(input: StatisticInput): Pick0601 {
  const m = input.movements;
  const v = (x: number | undefined) => (m ? (x ?? 0) : null);
  const total = m ? m.central + m.province + m.unit : null;
  return {
    columns: [
      'Tổng số',
      'Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)',
      'Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương',
      'Cơ quan, tổ chức, đơn vị',
    ],
    rows: [
      row('Tổng số', '01', 'Phong trào', [total, v(m?.central), v(m?.province), v(m?.unit)], true),
      row('1. Chia theo phạm vi tổ chức thi đua', '', '', [null, null, null, null], true),
      row('- Toàn quốc', '02', 'Phong trào', [v(m?.central), v(m?.central), null, null]),
      row('- Bộ, ban, ngành đoàn thể, địa phương', '03', 'Phong trào', [
        v(m?.province),
        null,
        v(m?.province),
        null,
      ]),
      row('- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức', '04', 'Phong trào', [
        null,
        null,
        null,
        null,
      ]),
      row('- Cơ quan, tổ chức, đơn vị', '05', 'Phong trào', [v(m?.unit), null, null, v(m?.unit)]),
      row('2. Chia theo thời hạn thi đua', '', '', [null, null, null, null], true),
      row('- Dưới 1 năm', '06', 'Phong trào', [null, null, null, null]),
      row('- 1 năm', '07', 'Phong trào', [null, null, null, null]),
      row('- Từ 1 năm đến dưới 3 năm', '08', 'Phong trào', [null, null, null, null]),
      row('- Từ 3 năm đến dưới 5 năm', '09', 'Phong trào', [null, null, null, null]),
      row('- Từ 5 năm trở lên', '10', 'Phong trào', [null, null, null, null]),
      row('3. Chia theo phương thức tổ chức phong trào thi đua', '', '', [null, null, null, null], true),
      row('- Thi đua theo chuyên đề', '11', 'Phong trào', [null, null, null, null]),
      row('- Thi đua thường xuyên hàng năm', '12', 'Phong trào', [null, null, null, null]),
    ],
  };
}
type Pick0601 = Pick<StatisticForm, 'columns' | 'rows'>;

function form0602(cells: readonly AwardCell[]): Pick0601 {
  const flag = code('government_emulation_flag');
  const pm = code('prime_minister_diploma_of_merit');
  const nat = code('national_emulation_fighter');
  const any: Sel = (c) => flag(c) || pm(c) || nat(c);
  const line = (label: string, c: string, unit: string, sel: Sel[], bold = false) =>
    row(
      label,
      c,
      unit,
      [
        count(cells, any, ...sel),
        null,
        null,
        null,
        null,
        count(cells, flag, ...sel),
        count(cells, pm, kind('collective'), ...sel),
        count(cells, pm, kind('individual'), ...sel),
        count(cells, nat, ...sel),
        null,
      ],
      bold,
    );
  return {
    columns: [
      'Tổng số',
      'Các loại huân chương, huy chương',
      'Giải thưởng Hồ Chí Minh',
      'Giải thưởng Nhà nước',
      'Danh hiệu vinh dự nhà nước',
      'Cờ thi đua của Chính phủ',
      'Bằng khen của Thủ tướng Chính phủ - Tập thể',
      'Bằng khen của Thủ tướng Chính phủ - Cá nhân',
      'Chiến sĩ thi đua toàn quốc',
      'Các hình thức khen thưởng khác',
    ],
    rows: [
      line('Tổng số', '01', '', [], true),
      line('- Tập thể', '02', 'Tập thể', [kind('collective')]),
      line('- Hộ gia đình', '03', 'Hộ', [kind('household')]),
      line('- Cá nhân', '04', 'Người', [kind('individual')]),
    ],
  };
}

function form0603(cells: readonly AwardCell[], enterprises: ReadonlySet<string>): Pick0601 {
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
  const blank = (label: string, c: string, unit: string) =>
    row(label, c, unit, [null, null, null, null, null]);
  const leader: Sel = (c) => c.isLeader === true;
  const direct: Sel = (c) => c.isLeader !== true;
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
      row('1. Chia theo đối tượng khen thưởng', '', '', [null, null, null, null, null], true),
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
        [kind('individual'), direct],
      ),
      row('2. Chia theo phương thức khen thưởng', '', '', [null, null, null, null, null], true),
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
