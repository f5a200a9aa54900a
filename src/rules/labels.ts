import type { AbsenceKind, DisciplineForm, Rating, StaffCategory } from './types.ts';

// Vietnamese labels of the glossary's code names, for messages and exports.

export const RATING_LABELS: Readonly<Record<Rating, string>> = Object.freeze({
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
});

export const DISCIPLINE_LABELS: Readonly<Record<DisciplineForm, string>> = Object.freeze({
  reprimand: 'khiển trách',
  warning: 'cảnh cáo',
  salary_demotion: 'hạ bậc lương',
  demotion: 'giáng chức',
  removal_from_post: 'cách chức',
  dismissal: 'buộc thôi việc',
});

export const ABSENCE_LABELS: Readonly<Record<AbsenceKind, string>> = Object.freeze({
  maternity: 'nghỉ thai sản',
  treatment: 'điều trị',
  training: 'đi học, bồi dưỡng',
  unpaid: 'nghỉ không lương',
});

export const STAFF_CATEGORY_LABELS: Readonly<Record<StaffCategory, string>> = Object.freeze({
  cadre: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  part_time_official: 'Người hoạt động không chuyên trách',
  worker: 'Người lao động',
});
