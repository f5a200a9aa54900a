import type { RoleCode } from '../../contracts/auth.ts';

// Vietnamese labels of the glossary's code names, as the UI shows them. The server's rules
// module has the same lists for its messages; these stay in the web app so the bundle never
// pulls server code.

export type Gender = 'male' | 'female';
export type StaffCategory = 'cadre' | 'civil_servant' | 'public_employee' | 'part_time_official' | 'worker';
export type Rating = 'excellent' | 'good' | 'completed' | 'not_completed';

export const ROLE_LABELS: Readonly<Record<RoleCode, string>> = {
  admin: 'Quản trị hệ thống',
  officer: 'Cán bộ phụ trách TĐKT',
  unit_head: 'Thủ trưởng đơn vị',
  council_member: 'Thành viên Hội đồng TĐKT',
  chairman: 'Chủ tịch',
  staff: 'Cán bộ, công chức',
  superior_viewer: 'Cấp trên (chỉ xem)',
};

export const GENDER_LABELS: Readonly<Record<Gender, string>> = { male: 'Nam', female: 'Nữ' };

export const STAFF_CATEGORY_LABELS: Readonly<Record<StaffCategory, string>> = {
  cadre: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  part_time_official: 'Người hoạt động không chuyên trách',
  worker: 'Người lao động',
};

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

export const RATING_COLORS: Readonly<Record<Rating, string>> = {
  excellent: 'green',
  good: 'blue',
  completed: 'default',
  not_completed: 'red',
};

const DISCIPLINE_LABELS: Readonly<Record<string, string>> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  salary_demotion: 'Hạ bậc lương',
  demotion: 'Giáng chức',
  removal_from_post: 'Cách chức',
  dismissal: 'Buộc thôi việc',
};

const ABSENCE_LABELS: Readonly<Record<string, string>> = {
  maternity: 'Nghỉ thai sản',
  treatment: 'Nghỉ điều trị',
  training: 'Đi học, bồi dưỡng',
  unpaid: 'Nghỉ không lương',
};

const INITIATIVE_SCOPE_LABELS: Readonly<Record<string, string>> = {
  grassroots: 'Cấp cơ sở',
  province: 'Cấp tỉnh',
  national: 'Toàn quốc',
};

const ORG_EVENT_LABELS: Readonly<Record<string, string>> = {
  merge: 'Sáp nhập',
  split: 'Chia tách',
  rename: 'Đổi tên',
};

/** A code the list does not know is shown as is: better an English code than a blank. */
const labelOf = (labels: Readonly<Record<string, string>>) => (code: string) => labels[code] ?? code;

export const disciplineLabel = labelOf(DISCIPLINE_LABELS);
export const absenceLabel = labelOf(ABSENCE_LABELS);
export const initiativeScopeLabel = labelOf(INITIATIVE_SCOPE_LABELS);
export const orgEventLabel = labelOf(ORG_EVENT_LABELS);
