import { describe, expect, it } from 'vitest';
import { digestText, remindersDue, vnDate, type ReminderFacts } from './reminders.ts';

const none: ReminderFacts = { tasks: [], dossiers: [], clusterDeadlines: [] };
const task = (dueOn: string, status = 'open', ownerUserId: string | null = null) => ({
  id: 't1',
  title: 'Ký giao ước',
  dueOn,
  status,
  orgUnitId: 'u1',
  ownerUserId,
});

describe('remindersDue', () => {
  // 2023-10-10 20:00 UTC is already 11 October in Việt Nam.
  const now = new Date('2023-10-10T20:00:00Z');

  it.each([
    ['2023-10-20', null],
    ['2023-10-15', null],
    ['2023-10-14', 'inspection_task_due_soon'],
    ['2023-10-11', 'inspection_task_due_soon'],
    ['2023-10-10', 'inspection_task_overdue'],
  ])('a follow-up task due %s gives %s', (dueOn, kind) => {
    const out = remindersDue(now, { ...none, tasks: [task(dueOn)] });
    expect(out.map((r) => r.kind)).toEqual(kind ? [kind] : []);
  });

  it('reminds nobody of a task that is done', () => {
    expect(remindersDue(now, { ...none, tasks: [task('2023-10-01', 'done')] })).toEqual([]);
  });

  it('addresses the owner when the task has one, else the unit', () => {
    const [owned] = remindersDue(now, { ...none, tasks: [task('2023-10-12', 'open', 'user-9')] });
    expect(owned?.target).toEqual({ kind: 'user', userId: 'user-9' });
    const [unowned] = remindersDue(now, { ...none, tasks: [task('2023-10-12')] });
    expect(unowned?.target).toEqual({ kind: 'org', orgUnitId: 'u1' });
    expect(unowned?.body).toBe(
      'Việc khắc phục sau kiểm tra "Ký giao ước" đến hạn ngày 12/10/2023 (còn 1 ngày).',
    );
  });

  it.each([
    ['2023-11-30T12:00:00Z', 2023, 0],
    ['2023-12-01T00:00:00Z', 2023, 1],
    ['2023-12-20T00:00:00Z', 2022, 0],
  ])('at %s, open dossiers of %i give %i notices', (at, year, n) => {
    const out = remindersDue(new Date(at), { ...none, dossiers: [{ orgUnitId: 'u1', year, count: 3 }] });
    expect(out).toHaveLength(n);
    if (n) expect(out[0]?.dueOn).toBe('2023-12-31');
  });

  it.each([
    ['2023-12-01T00:00:00Z', 0],
    ['2023-12-09T00:00:00Z', 2],
    ['2023-12-20T00:00:00Z', 2],
    ['2024-01-20T00:00:00Z', 0],
  ])('a cluster report due 15 Dec, seen at %s, reminds %i pending members', (at, n) => {
    const out = remindersDue(new Date(at), {
      ...none,
      clusterDeadlines: [
        {
          clusterYearId: 'c1',
          clusterName: 'Cụm thi đua số 1',
          year: 2023,
          deadline: new Date('2023-12-15T10:00:00Z'),
          pendingOrgUnitIds: ['w1', 'w2'],
        },
      ],
    });
    expect(out).toHaveLength(n);
  });

  it('uses the Việt Nam calendar date', () => {
    expect(vnDate(new Date('2023-12-31T17:00:00Z'))).toBe('2024-01-01');
  });
});

describe('digestText', () => {
  it('lists overdue items before coming ones', () => {
    const text = digestText('Nguyễn Văn A', new Date('2023-10-11T03:00:00Z'), [
      { title: 'b', body: 'Việc B', dueOn: '2023-10-13' },
      { title: 'a', body: 'Việc A', dueOn: '2023-10-01' },
    ]);
    expect(text).toBe(
      'Bản tin nhắc việc ngày 11/10/2023 — Nguyễn Văn A\n\nQuá hạn (1):\n- [01/10/2023] Việc A\n\nSắp đến hạn (1):\n- [13/10/2023] Việc B',
    );
  });
});
