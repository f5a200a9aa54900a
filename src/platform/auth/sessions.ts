import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from '../audit/audit.ts';
import { pendingTotpEnrolments, sessions, users } from './auth.schema.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { isRole, TWO_FACTOR_ROLES, WRITER_ROLES, type Role } from './roles.ts';
import type { AuthContext } from './access.ts';
import type { OrgDirectory } from '../../organizations/index.ts';

export const SESSION_COOKIE = 'tdkt_session';
/** Five failures lock the account for fifteen minutes (issue 2, item 8). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What the session still needs after the password (trust issue, item 3). */
export type SecondFactorState = 'none' | 'required' | 'enrolment_required';

export type LoginResult = { token: string; userId: string; secondFactor: SecondFactorState };

export function secondFactorStateOf(user: {
  roles: readonly string[];
  totpEnabled: boolean;
}): SecondFactorState {
  if (user.totpEnabled) return 'required';
  return secondFactorRequired(user.roles.filter(isRole)) ? 'enrolment_required' : 'none';
}

const badCredentials = () =>
  new AppError('unauthenticated', 'AUTH.BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

export async function login(db: Db, username: string, password: string, ip: string): Promise<LoginResult> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.username, username.normalize('NFC').toLowerCase()));
  if (!user || user.disabled) {
    await verifyPassword(await dummyHash(), password);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError(
      'locked',
      'AUTH.LOCKED',
      `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
    );
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await writeAudit(
        tx,
        { userId: null, name: null },
        {
          chain: 'system',
          action: lock ? 'auth.locked' : 'auth.failed',
          entity: 'user',
          entityId: user.id,
          after: { ip, failed },
        },
      );
    });
    if (lock) {
      throw new AppError(
        'locked',
        'AUTH.LOCKED',
        `Tài khoản tạm khóa ${LOCK_MINUTES} phút do đăng nhập sai ${MAX_FAILED_LOGINS} lần.`,
      );
    }
    throw badCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    // The password was just proved: fresh for routes that ask for re-authentication.
    await tx
      .insert(sessions)
      .values({ tokenHash: hashToken(token), userId: user.id, reauthenticatedAt: new Date() });
    await writeAudit(
      tx,
      { userId: user.id, name: user.displayName },
      { chain: 'system', action: 'auth.login', entity: 'user', entityId: user.id, after: { ip } },
    );
  });
  return { token, userId: user.id, secondFactor: secondFactorStateOf(user) };
}

export async function logout(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    await tx.delete(pendingTotpEnrolments).where(eq(pendingTotpEnrolments.sessionTokenHash, tokenHash));
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  });
}

/**
 * Resolves a session cookie to the caller, or undefined when it is unknown or idle for longer
 * than the configured timeout (the idle session is deleted).
 */
export async function resolveSession(
  db: Db,
  directory: OrgDirectory,
  token: string,
  idleMinutes: number,
): Promise<AuthContext | undefined> {
  const tokenHash = hashToken(token);
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  const row = rows[0];
  if (!row || row.user.disabled) return undefined;
  const idleMs = Date.now() - row.session.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return undefined;
  }
  if (idleMs > 30_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(sessions.tokenHash, tokenHash)));
  }
  const context = buildAuthContext(directory, row.user, tokenHash, row.session.verifiedAt !== null);
  context.reauthenticatedAt = row.session.reauthenticatedAt;
  return context;
}

export function buildAuthContext(
  directory: OrgDirectory,
  user: typeof users.$inferSelect,
  sessionTokenHash: string,
  secondFactor: boolean,
): AuthContext {
  const roles = user.roles.filter(isRole);
  const selfOnly = roles.every((r) => r === 'staff');
  const read = selfOnly ? [] : directory.subtreeWithPredecessors(user.orgUnitId);
  const write = roles.some((r) => WRITER_ROLES.includes(r)) ? directory.subtree(user.orgUnitId) : [];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    orgUnitId: user.orgUnitId,
    personId: user.personId,
    readOrgIds: new Set(read),
    writeOrgIds: new Set(write),
    secondFactor,
    secondFactorState: secondFactorStateOf(user),
    sessionTokenHash,
  };
}

export function secondFactorRequired(roles: readonly Role[]): boolean {
  return roles.some((r) => TWO_FACTOR_ROLES.includes(r));
}
