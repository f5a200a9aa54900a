import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from '../audit/audit.ts';
import { pendingTotpEnrolments, sessions, users } from './auth.schema.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { assertNotLocked, clearFailedAttempts, failAttempt } from './lockout.ts';
import { isRole, TWO_FACTOR_ROLES, WRITER_ROLES, type Role } from './roles.ts';
import type { AuthContext } from './access.ts';
import type { OrgDirectory } from '../../organizations/index.ts';

export const SESSION_COOKIE = 'tdkt_session';

/**
 * In production the cookie carries the `__Host-` prefix: a browser then accepts it only when set
 * over HTTPS, for path `/`, without a Domain, so no sibling subdomain or plain-HTTP page can plant
 * or overwrite a session (ASVS 5.0 3.3.1). Development over http://localhost keeps the bare name,
 * which the browser would otherwise refuse.
 */
export function sessionCookieName(production: boolean): string {
  return production ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function sessionCookieOptions(production: boolean) {
  return { httpOnly: true, sameSite: 'strict', secure: production, path: '/' } as const;
}
export { LOCK_MINUTES, MAX_FAILED_LOGINS } from './lockout.ts';

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
  assertNotLocked(user);
  if (!(await verifyPassword(user.passwordHash, password))) {
    return failAttempt(db, user.id, { userId: null, name: null }, 'auth.failed', badCredentials, { ip });
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await clearFailedAttempts(tx, user.id);
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
