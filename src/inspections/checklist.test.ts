import { describe, expect, it } from 'vitest';
import { defaultChecklist, summarize } from './checklist.ts';

describe('inspection summary', () => {
  it('counts pass, fail and unanswered checks and names the units that failed one', () => {
    const a = defaultChecklist().map((i) => ({ ...i, result: 'pass' as const }));
    const b = defaultChecklist().map((i, n) => ({ ...i, result: n === 0 ? ('fail' as const) : null }));
    const s = summarize({
      plans: 1,
      units: [
        { orgUnitName: 'Khóm 1', checklist: a },
        { orgUnitName: 'Khóm 2', checklist: b },
      ],
      tasks: [
        { status: 'done', dueOn: '2023-10-01' },
        { status: 'open', dueOn: '2023-10-01' },
        { status: 'open', dueOn: '2023-12-31' },
        { status: 'cancelled', dueOn: '2023-01-01' },
      ],
      today: '2023-11-15',
    });
    expect(s.checks).toEqual({ pass: 4, fail: 1, open: 3 });
    expect(s.unitsWithFailures).toEqual(['Khóm 2']);
    expect(s.tasks).toEqual({ total: 3, done: 1, open: 2, overdue: 1 });
    expect(s.sentence).toBe(
      'Trong năm đã kiểm tra công tác thi đua, khen thưởng tại 2 đơn vị, 1 đơn vị còn tồn tại, hạn chế (Khóm 2); đã khắc phục 1/3 nội dung sau kiểm tra, 1 nội dung quá hạn.',
    );
  });

  it('says no inspection was held when the year has none', () => {
    const s = summarize({ plans: 0, units: [], tasks: [], today: '2023-12-31' });
    expect(s.sentence).toBe('Trong năm chưa tổ chức kiểm tra công tác thi đua, khen thưởng.');
    expect(s.unitsInspected).toBe(0);
  });
});
