import { assertNever } from '../platform/errors.ts';

/**
 * A movement is drafted, launched (phát động), carried out, reviewed (sơ kết / tổng kết) and
 * closed (Luật TĐKT 2022, Điều 17: set goals, launch, implement, review and commend).
 */
export const MOVEMENT_STATUSES = ['draft', 'launched', 'in_progress', 'reviewed', 'closed'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];

export const MOVEMENT_STATUS_LABELS: Record<MovementStatus, string> = {
  draft: 'Đang soạn',
  launched: 'Đã phát động',
  in_progress: 'Đang triển khai',
  reviewed: 'Đã sơ kết / tổng kết',
  closed: 'Đã kết thúc',
};

export const MOVEMENT_ACTIONS = ['launch', 'start', 'review', 'resume', 'close'] as const;
export type MovementAction = (typeof MOVEMENT_ACTIONS)[number];

const ACTION_LABELS: Record<MovementAction, string> = {
  launch: 'phát động',
  start: 'bắt đầu triển khai',
  review: 'sơ kết, tổng kết',
  resume: 'tiếp tục triển khai sau sơ kết',
  close: 'kết thúc',
};

export function movementActionRule(action: MovementAction): {
  from: readonly MovementStatus[];
  to: MovementStatus;
} {
  switch (action) {
    case 'launch':
      return { from: ['draft'], to: 'launched' };
    case 'start':
      return { from: ['launched'], to: 'in_progress' };
    case 'review':
      return { from: ['in_progress'], to: 'reviewed' };
    case 'resume':
      // After an interim review (sơ kết) the movement goes on until the final review.
      return { from: ['reviewed'], to: 'in_progress' };
    case 'close':
      return { from: ['reviewed'], to: 'closed' };
    default:
      return assertNever(action);
  }
}

export function movementTransition(
  status: MovementStatus,
  action: MovementAction,
): { ok: true; to: MovementStatus } | { ok: false; message: string } {
  const rule = movementActionRule(action);
  if (rule.from.includes(status)) return { ok: true, to: rule.to };
  return {
    ok: false,
    message: `Không thể ${ACTION_LABELS[action]} phong trào đang ở trạng thái "${MOVEMENT_STATUS_LABELS[status]}".`,
  };
}

export function isMovementStatus(value: string): value is MovementStatus {
  return (MOVEMENT_STATUSES as readonly string[]).includes(value);
}

/**
 * Registration of titles is optional since Luật TĐKT 2022, Điều 7 dropped it as a basis; a
 * province may still require it (legal-brief §2, engineering notes). Provinces listed here ask
 * for it; the rest treat it as an optional step.
 */
export const REGISTRATION_REQUIRED_BY_PROVINCE: Readonly<Record<string, boolean>> = Object.freeze({
  AG: true,
});

export function registrationRequired(provinceCode: string): boolean {
  return REGISTRATION_REQUIRED_BY_PROVINCE[provinceCode] ?? false;
}

/** Progress of a target as a share of it, 0–1 and beyond when exceeded; null for a zero target. */
export function targetShare(targetValue: number, latestValue: number | null): number | null {
  if (latestValue === null || targetValue === 0) return null;
  return latestValue / targetValue;
}
