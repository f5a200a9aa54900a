import type { z } from 'zod';
import { assertCanRead, assertCanWrite, hasAnyRole } from '../platform/auth/access.ts';
import { conflict, forbidden, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type { NominationActionBody } from '../contracts/nominations.ts';
import type { Role } from '../platform/auth/roles.ts';
import { applyNominationAction } from './apply-nomination-action.ts';
import { checkNomination } from './check-nomination.ts';
import { checkDossier, DOSSIER_PART_LABELS, isNominationKind } from './dossier.ts';
import type { NominationAction } from './nomination-status.ts';
import {
  getNomination,
  listAttachments,
  setNominationChecks,
  type NominationRecord,
} from './nominations.repository.ts';

/** Actions a user takes through the API; council and decisions act through index.ts. */
export type UserAction = Extract<
  NominationAction,
  'submit' | 'return' | 'accept' | 'forward' | 'record_result'
>;

/** Who may take each action: the unit submits, the body's TĐKT officer appraises. */
export const ACTION_ROLES: Record<UserAction, readonly Role[]> = {
  submit: ['admin', 'officer', 'unit_head'],
  return: ['admin', 'officer'],
  accept: ['admin', 'officer'],
  forward: ['admin', 'officer'],
  record_result: ['admin', 'officer'],
};

export async function actOnNomination(
  ctx: RequestCtx,
  id: string,
  action: UserAction,
  input: z.infer<typeof NominationActionBody>,
): Promise<NominationRecord> {
  const db = ctx.deps.database.db;
  const n = await getNomination(db, id);
  if (!n) throw notFound('hồ sơ đề nghị khen thưởng');
  assertCanRead(ctx.auth, n.orgUnitId, 'hồ sơ đề nghị khen thưởng');
  if (!hasAnyRole(ctx.auth, ACTION_ROLES[action])) throw forbidden();
  // The unit acts on its own rows; the officer acts for the body that receives them.
  assertCanWrite(ctx.auth, action === 'submit' ? n.orgUnitId : n.bodyOrgUnitId, 'hồ sơ đề nghị khen thưởng');

  let refreshed: Awaited<ReturnType<typeof checkNomination>> | undefined;
  if (action === 'submit' || action === 'accept') {
    refreshed = await checkNomination(db, n);
    const blocking = refreshed.conflicts.filter((c) => c.blocking);
    if (blocking.length > 0) {
      throw conflict(
        `Không thể ${action === 'submit' ? 'gửi' : 'tiếp nhận'} hồ sơ: ${blocking.map((c) => c.message).join(' ')}`,
        'NOMINATION.DUPLICATE',
        blocking,
      );
    }
  }
  if (action === 'accept' && isNominationKind(n.kind)) {
    // Luật TĐKT 2022, Điều 84 (and Điều 85 for the simplified procedure): an incomplete dossier
    // is returned, not accepted.
    const parts = (await listAttachments(db, n.id)).map((a) => a.part);
    const dossier = checkDossier(n.kind, n.awardCode, parts);
    if (!dossier.complete) {
      throw conflict(
        `Hồ sơ còn thiếu: ${dossier.missing.map((m) => DOSSIER_PART_LABELS[m.part]).join('; ')}.`,
        'NOMINATION.DOSSIER_INCOMPLETE',
        dossier.missing,
      );
    }
  }
  return db.transaction(async (tx) => {
    const after = await applyNominationAction(tx, ctx.actor, { ...input, id, action });
    if (refreshed) {
      return setNominationChecks(tx, id, refreshed.verdict, refreshed.conflicts);
    }
    return after;
  });
}
