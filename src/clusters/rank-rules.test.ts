import { describe, expect, it } from 'vitest';
import { checkConfirmedOrder, pickProposals } from './rank-cluster.ts';
import { reminderDue } from './reminders.ts';
import type { RankingEntry } from './clusters.schema.ts';

const entry = (orgUnitId: string, rank: number | null, tied = false): RankingEntry => ({
  orgUnitId,
  rank,
  tied,
  self: null,
  aggregate: rank === null ? null : 100 - rank,
  peerTotals: [],
  missingScorers: [],
  tieBrokenBy: null,
});

describe('pickProposals', () => {
  const ranking = [entry('A', 1), entry('B', 2), entry('C', 3), entry('D', 4), entry('E', null)];
  it.each([
    {
      flag: 1,
      diploma: 2,
      expected: [
        'A:provincial_emulation_flag',
        'B:provincial_diploma_of_merit',
        'C:provincial_diploma_of_merit',
      ],
    },
    { flag: 0, diploma: 1, expected: ['A:provincial_diploma_of_merit'] },
    {
      flag: 1,
      diploma: 9,
      expected: [
        'A:provincial_emulation_flag',
        'B:provincial_diploma_of_merit',
        'C:provincial_diploma_of_merit',
        'D:provincial_diploma_of_merit',
      ],
    },
  ])(
    'flag $flag and diploma $diploma propose $expected (an unscored member never)',
    ({ flag, diploma, expected }) => {
      expect(pickProposals(ranking, flag, diploma).map((p) => `${p.orgUnitId}:${p.award}`)).toEqual(expected);
    },
  );
});

describe('checkConfirmedOrder', () => {
  const ranking = [entry('A', 1, true), entry('B', 1, true), entry('C', 3)];
  it('lets the meeting settle a tie', () => {
    expect(checkConfirmedOrder(ranking, ['B', 'A', 'C'])).toBeNull();
  });
  it('refuses an order that changes a computed rank', () => {
    expect(checkConfirmedOrder(ranking, ['C', 'A', 'B'])).toContain('không được đổi thứ hạng');
  });
  it('refuses an order that leaves a member out', () => {
    expect(checkConfirmedOrder(ranking, ['A', 'B'])).toContain('đủ các đơn vị');
  });
});

describe('reminderDue', () => {
  const deadline = new Date('2024-01-10T17:00:00+07:00');
  const before = (hours: number) => new Date(deadline.getTime() - hours * 3_600_000);
  it.each([
    { hoursLeft: 24 * 10, due: null },
    { hoursLeft: 24 * 6, due: 'due_7' },
    { hoursLeft: 24 * 2, due: 'due_3' },
    { hoursLeft: 5, due: 'due_1' },
    { hoursLeft: -1, due: 'overdue' },
  ])('$hoursLeft hours before the deadline: $due', ({ hoursLeft, due }) => {
    expect(reminderDue(deadline, before(hoursLeft))).toBe(due);
  });
});
