import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { writeAudit, type AuditActor } from '../audit/audit.ts';
import { users } from './auth.schema.ts';

/** Five failures lock the account for fifteen minutes (ASVS 5.0 6.3.1). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

type Lockable = { lockedUntil: Date | null };

function lockedError(lockedUntil: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new AppError(
    'locked',
    'AUTH.LOCKED',
    `Tài khoản tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  );
}

export function assertNotLocked(user: Lockable): void {
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw lockedError(user.lockedUntil);
}

/**
 * Counts one failed password or code in a single statement. The count is read and written by
 * the database, never by the caller: attempts that ran their argon2 check in parallel each add
 * one, so the fifth of them locks the account whatever the interleaving. Reaching the limit
 * restarts the count and sets the lock; attempts already in flight keep counting and extend it.
 */
export async function recordFailedAttempt(
  db: Db,
  userId: string,
  actor: AuditActor,
  action: string,
  details: Record<string, unknown> = {},
): Promise<{ failed: number; lockedUntil: Date | null }> {
  const lockUntil = new Date(Date.now() + LOCK_MINUTES * 60_000).toISOString();
  const reached = sql`${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        failedLogins: sql`case when ${reached} then 0 else ${users.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${reached} then ${lockUntil}::timestamptz else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, userId))
      .returning({ failed: users.failedLogins, lockedUntil: users.lockedUntil });
    const failed = row?.failed ?? 0;
    const lockedUntil = row?.lockedUntil ?? null;
    const locked = lockedUntil !== null && lockedUntil.getTime() > Date.now();
    await writeAudit(tx, actor, {
      chain: 'system',
      action: locked && failed === 0 ? 'auth.locked' : action,
      entity: 'user',
      entityId: userId,
      after: { ...details, failed },
    });
    return { failed, lockedUntil: locked ? lockedUntil : null };
  });
}

/** Records the failure and throws: the lock when the account is now locked, else `error`. */
export async function failAttempt(
  db: Db,
  userId: string,
  actor: AuditActor,
  action: string,
  error: () => AppError,
  details: Record<string, unknown> = {},
): Promise<never> {
  const { lockedUntil } = await recordFailedAttempt(db, userId, actor, action, details);
  if (lockedUntil) throw lockedError(lockedUntil);
  throw error();
}

/**
 * A proof succeeded: the count restarts, unless a parallel failure locked the account meanwhile
 * (checked in the same statement, so a right password racing wrong ones cannot slip past a lock).
 */
export async function clearFailedAttempts(tx: DbOrTx, userId: string): Promise<void> {
  const rows = await tx
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`))))
    .returning({ id: users.id });
  if (rows.length === 0) {
    const [user] = await tx
      .select({ lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, userId));
    throw lockedError(user?.lockedUntil ?? new Date(Date.now() + LOCK_MINUTES * 60_000));
  }
}
