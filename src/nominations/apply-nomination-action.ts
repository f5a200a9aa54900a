import type { AuditActor } from '../platform/audit/audit.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import { normalizeText } from '../platform/text/index.ts';
import {
  NOMINATION_STATUS_LABELS,
  isNominationStatus,
  transition,
  type NominationAction,
  type NominationStatus,
} from './nomination-status.ts';
import {
  getNomination,
  updateNominationIfStatus,
  type NewNomination,
  type NominationRecord,
} from './nominations.repository.ts';

export type NominationActionInput = {
  id: string;
  action: NominationAction;
  /** Required for 'return'. */
  reason?: string | undefined;
  /** For 'decide': the decision that granted the award. */
  decisionId?: string | undefined;
  /** For 'forward': the higher level (e.g. "UBND thành phố Long Xuyên"). */
  forwardedTo?: string | undefined;
  /** For 'record_result'. */
  resultAwarded?: boolean | undefined;
  resultNote?: string | undefined;
  /** The status the caller saw; defaults to the one loaded in this transaction. */
  expectedStatus?: NominationStatus | undefined;
};

export const STALE_MESSAGE =
  'Hồ sơ vừa được người khác xử lý trước bạn nên thao tác này không được thực hiện. Vui lòng tải lại trang để xem trạng thái mới.';

/**
 * Moves one nomination by one action inside the caller's transaction: guard the status with the
 * pure machine, update `where status = expected`, write the audit row on the body's chain. A
 * concurrent change makes the update touch no row → 409 (NOMINATION.STALE). Scope checks are
 * the caller's job (routes check the user; council/decisions act for the body).
 */
export async function applyNominationAction(
  tx: DbOrTx,
  actor: AuditActor,
  input: NominationActionInput,
): Promise<NominationRecord> {
  const before = await getNomination(tx, input.id);
  if (!before) throw notFound('hồ sơ đề nghị khen thưởng');
  const current = before.status;
  if (!isNominationStatus(current)) throw new Error(`unknown nomination status ${current}`);
  if (input.expectedStatus && input.expectedStatus !== current) {
    throw conflict(STALE_MESSAGE, 'NOMINATION.STALE', {
      status: current,
      statusLabel: NOMINATION_STATUS_LABELS[current],
    });
  }
  const step = transition(current, input.action);
  if (!step.ok) throw conflict(step.message, 'NOMINATION.TRANSITION_FORBIDDEN', { status: current });

  const patch: Partial<NewNomination> = { status: step.to };
  switch (input.action) {
    case 'return': {
      const reason = normalizeText(input.reason ?? '').trim();
      if (!reason) throw invalid('Phải ghi rõ lý do trả lại hồ sơ.', 'NOMINATION.RETURN_REASON_REQUIRED');
      patch.returnReason = reason;
      break;
    }
    case 'submit':
      patch.submittedAt = new Date();
      break;
    case 'decide':
      if (!input.decisionId) throw invalid('Thiếu quyết định khen thưởng.', 'NOMINATION.DECISION_REQUIRED');
      patch.decisionId = input.decisionId;
      break;
    case 'forward': {
      const to = normalizeText(input.forwardedTo ?? '').trim();
      if (!to) throw invalid('Phải ghi rõ cấp trên nhận tờ trình.', 'NOMINATION.FORWARD_TARGET_REQUIRED');
      patch.forwardedTo = to;
      break;
    }
    case 'record_result':
      if (input.resultAwarded === undefined) {
        throw invalid('Phải ghi rõ cấp trên có khen thưởng hay không.', 'NOMINATION.RESULT_REQUIRED');
      }
      patch.resultAwarded = input.resultAwarded;
      patch.resultNote = input.resultNote ? normalizeText(input.resultNote).trim() : null;
      if (input.decisionId) patch.decisionId = input.decisionId;
      break;
    case 'accept':
    case 'schedule':
    case 'unschedule':
    case 'approve':
    case 'reject':
      break;
  }

  const after = await updateNominationIfStatus(tx, before.id, current, patch);
  if (!after) throw conflict(STALE_MESSAGE, 'NOMINATION.STALE');
  await writeAudit(tx, actor, {
    chain: before.bodyOrgUnitId,
    action: `nomination.${input.action}`,
    entity: 'nomination',
    entityId: before.id,
    orgUnitId: before.orgUnitId,
    before: { status: before.status },
    after: { status: after.status, ...auditDetails(input, patch) },
  });
  return after;
}

function auditDetails(input: NominationActionInput, patch: Partial<NewNomination>): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (patch.returnReason) d.returnReason = patch.returnReason;
  if (patch.decisionId) d.decisionId = patch.decisionId;
  if (patch.forwardedTo) d.forwardedTo = patch.forwardedTo;
  if (input.action === 'record_result') d.resultAwarded = patch.resultAwarded;
  return d;
}

/** Applies one action to many nominations in the caller's transaction; all or nothing. */
export async function applyNominationActionToMany(
  tx: DbOrTx,
  actor: AuditActor,
  ids: readonly string[],
  action: NominationAction,
  extra: Omit<NominationActionInput, 'id' | 'action'> = {},
): Promise<NominationRecord[]> {
  const out: NominationRecord[] = [];
  for (const id of ids) out.push(await applyNominationAction(tx, actor, { ...extra, id, action }));
  return out;
}
