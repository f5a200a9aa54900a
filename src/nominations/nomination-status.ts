import { assertNever } from '../platform/errors.ts';

/**
 * The life of a nomination (legal-brief §5.2, §5.3): a unit drafts and submits it; the TĐKT
 * officer accepts it or returns it with a reason; accepted nominations go to the council, whose
 * vote approves or not; the chairman's decision marks approved ones decided. Awards above the
 * body's authority are forwarded to the higher level (tờ trình) until their result is recorded
 * (Luật TĐKT 2022, Điều 80).
 */
export const NOMINATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'at_council',
  'approved',
  'not_approved',
  'decided',
  'forwarded',
  'result_recorded',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ duyệt',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
  at_council: 'Đang trình Hội đồng',
  approved: 'Hội đồng đề nghị khen',
  not_approved: 'Hội đồng không đề nghị',
  decided: 'Đã có quyết định',
  forwarded: 'Đã trình cấp trên',
  result_recorded: 'Đã ghi nhận kết quả cấp trên',
};

export const NOMINATION_ACTIONS = [
  'submit',
  'return',
  'accept',
  'schedule',
  'unschedule',
  'approve',
  'reject',
  'decide',
  'forward',
  'record_result',
] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

export const NOMINATION_ACTION_LABELS: Record<NominationAction, string> = {
  submit: 'gửi',
  return: 'trả lại',
  accept: 'tiếp nhận',
  schedule: 'đưa vào phiên họp Hội đồng',
  unschedule: 'rút khỏi phiên họp Hội đồng',
  approve: 'ghi nhận Hội đồng đề nghị khen',
  reject: 'ghi nhận Hội đồng không đề nghị',
  decide: 'ghi nhận quyết định khen thưởng',
  forward: 'trình cấp trên',
  record_result: 'ghi nhận kết quả cấp trên',
};

/** The statuses an action may start from, and where it leads. */
export function actionRule(action: NominationAction): {
  from: readonly NominationStatus[];
  to: NominationStatus;
} {
  switch (action) {
    case 'submit':
      return { from: ['draft', 'returned'], to: 'submitted' };
    case 'return':
      // The officer may still return an accepted nomination before it reaches the council.
      return { from: ['submitted', 'accepted'], to: 'returned' };
    case 'accept':
      return { from: ['submitted'], to: 'accepted' };
    case 'schedule':
      return { from: ['accepted'], to: 'at_council' };
    case 'unschedule':
      return { from: ['at_council'], to: 'accepted' };
    case 'approve':
      return { from: ['at_council'], to: 'approved' };
    case 'reject':
      return { from: ['at_council'], to: 'not_approved' };
    case 'decide':
      return { from: ['approved'], to: 'decided' };
    case 'forward':
      // Forwarded after the body's own council recommends it, or directly when the body only
      // passes a unit's proposal on (simplified procedure, Luật TĐKT 2022, Điều 85).
      return { from: ['accepted', 'approved'], to: 'forwarded' };
    case 'record_result':
      return { from: ['forwarded'], to: 'result_recorded' };
    default:
      return assertNever(action);
  }
}

export type TransitionResult =
  | { ok: true; from: NominationStatus; to: NominationStatus }
  | { ok: false; from: NominationStatus; action: NominationAction; message: string };

/** Pure: whether `action` may be applied to a nomination in `status`, and the status after it. */
export function transition(status: NominationStatus, action: NominationAction): TransitionResult {
  const rule = actionRule(action);
  if (rule.from.includes(status)) return { ok: true, from: status, to: rule.to };
  return {
    ok: false,
    from: status,
    action,
    message: `Không thể ${NOMINATION_ACTION_LABELS[action]} hồ sơ đang ở trạng thái "${NOMINATION_STATUS_LABELS[status]}".`,
  };
}

/** Statuses in which nothing more happens to the nomination itself. */
export function isFinal(status: NominationStatus): boolean {
  switch (status) {
    case 'not_approved':
    case 'decided':
    case 'result_recorded':
      return true;
    case 'draft':
    case 'submitted':
    case 'returned':
    case 'accepted':
    case 'at_council':
    case 'approved':
    case 'forwarded':
      return false;
    default:
      return assertNever(status);
  }
}

/** Statuses in which the proposing unit may still edit the nomination and its dossier. */
export function isEditable(status: NominationStatus): boolean {
  return status === 'draft' || status === 'returned';
}

export function isNominationStatus(value: string): value is NominationStatus {
  return (NOMINATION_STATUSES as readonly string[]).includes(value);
}
