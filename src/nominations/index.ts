// Public API of the nominations module. Council and decisions call the `tx`-taking functions
// inside their own transactions; each writes its own audit row on the body's chain.
import type { AuditActor } from '../platform/audit/audit.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { applyNominationAction, applyNominationActionToMany } from './apply-nomination-action.ts';
import type { NominationRecord } from './nominations.repository.ts';

export {
  NOMINATION_ACTIONS,
  NOMINATION_ACTION_LABELS,
  NOMINATION_STATUSES,
  NOMINATION_STATUS_LABELS,
  actionRule,
  isEditable,
  isFinal,
  isNominationStatus,
  transition,
  type NominationAction,
  type NominationStatus,
  type TransitionResult,
} from './nomination-status.ts';
export {
  STALE_MESSAGE,
  applyNominationAction,
  applyNominationActionToMany,
  type NominationActionInput,
} from './apply-nomination-action.ts';
export {
  countNominationsByStatus,
  getNomination,
  getNominationWithSubject,
  insertNominations,
  listNominationRows as listNominations,
  type NewNomination,
  type NominationFilter,
  type NominationListRow,
  type NominationRecord,
  type NominationSubject,
  type NominationWithSubject,
} from './nominations.repository.ts';
export {
  collectiveRatings,
  nominations,
  nominationAttachments,
  publicPostings,
  postingComments,
} from './nominations.schema.ts';

/** accepted → at_council, for the nominations put on a council session's agenda. */
export function placeOnCouncilAgenda(
  tx: DbOrTx,
  actor: AuditActor,
  ids: readonly string[],
): Promise<NominationRecord[]> {
  return applyNominationActionToMany(tx, actor, ids, 'schedule');
}

/** at_council → accepted, when a nomination is taken off the agenda before the vote. */
export function removeFromCouncilAgenda(
  tx: DbOrTx,
  actor: AuditActor,
  ids: readonly string[],
): Promise<NominationRecord[]> {
  return applyNominationActionToMany(tx, actor, ids, 'unschedule');
}

/** at_council → approved / not_approved, from the council's tally. */
export function recordCouncilOutcome(
  tx: DbOrTx,
  actor: AuditActor,
  id: string,
  approved: boolean,
): Promise<NominationRecord> {
  return applyNominationAction(tx, actor, { id, action: approved ? 'approve' : 'reject' });
}

/** approved → decided, when the decision granting the award is issued. */
export function markNominationsDecided(
  tx: DbOrTx,
  actor: AuditActor,
  ids: readonly string[],
  decisionId: string,
): Promise<NominationRecord[]> {
  return applyNominationActionToMany(tx, actor, ids, 'decide', { decisionId });
}
export { nominationsRoutes } from './nominations.routes.ts';
export { markNominationsDecidedBulk } from './mark-decided-bulk.ts';
