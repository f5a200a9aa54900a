import { describe, expect, it } from 'vitest';
import {
  NOMINATION_ACTIONS,
  NOMINATION_STATUSES,
  isFinal,
  transition,
  type NominationAction,
  type NominationStatus,
} from './nomination-status.ts';

/** Written out by hand from the issue, independently of `actionRule`, so each row can fail. */
const ALLOWED: ReadonlyArray<[NominationStatus, NominationAction, NominationStatus]> = [
  ['draft', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'return', 'returned'],
  ['accepted', 'return', 'returned'],
  ['submitted', 'accept', 'accepted'],
  ['accepted', 'schedule', 'at_council'],
  ['at_council', 'unschedule', 'accepted'],
  ['at_council', 'approve', 'approved'],
  ['at_council', 'reject', 'not_approved'],
  ['approved', 'decide', 'decided'],
  ['accepted', 'forward', 'forwarded'],
  ['approved', 'forward', 'forwarded'],
  ['forwarded', 'record_result', 'result_recorded'],
];

const allowedKey = new Set(ALLOWED.map(([from, action]) => `${from}:${action}`));
const FORBIDDEN = NOMINATION_STATUSES.flatMap((from) =>
  NOMINATION_ACTIONS.filter((action) => !allowedKey.has(`${from}:${action}`)).map(
    (action) => [from, action] as const,
  ),
);

describe('nomination status machine', () => {
  it.each(ALLOWED)('allows %s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, from, to });
  });

  it.each(FORBIDDEN)('refuses %s --%s-->, with a Vietnamese message', (from, action) => {
    const result = transition(from, action);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Không thể .+ hồ sơ đang ở trạng thái ".+"\.$/);
  });

  it('covers every status and action pair exactly once between the two tables', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(NOMINATION_STATUSES.length * NOMINATION_ACTIONS.length);
    expect(FORBIDDEN.length).toBe(NOMINATION_STATUSES.length * NOMINATION_ACTIONS.length - 13);
  });

  it('lets no action leave a final status', () => {
    for (const from of NOMINATION_STATUSES.filter(isFinal)) {
      for (const action of NOMINATION_ACTIONS) expect(transition(from, action).ok).toBe(false);
    }
  });

  it('reaches decided and result_recorded from draft by allowed steps only', () => {
    const run = (steps: NominationAction[]) =>
      steps.reduce<NominationStatus>((status, action) => {
        const r = transition(status, action);
        if (!r.ok) throw new Error(r.message);
        return r.to;
      }, 'draft');
    expect(run(['submit', 'accept', 'schedule', 'approve', 'decide'])).toBe('decided');
    expect(
      run(['submit', 'return', 'submit', 'accept', 'schedule', 'approve', 'forward', 'record_result']),
    ).toBe('result_recorded');
  });
});
