import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../db/client.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { writeAudit, type AuditActor } from '../audit/audit.ts';
import type { RequestCtx } from '../http/context.ts';
import { assertCanWrite } from './access.ts';
import { sessions } from './auth.schema.ts';
import { failAttempt, assertNotLocked } from './lockout.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';
import { hashToken } from './sessions.ts';
import {
  deleteRecoveryCodesOf,
  deleteSessionsOf,
  getUser,
  updateUser,
  type UserPatch,
  type UserRow,
} from './users.repository.ts';

/**
 * A change to what an account may do or how it proves itself. Each one ends every session of
 * the account in the same transaction (ASVS 5.0 7.4.3, 7.4.5): a session opened with the old
 * password, the old roles or the old second factor must not outlive them, whoever made the
 * change — the user, an administrator or the command line.
 */
export type AccountChange =
  | { kind: 'password'; password: string }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'org'; orgUnitId: string }
  | { kind: 'disabled'; disabled: boolean }
  | { kind: 'second_factor_reset' };

export type AccountChangeResult = { user: UserRow; endedSessions: number };

/** What the audit row says about the account: never the hash or the TOTP secret. */
function describe(user: UserRow) {
  return {
    username: user.username,
    roles: user.roles,
    orgUnitId: user.orgUnitId,
    disabled: user.disabled,
    totpEnabled: user.totpEnabled,
  };
}

export async function changeAccount(
  tx: DbOrTx,
  actor: AuditActor,
  userId: string,
  change: AccountChange,
): Promise<AccountChangeResult> {
  const before = await getUser(tx, userId);
  if (!before) throw notFound('tài khoản');
  let patch: UserPatch;
  switch (change.kind) {
    case 'password': {
      const problem = passwordProblem(change.password);
      if (problem) throw invalid(problem, 'AUTH.WEAK_PASSWORD');
      // A new password also lifts a lock: the administrator has spoken to the user.
      patch = { passwordHash: await hashPassword(change.password), failedLogins: 0, lockedUntil: null };
      break;
    }
    case 'roles': {
      const roles = [...new Set(change.roles)];
      if (roles.length === 0 || !roles.every(isRole)) {
        throw invalid('Tài khoản phải có ít nhất một vai trò hợp lệ.', 'AUTH.ROLES_REQUIRED');
      }
      patch = { roles };
      break;
    }
    case 'org':
      patch = { orgUnitId: change.orgUnitId };
      break;
    case 'disabled':
      patch = { disabled: change.disabled };
      break;
    case 'second_factor_reset':
      patch = { totpEnabled: false, totpSecret: null, totpLastStep: null };
      await deleteRecoveryCodesOf(tx, userId);
      break;
  }
  const after = await updateUser(tx, userId, patch);
  if (!after) throw notFound('tài khoản');
  const endedSessions = await deleteSessionsOf(tx, userId);
  await writeAudit(tx, actor, {
    chain: 'system',
    action: `user.${change.kind}`,
    entity: 'user',
    entityId: userId,
    orgUnitId: after.orgUnitId,
    before: describe(before),
    after: { ...describe(after), endedSessions },
  });
  return { user: after, endedSessions };
}

const wrongCurrentPassword = () =>
  new AppError('unauthenticated', 'AUTH.BAD_PASSWORD', 'Mật khẩu hiện tại không đúng.');

/**
 * The user changes their own password, proving the current one (a wrong one counts towards the
 * lock like a wrong sign-in). Every session ends, this one included, and a fresh session is
 * returned so the user stays signed in on this device only.
 */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  current: string,
  next: string,
): Promise<{ token: string; endedSessions: number }> {
  const user = await getUser(db, userId);
  if (!user || user.disabled) throw new AppError('unauthenticated', 'AUTH.REQUIRED', 'Vui lòng đăng nhập.');
  assertNotLocked(user);
  const actor = { userId: user.id, name: user.displayName };
  if (!(await verifyPassword(user.passwordHash, current))) {
    return failAttempt(db, user.id, actor, 'auth.password_change_failed', wrongCurrentPassword);
  }
  if (current === next) {
    throw invalid('Mật khẩu mới phải khác mật khẩu hiện tại.', 'AUTH.SAME_PASSWORD');
  }
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const { endedSessions } = await changeAccount(tx, actor, user.id, { kind: 'password', password: next });
    // Both factors were just proved on this device (the password now, the second factor when
    // the old session had passed it: the caller checks that before letting this run).
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      userId: user.id,
      reauthenticatedAt: new Date(),
      verifiedAt: user.totpEnabled ? new Date() : null,
    });
    return { token, endedSessions };
  });
}

/**
 * An administrator changes an account of their subtree: the account, and a unit it is moved to,
 * are loaded through the administrator's scope first (an account of another ward is "not found").
 */
export async function administerAccount(
  ctx: RequestCtx,
  userId: string,
  changes: readonly AccountChange[],
): Promise<AccountChangeResult> {
  const db = ctx.deps.database.db;
  const target = await getUser(db, userId);
  if (!target) throw notFound('tài khoản');
  assertCanWrite(ctx.auth, target.orgUnitId, 'tài khoản');
  if (changes.length === 0) throw invalid('Chưa có thay đổi nào.', 'AUTH.NO_CHANGE');
  for (const change of changes) {
    if (change.kind !== 'org') continue;
    const directory = await ctx.deps.directory.get();
    if (!directory.get(change.orgUnitId)) throw notFound('đơn vị');
    assertCanWrite(ctx.auth, change.orgUnitId, 'đơn vị');
  }
  return db.transaction(async (tx) => {
    let result: AccountChangeResult | undefined;
    for (const change of changes) result = await changeAccount(tx, ctx.actor, userId, change);
    if (!result) throw invalid('Chưa có thay đổi nào.', 'AUTH.NO_CHANGE');
    return result;
  });
}
