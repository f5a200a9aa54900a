import { describe, expect, it } from 'vitest';
import {
  MOVEMENT_ACTIONS,
  MOVEMENT_STATUSES,
  movementTransition,
  registrationRequired,
  targetShare,
  type MovementAction,
  type MovementStatus,
} from './movement-status.ts';

const ALLOWED: ReadonlyArray<[MovementStatus, MovementAction, MovementStatus]> = [
  ['draft', 'launch', 'launched'],
  ['launched', 'start', 'in_progress'],
  ['in_progress', 'review', 'reviewed'],
  ['reviewed', 'resume', 'in_progress'],
  ['reviewed', 'close', 'closed'],
];
const allowed = new Set(ALLOWED.map(([f, a]) => `${f}:${a}`));
const FORBIDDEN = MOVEMENT_STATUSES.flatMap((f) =>
  MOVEMENT_ACTIONS.filter((a) => !allowed.has(`${f}:${a}`)).map((a) => [f, a] as const),
);

describe('movement status machine', () => {
  it.each(ALLOWED)('allows %s --%s--> %s', (from, action, to) => {
    expect(movementTransition(from, action)).toEqual({ ok: true, to });
  });

  it.each(FORBIDDEN)('refuses %s --%s--> with a Vietnamese message', (from, action) => {
    const r = movementTransition(from, action);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Không thể .+ phong trào đang ở trạng thái ".+"\.$/);
  });

  it('has nothing leaving closed', () => {
    expect(FORBIDDEN.filter(([f]) => f === 'closed')).toHaveLength(MOVEMENT_ACTIONS.length);
  });
});

describe('registration and targets', () => {
  it('treats registration as required only where the province asks for it', () => {
    expect(registrationRequired('AG')).toBe(true);
    expect(registrationRequired('ZZ')).toBe(false);
  });

  it('measures progress as a share of the target', () => {
    expect(targetShare(200, 150)).toBe(0.75);
    expect(targetShare(0, 5)).toBeNull();
    expect(targetShare(10, null)).toBeNull();
  });
});
