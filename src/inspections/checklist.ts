import type { ChecklistItem } from './inspections.schema.ts';

/**
 * The standard checklist of an inspection of emulation and commendation work at a unit
 * (Luật TĐKT 2022, Điều 87: inspecting the implementation of the law; Nghị định 98/2023/NĐ-CP,
 * Điều 5 and 6: registration and covenant of movements, Điều 88: fund use).
 */
export const DEFAULT_CHECKLIST: readonly Omit<ChecklistItem, 'result' | 'note'>[] = [
  { code: 'registration', label: 'Đã đăng ký thi đua và danh hiệu thi đua đầu năm' },
  { code: 'covenant', label: 'Đã ký kết giao ước thi đua' },
  { code: 'reports', label: 'Báo cáo thi đua, khen thưởng đúng hạn' },
  { code: 'fund', label: 'Quỹ thi đua, khen thưởng được sử dụng đúng quy định' },
];

export function defaultChecklist(): ChecklistItem[] {
  return DEFAULT_CHECKLIST.map((i) => ({ ...i, result: null, note: null }));
}

export type SummaryInput = {
  plans: number;
  units: { orgUnitName: string; checklist: readonly ChecklistItem[] }[];
  tasks: { status: 'open' | 'done' | 'cancelled'; dueOn: string }[];
  today: string;
};

/** Counts for the annual report; pure, so tested without a database. */
export function summarize(input: SummaryInput) {
  let pass = 0;
  let fail = 0;
  let open = 0;
  const unitsWithFailures: string[] = [];
  for (const unit of input.units) {
    let failed = false;
    for (const item of unit.checklist) {
      if (item.result === 'pass') pass++;
      else if (item.result === 'fail') {
        fail++;
        failed = true;
      } else if (item.result === null) open++;
    }
    if (failed) unitsWithFailures.push(unit.orgUnitName);
  }
  const live = input.tasks.filter((t) => t.status !== 'cancelled');
  const done = live.filter((t) => t.status === 'done').length;
  const openTasks = live.filter((t) => t.status === 'open');
  const overdue = openTasks.filter((t) => t.dueOn < input.today).length;
  const sentence =
    input.units.length === 0
      ? 'Trong năm chưa tổ chức kiểm tra công tác thi đua, khen thưởng.'
      : `Trong năm đã kiểm tra công tác thi đua, khen thưởng tại ${input.units.length} đơn vị` +
        (unitsWithFailures.length === 0
          ? ', các đơn vị thực hiện đúng quy định'
          : `, ${unitsWithFailures.length} đơn vị còn tồn tại, hạn chế (${unitsWithFailures.join(', ')})`) +
        (live.length === 0
          ? '.'
          : `; đã khắc phục ${done}/${live.length} nội dung sau kiểm tra${overdue > 0 ? `, ${overdue} nội dung quá hạn` : ''}.`);
  return {
    plans: input.plans,
    unitsInspected: input.units.length,
    checks: { pass, fail, open },
    unitsWithFailures,
    tasks: { total: live.length, done, open: openTasks.length, overdue },
    sentence,
  };
}
