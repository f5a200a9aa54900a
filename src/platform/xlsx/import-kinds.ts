import type { z } from 'zod';
import { OrgKindCode } from '../../contracts/organizations.ts';
import {
  booleanColumn,
  dateColumn,
  defineImportSpec,
  enumColumn,
  integerColumn,
  textColumn,
} from './import-spec.ts';
import type { EnumOption, RowOf, RowProblem } from './import-spec.ts';

/**
 * The four imports of issue 2 (item 6). Codes are the glossary's (`docs/glossary.md`); labels are
 * what the user sees and picks. The lead's modules map the parsed rows to their tables.
 */

const CODE_PATTERN = { regex: /^[\p{L}\p{N}._/-]+$/u, description: 'chỉ gồm chữ, số và các dấu . _ / -' };
const CITIZEN_ID_PATTERN = { regex: /^\d{12}$/u, description: 'số CCCD gồm đúng 12 chữ số' };

export type OrgUnitKind = z.infer<typeof OrgKindCode>;

/** The label and accepted spellings of every kind of the contract's enum (the record makes a missing kind a type error). */
const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, Omit<EnumOption<OrgUnitKind>, 'value'>> = {
  province: { label: 'Tỉnh, thành phố trực thuộc Trung ương', aliases: ['Tỉnh', 'Thành phố trực thuộc TW'] },
  district: {
    label: 'Huyện, quận, thị xã, thành phố thuộc tỉnh',
    aliases: ['Huyện', 'Quận', 'Thị xã', 'Thành phố thuộc tỉnh'],
  },
  commune: { label: 'Xã' },
  ward: { label: 'Phường' },
  township: { label: 'Thị trấn' },
  special_zone: { label: 'Đặc khu' },
  agency: { label: 'Ban, ngành (cơ quan chuyên môn)', aliases: ['Ban, ngành', 'Cơ quan chuyên môn'] },
  mass_organization: {
    label: 'Đoàn thể',
    aliases: ['Mặt trận', 'Tổ chức chính trị - xã hội', 'Hội đoàn thể'],
  },
  neighbourhood: {
    label: 'Khóm, ấp, thôn, tổ dân phố',
    aliases: ['Khóm', 'Ấp', 'Thôn', 'Tổ dân phố', 'Khoá', 'Khu phố'],
  },
  school: { label: 'Trường học' },
  enterprise: { label: 'Doanh nghiệp' },
  other: { label: 'Khác' },
};

export const ORG_UNIT_KIND_OPTIONS: readonly EnumOption<OrgUnitKind>[] = OrgKindCode.options.map((value) => ({
  value,
  ...ORG_UNIT_KIND_LABELS[value],
}));

export const orgUnitImportSpec = defineImportSpec({
  kind: 'org_units',
  sheetName: 'Đơn vị',
  title: 'MẪU NHẬP DANH SÁCH ĐƠN VỊ, TỔ CHỨC',
  columns: [
    textColumn('code', 'Mã đơn vị', { required: true, maxLength: 50, pattern: CODE_PATTERN, width: 16 }),
    textColumn('name', 'Tên đơn vị', { required: true, maxLength: 255, width: 40 }),
    enumColumn('kind', 'Loại đơn vị', ORG_UNIT_KIND_OPTIONS, { required: true }),
    textColumn('parentCode', 'Mã đơn vị cấp trên', {
      maxLength: 50,
      pattern: CODE_PATTERN,
      width: 18,
      hint: 'Mã của đơn vị cấp trên (đã có trong hệ thống hoặc ở dòng khác của tệp); để trống nếu là cấp cao nhất.',
    }),
    dateColumn('validFrom', 'Hiệu lực từ ngày', {
      hint: 'Ngày thành lập hoặc bắt đầu hiệu lực, dd/mm/yyyy.',
    }),
    dateColumn('validTo', 'Hiệu lực đến ngày', {
      hint: 'Ngày giải thể, sáp nhập hoặc hết hiệu lực, dd/mm/yyyy; để trống nếu còn hoạt động.',
    }),
  ],
  validateRow: (row) => [
    ...dateOrder(row.validFrom, row.validTo, 'validTo', 'Hiệu lực đến ngày', 'Hiệu lực từ ngày'),
    ...(row.parentCode !== null && row.parentCode === row.code
      ? [{ column: 'parentCode' as const, message: 'đơn vị không thể là cấp trên của chính nó.' }]
      : []),
  ],
});
export type OrgUnitImportRow = RowOf<typeof orgUnitImportSpec.columns>;

export type Gender = 'male' | 'female';
export const GENDER_OPTIONS: readonly EnumOption<Gender>[] = [
  { label: 'Nam', value: 'male' },
  { label: 'Nữ', value: 'female' },
];

export type StaffCategory = 'cadre' | 'civil_servant' | 'public_employee' | 'part_time_official' | 'worker';
export const STAFF_CATEGORY_OPTIONS: readonly EnumOption<StaffCategory>[] = [
  { label: 'Cán bộ', value: 'cadre' },
  { label: 'Công chức', value: 'civil_servant' },
  { label: 'Viên chức', value: 'public_employee' },
  {
    label: 'Người hoạt động không chuyên trách',
    value: 'part_time_official',
    aliases: ['Không chuyên trách', 'Người hoạt động không chuyên trách ở cấp xã'],
  },
  { label: 'Người lao động', value: 'worker', aliases: ['Lao động hợp đồng', 'Hợp đồng lao động'] },
];

const personCode = (required: boolean) =>
  required
    ? textColumn('personCode', 'Mã cán bộ', {
        required: true,
        maxLength: 30,
        pattern: CODE_PATTERN,
        width: 14,
      })
    : textColumn('personCode', 'Mã cán bộ', {
        maxLength: 30,
        pattern: CODE_PATTERN,
        width: 14,
        hint: 'Mã do hệ thống cấp (có trong tệp xuất). Để trống khi nhập người mới.',
      });

const citizenId = textColumn('citizenId', 'Số CCCD', {
  maxLength: 12,
  pattern: CITIZEN_ID_PATTERN,
  padNumberTo: 12,
  headerAliases: ['CCCD', 'Số căn cước công dân', 'Số căn cước'],
  width: 15,
  hint: 'Số căn cước công dân, đúng 12 chữ số; nên định dạng ô là văn bản để giữ số 0 ở đầu.',
});

export const personImportSpec = defineImportSpec({
  kind: 'people',
  sheetName: 'Cán bộ',
  title: 'MẪU NHẬP DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG',
  columns: [
    personCode(false),
    textColumn('fullName', 'Họ và tên', {
      required: true,
      maxLength: 100,
      width: 28,
      headerAliases: ['Họ tên'],
    }),
    enumColumn('gender', 'Giới tính', GENDER_OPTIONS, { required: true }),
    dateColumn('birthDate', 'Ngày sinh'),
    citizenId,
    textColumn('unitCode', 'Mã đơn vị', { required: true, maxLength: 50, pattern: CODE_PATTERN, width: 14 }),
    textColumn('position', 'Chức vụ', { maxLength: 150, width: 28, headerAliases: ['Chức vụ, chức danh'] }),
    enumColumn('staffCategory', 'Đối tượng', STAFF_CATEGORY_OPTIONS, {
      required: true,
      headerAliases: ['Loại cán bộ', 'Phân loại'],
    }),
    dateColumn('startDate', 'Ngày bắt đầu công tác tại đơn vị', { width: 16 }),
  ],
  instructions: [
    'Khi nhập lại tệp đã xuất, hệ thống nhận ra từng người theo số CCCD, nếu không có thì theo mã cán bộ; dòng không xác định được duy nhất một người sẽ được báo để kiểm tra, không tạo trùng.',
  ],
  validateRow: (row) =>
    row.birthDate !== null && row.startDate !== null && row.startDate < row.birthDate
      ? [{ column: 'startDate', message: 'ngày bắt đầu công tác trước ngày sinh.' }]
      : [],
});
export type PersonImportRow = RowOf<typeof personImportSpec.columns>;

export type Rating = 'excellent' | 'good' | 'completed' | 'not_completed';
export const RATING_OPTIONS: readonly EnumOption<Rating>[] = [
  { label: 'Hoàn thành xuất sắc nhiệm vụ', value: 'excellent', aliases: ['HTXSNV', 'Hoàn thành xuất sắc'] },
  { label: 'Hoàn thành tốt nhiệm vụ', value: 'good', aliases: ['HTTNV', 'Hoàn thành tốt'] },
  { label: 'Hoàn thành nhiệm vụ', value: 'completed', aliases: ['HTNV', 'Hoàn thành'] },
  { label: 'Không hoàn thành nhiệm vụ', value: 'not_completed', aliases: ['KHTNV', 'Không hoàn thành'] },
];

export type AbsenceKind = 'maternity' | 'treatment' | 'training' | 'unpaid';
export const ABSENCE_KIND_OPTIONS: readonly EnumOption<AbsenceKind>[] = [
  { label: 'Nghỉ thai sản', value: 'maternity', aliases: ['Thai sản'] },
  {
    label: 'Nghỉ điều trị (ốm đau, tai nạn, bệnh nghề nghiệp)',
    value: 'treatment',
    aliases: ['Điều trị', 'Nghỉ ốm'],
  },
  { label: 'Đi học, đào tạo, bồi dưỡng', value: 'training', aliases: ['Đi học', 'Đào tạo'] },
  { label: 'Nghỉ không lương', value: 'unpaid', aliases: ['Không lương'] },
];

export type DisciplineForm =
  'reprimand' | 'warning' | 'salary_demotion' | 'demotion' | 'removal_from_post' | 'dismissal';
export const DISCIPLINE_FORM_OPTIONS: readonly EnumOption<DisciplineForm>[] = [
  { label: 'Khiển trách', value: 'reprimand' },
  { label: 'Cảnh cáo', value: 'warning' },
  { label: 'Hạ bậc lương', value: 'salary_demotion' },
  { label: 'Giáng chức', value: 'demotion' },
  { label: 'Cách chức', value: 'removal_from_post' },
  { label: 'Buộc thôi việc', value: 'dismissal' },
];

export type InitiativeScope = 'grassroots' | 'province' | 'national';
export const INITIATIVE_SCOPE_OPTIONS: readonly EnumOption<InitiativeScope>[] = [
  { label: 'Cấp cơ sở', value: 'grassroots', aliases: ['Cơ sở'] },
  { label: 'Cấp tỉnh', value: 'province', aliases: ['Tỉnh'] },
  { label: 'Toàn quốc', value: 'national', aliases: ['Cấp toàn quốc'] },
];

export const yearlyFactImportSpec = defineImportSpec({
  kind: 'yearly_facts',
  sheetName: 'Dữ liệu năm',
  title: 'MẪU NHẬP XẾP LOẠI, NGÀY NGHỈ, KỶ LUẬT, SÁNG KIẾN THEO NĂM',
  columns: [
    personCode(false),
    citizenId,
    textColumn('fullName', 'Họ và tên', {
      maxLength: 100,
      width: 28,
      hint: 'Để đối chiếu; hệ thống nhận người theo mã cán bộ hoặc số CCCD.',
    }),
    integerColumn('year', 'Năm', { required: true, min: 2000, max: 2100 }),
    enumColumn('rating', 'Xếp loại chất lượng', RATING_OPTIONS),
    integerColumn('monthsWorked', 'Số tháng công tác trong năm', { min: 0, max: 12, width: 14 }),
    enumColumn('absenceKind', 'Loại nghỉ', ABSENCE_KIND_OPTIONS),
    dateColumn('absenceFrom', 'Nghỉ từ ngày'),
    dateColumn('absenceTo', 'Nghỉ đến ngày'),
    enumColumn('disciplineForm', 'Hình thức kỷ luật', DISCIPLINE_FORM_OPTIONS),
    dateColumn('disciplineFrom', 'Kỷ luật từ ngày'),
    dateColumn('disciplineTo', 'Kỷ luật đến ngày'),
    booleanColumn('disciplinePending', 'Đang xem xét kỷ luật', { width: 14 }),
    enumColumn('initiativeScope', 'Cấp sáng kiến', INITIATIVE_SCOPE_OPTIONS),
    dateColumn('initiativeRecognizedOn', 'Ngày công nhận sáng kiến', { width: 15 }),
    textColumn('initiativeDecision', 'Số quyết định công nhận sáng kiến', { maxLength: 50, width: 20 }),
  ],
  instructions: [
    'Mỗi dòng là dữ liệu của một người trong một năm. Một người có nhiều lần nghỉ hoặc nhiều sáng kiến trong năm thì ghi thêm dòng (lặp lại mã cán bộ và năm), chỉ điền phần mới.',
  ],
  validateRow: (row) => {
    const problems: RowProblem<
      | 'personCode'
      | 'citizenId'
      | 'absenceKind'
      | 'absenceFrom'
      | 'absenceTo'
      | 'disciplineForm'
      | 'disciplineFrom'
      | 'disciplineTo'
      | 'initiativeScope'
      | 'initiativeRecognizedOn'
    >[] = [];
    if (row.personCode === null && row.citizenId === null) {
      problems.push({ column: null, message: 'cần ghi mã cán bộ hoặc số CCCD để xác định người.' });
    }
    if (row.absenceKind !== null && row.absenceFrom === null) {
      problems.push({ column: 'absenceFrom', message: 'có loại nghỉ thì phải ghi ngày bắt đầu nghỉ.' });
    }
    if (row.absenceKind === null && (row.absenceFrom !== null || row.absenceTo !== null)) {
      problems.push({ column: 'absenceKind', message: 'có ngày nghỉ thì phải chọn loại nghỉ.' });
    }
    problems.push(...dateOrder(row.absenceFrom, row.absenceTo, 'absenceTo', 'Nghỉ đến ngày', 'Nghỉ từ ngày'));
    if (row.disciplineForm === null && (row.disciplineFrom !== null || row.disciplineTo !== null)) {
      problems.push({
        column: 'disciplineForm',
        message: 'có ngày kỷ luật thì phải chọn hình thức kỷ luật.',
      });
    }
    problems.push(
      ...dateOrder(
        row.disciplineFrom,
        row.disciplineTo,
        'disciplineTo',
        'Kỷ luật đến ngày',
        'Kỷ luật từ ngày',
      ),
    );
    if (row.initiativeScope !== null && row.initiativeRecognizedOn === null) {
      problems.push({
        column: 'initiativeRecognizedOn',
        message: 'có sáng kiến thì phải ghi ngày công nhận.',
      });
    }
    if (row.initiativeScope === null && row.initiativeRecognizedOn !== null) {
      problems.push({
        column: 'initiativeScope',
        message: 'có ngày công nhận sáng kiến thì phải chọn cấp sáng kiến.',
      });
    }
    return problems;
  },
});
export type YearlyFactImportRow = RowOf<typeof yearlyFactImportSpec.columns>;

/** Titles (danh hiệu thi đua) and commendation forms (hình thức khen thưởng) of the glossary. */
export type PastAwardCode =
  | 'advanced_worker'
  | 'grassroots_emulation_fighter'
  | 'provincial_emulation_fighter'
  | 'national_emulation_fighter'
  | 'advanced_labour_collective'
  | 'excellent_labour_collective'
  | 'provincial_emulation_flag'
  | 'government_emulation_flag'
  | 'cultural_family'
  | 'cultural_neighbourhood'
  | 'exemplary_commune'
  | 'commune_certificate_of_merit'
  | 'certificate_of_merit'
  | 'provincial_diploma_of_merit'
  | 'prime_minister_diploma_of_merit'
  | 'diploma_of_merit'
  | 'commemorative_medal'
  | 'order'
  | 'medal';

export type PastAwardCategory = 'title' | 'commendation_form';

/** Whether a past award is a title or a commendation form (the glossary keeps them apart). */
export const PAST_AWARD_CATEGORY: Readonly<Record<PastAwardCode, PastAwardCategory>> = {
  advanced_worker: 'title',
  grassroots_emulation_fighter: 'title',
  provincial_emulation_fighter: 'title',
  national_emulation_fighter: 'title',
  advanced_labour_collective: 'title',
  excellent_labour_collective: 'title',
  provincial_emulation_flag: 'title',
  government_emulation_flag: 'title',
  cultural_family: 'title',
  cultural_neighbourhood: 'title',
  exemplary_commune: 'title',
  commune_certificate_of_merit: 'commendation_form',
  certificate_of_merit: 'commendation_form',
  provincial_diploma_of_merit: 'commendation_form',
  prime_minister_diploma_of_merit: 'commendation_form',
  diploma_of_merit: 'commendation_form',
  commemorative_medal: 'commendation_form',
  order: 'commendation_form',
  medal: 'commendation_form',
};

export const PAST_AWARD_OPTIONS: readonly EnumOption<PastAwardCode>[] = [
  { label: 'Lao động tiên tiến', value: 'advanced_worker', aliases: ['LĐTT'] },
  { label: 'Chiến sĩ thi đua cơ sở', value: 'grassroots_emulation_fighter', aliases: ['CSTĐCS'] },
  {
    label: 'Chiến sĩ thi đua cấp tỉnh',
    value: 'provincial_emulation_fighter',
    aliases: ['Chiến sĩ thi đua Bộ, ban, ngành, tỉnh', 'Chiến sĩ thi đua tỉnh'],
  },
  { label: 'Chiến sĩ thi đua toàn quốc', value: 'national_emulation_fighter' },
  { label: 'Tập thể lao động tiên tiến', value: 'advanced_labour_collective', aliases: ['TTLĐTT'] },
  { label: 'Tập thể lao động xuất sắc', value: 'excellent_labour_collective', aliases: ['TTLĐXS'] },
  { label: 'Cờ thi đua của UBND tỉnh', value: 'provincial_emulation_flag', aliases: ['Cờ thi đua tỉnh'] },
  { label: 'Cờ thi đua của Chính phủ', value: 'government_emulation_flag' },
  { label: 'Gia đình văn hóa', value: 'cultural_family' },
  {
    label: 'Thôn, tổ dân phố văn hóa',
    value: 'cultural_neighbourhood',
    aliases: ['Khóm văn hóa', 'Ấp văn hóa'],
  },
  { label: 'Xã, phường, thị trấn tiêu biểu', value: 'exemplary_commune' },
  {
    label: 'Giấy khen của Chủ tịch UBND xã, phường',
    value: 'commune_certificate_of_merit',
    aliases: ['Giấy khen của Chủ tịch UBND phường', 'Giấy khen của Chủ tịch UBND xã'],
  },
  { label: 'Giấy khen (cơ quan, đơn vị khác)', value: 'certificate_of_merit', aliases: ['Giấy khen'] },
  {
    label: 'Bằng khen của Chủ tịch UBND tỉnh',
    value: 'provincial_diploma_of_merit',
    aliases: ['Bằng khen UBND tỉnh', 'Bằng khen tỉnh'],
  },
  {
    label: 'Bằng khen của Thủ tướng Chính phủ',
    value: 'prime_minister_diploma_of_merit',
    aliases: ['Bằng khen Thủ tướng'],
  },
  {
    label: 'Bằng khen (Bộ, ban, ngành, đoàn thể Trung ương)',
    value: 'diploma_of_merit',
    aliases: ['Bằng khen'],
  },
  { label: 'Kỷ niệm chương', value: 'commemorative_medal' },
  { label: 'Huân chương', value: 'order' },
  { label: 'Huy chương', value: 'medal' },
];

export const pastCommendationImportSpec = defineImportSpec({
  kind: 'past_commendations',
  sheetName: 'Khen thưởng đã có',
  title: 'MẪU NHẬP DANH SÁCH DANH HIỆU, KHEN THƯỞNG ĐÃ ĐẠT',
  columns: [
    personCode(false),
    citizenId,
    textColumn('unitCode', 'Mã đơn vị (tập thể)', {
      maxLength: 50,
      pattern: CODE_PATTERN,
      width: 16,
      hint: 'Chỉ ghi khi người nhận là tập thể; khi đó để trống mã cán bộ và số CCCD.',
    }),
    textColumn('recipientName', 'Họ và tên / Tên tập thể', {
      maxLength: 255,
      width: 30,
      hint: 'Để đối chiếu; hệ thống nhận người nhận theo mã hoặc số CCCD.',
    }),
    integerColumn('year', 'Năm', { required: true, min: 1945, max: 2100 }),
    enumColumn('award', 'Danh hiệu / Hình thức khen thưởng', PAST_AWARD_OPTIONS, { required: true }),
    textColumn('decisionNumber', 'Số quyết định', { maxLength: 50, width: 18, hint: 'Ví dụ: 125/QĐ-UBND.' }),
    dateColumn('decisionDate', 'Ngày quyết định'),
    textColumn('issuer', 'Cơ quan ban hành', { maxLength: 255, width: 30, headerAliases: ['Cấp khen'] }),
  ],
  validateRow: (row) => {
    const individual = row.personCode !== null || row.citizenId !== null;
    if (!individual && row.unitCode === null) {
      return [
        { column: null, message: 'cần ghi mã cán bộ hoặc số CCCD (cá nhân), hoặc mã đơn vị (tập thể).' },
      ];
    }
    if (individual && row.unitCode !== null) {
      return [
        {
          column: 'unitCode',
          message: 'một dòng chỉ ghi một người nhận: cá nhân hoặc tập thể, không cả hai.',
        },
      ];
    }
    return [];
  },
});
export type PastCommendationImportRow = RowOf<typeof pastCommendationImportSpec.columns>;

function dateOrder<K extends string>(
  from: string | null,
  to: string | null,
  toColumn: K,
  toHeader: string,
  fromHeader: string,
): RowProblem<K>[] {
  return from !== null && to !== null && to < from
    ? [{ column: toColumn, message: `ngày ở cột '${toHeader}' trước ngày ở cột '${fromHeader}'.` }]
    : [];
}
