import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Db, DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from '../audit/audit.ts';
import { pendingTotpEnrolments, recoveryCodes, sessions, users } from './auth.schema.ts';
import { verifyPassword } from './passwords.ts';
import { assertNotLocked, clearFailedAttempts, failAttempt } from './lockout.ts';

/**
 * Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app
 * reads), required for admin, officer and chairman and optional for others (trust issue,
 * item 3; ASVS 5.0 6.3.3). A code is accepted once per user (ASVS 6.5.1): the accepted time step
 * is stored and earlier or equal steps are refused.
 */
export const TOTP_ISSUER = 'TĐKT';
const PERIOD = 30;
const RECOVERY_CODE_COUNT = 10;
/** Minutes a password or TOTP proof stays fresh for routes declaring `reauth: true`. */
export const REAUTH_MINUTES = Number(process.env.TDKT_REAUTH_MINUTES ?? 5);
/** Minutes an enrolment may wait for its confirming code. */
const ENROLMENT_MINUTES = 10;

export function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** The code an authenticator shows now (tests, demo tooling). */
export function currentTotp(secret: string, at: number = Date.now()): string {
  return totpFor(secret, 'x').generate({ timestamp: at });
}

/** The time step a code belongs to, within one step of clock drift; undefined when wrong. */
export function totpStep(secret: string, code: string, at: number = Date.now()): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? undefined : Math.floor(at / 1000 / PERIOD) + delta;
}

type UserRow = typeof users.$inferSelect;

function hashCode(code: string): string {
  return createHash('sha256')
    .update(code.replace(/[^0-9a-z]/gi, '').toLowerCase())
    .digest('hex');
}

const wrongCode = () =>
  new AppError('unauthenticated', 'AUTH.BAD_CODE', 'Mã xác thực không đúng hoặc đã hết hạn.');
const wrongPassword = () => new AppError('unauthenticated', 'AUTH.BAD_PASSWORD', 'Mật khẩu không đúng.');

async function loadUser(db: DbOrTx, userId: string): Promise<UserRow> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) throw new AppError('unauthenticated', 'AUTH.REQUIRED', 'Vui lòng đăng nhập.');
  return user;
}

/** A wrong code counts like a wrong password: five lock the account (brute force of 6 digits). */
function recordFailure(db: Db, user: UserRow, action: string, error = wrongCode): Promise<never> {
  return failAttempt(db, user.id, { userId: user.id, name: user.displayName }, action, error);
}

/** Marks the session as having passed the second factor (and as freshly re-authenticated). */
async function markVerified(db: DbOrTx, sessionTokenHash: string): Promise<void> {
  await db
    .update(sessions)
    .set({ verifiedAt: sql`now()`, reauthenticatedAt: sql`now()` })
    .where(eq(sessions.tokenHash, sessionTokenHash));
}

/**
 * Checks a TOTP code for a user with TOTP enabled; a reused code (same or earlier step) is
 * refused with its own code so a caller can tell a replay from a typo.
 */
async function acceptTotp(db: Db, user: UserRow, code: string, failureAction: string): Promise<number> {
  assertNotLocked(user);
  if (!user.totpEnabled || !user.totpSecret) throw wrongCode();
  const step = totpStep(user.totpSecret, code.trim());
  if (step === undefined) return recordFailure(db, user, failureAction);
  // Compare-and-set on the step: two concurrent uses of one code cannot both pass.
  const updated = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(eq(users.id, user.id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`),
    )
    .returning({ id: users.id });
  if (updated.length === 0) {
    throw new AppError(
      'conflict',
      'AUTH.CODE_REUSED',
      'Mã này đã được dùng. Vui lòng chờ mã mới trên ứng dụng xác thực.',
    );
  }
  await clearFailedAttempts(db, user.id);
  return step;
}

export async function verifySecondFactor(
  db: Db,
  userId: string,
  sessionTokenHash: string,
  code: string,
): Promise<void> {
  const user = await loadUser(db, userId);
  await acceptTotp(db, user, code, 'auth.totp_failed');
  await db.transaction(async (tx) => {
    await markVerified(tx, sessionTokenHash);
    await writeAudit(
      tx,
      { userId: user.id, name: user.displayName },
      {
        chain: 'system',
        action: 'auth.second_factor',
        entity: 'user',
        entityId: user.id,
        after: { method: 'totp' },
      },
    );
  });
}

/** A one-time recovery code instead of the TOTP (lost phone). */
export async function useRecoveryCode(
  db: Db,
  userId: string,
  sessionTokenHash: string,
  code: string,
): Promise<number> {
  const user = await loadUser(db, userId);
  assertNotLocked(user);
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.codeHash, hashCode(code)),
        eq(recoveryCodes.userId, userId),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ codeHash: recoveryCodes.codeHash });
  if (used.length === 0) return recordFailure(db, user, 'auth.recovery_failed');
  const left = await countRecoveryCodes(db, userId);
  await db.transaction(async (tx) => {
    await clearFailedAttempts(tx, userId);
    await markVerified(tx, sessionTokenHash);
    await writeAudit(
      tx,
      { userId: user.id, name: user.displayName },
      { chain: 'system', action: 'auth.recovery_code', entity: 'user', entityId: user.id, after: { left } },
    );
  });
  return left;
}

export async function countRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .select({ codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/** Replaces the user's recovery codes; the plain codes are shown once and never stored. */
export async function issueRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).toString('hex').slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ codeHash: hashCode(c), userId })));
  return codes;
}

export type Enrolment = { secret: string; otpauthUri: string; qrDataUrl: string };

const noEnrolment = () =>
  new AppError(
    'conflict',
    'AUTH.NO_ENROLMENT',
    'Phiên đăng ký xác thực hai lớp đã hết hạn. Vui lòng bắt đầu lại.',
  );

/**
 * Starts an enrolment: a new secret waits for its confirming code in `pending_totp_enrolments`,
 * one per session, in the database so that a restart or another server process does not lose
 * it. An abandoned enrolment leaves the account as it was (a user who already has TOTP keeps the
 * old secret); expired rows are purged here.
 */
export async function startEnrolment(db: Db, userId: string, sessionTokenHash: string): Promise<Enrolment> {
  const user = await loadUser(db, userId);
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const expiresAt = new Date(Date.now() + ENROLMENT_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx.delete(pendingTotpEnrolments).where(lt(pendingTotpEnrolments.expiresAt, sql`now()`));
    await tx
      .insert(pendingTotpEnrolments)
      .values({ sessionTokenHash, userId, secret, expiresAt })
      .onConflictDoUpdate({
        target: pendingTotpEnrolments.sessionTokenHash,
        set: { userId, secret, expiresAt },
      });
  });
  const otpauthUri = totpFor(secret, user.username).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 240,
  });
  return { secret, otpauthUri, qrDataUrl };
}

async function loadPending(db: DbOrTx, userId: string, sessionTokenHash: string) {
  const [pending] = await db
    .select()
    .from(pendingTotpEnrolments)
    .where(
      and(
        eq(pendingTotpEnrolments.sessionTokenHash, sessionTokenHash),
        eq(pendingTotpEnrolments.userId, userId),
        gt(pendingTotpEnrolments.expiresAt, sql`now()`),
      ),
    );
  return pending;
}

/** Confirms with a code from the new secret; returns the new recovery codes. */
export async function confirmEnrolment(
  db: Db,
  userId: string,
  sessionTokenHash: string,
  code: string,
): Promise<string[]> {
  const pending = await loadPending(db, userId, sessionTokenHash);
  if (!pending) throw noEnrolment();
  const user = await loadUser(db, userId);
  assertNotLocked(user);
  const step = totpStep(pending.secret, code.trim());
  if (step === undefined) return recordFailure(db, user, 'auth.totp_enrol_failed');
  return db.transaction(async (tx) => {
    // Taking the row is the compare-and-set: of two concurrent confirmations, one wins.
    const taken = await tx
      .delete(pendingTotpEnrolments)
      .where(
        and(
          eq(pendingTotpEnrolments.sessionTokenHash, sessionTokenHash),
          eq(pendingTotpEnrolments.secret, pending.secret),
        ),
      )
      .returning({ secret: pendingTotpEnrolments.secret });
    if (taken.length === 0) throw noEnrolment();
    await tx
      .update(users)
      .set({ totpSecret: pending.secret, totpEnabled: true, totpLastStep: step })
      .where(eq(users.id, userId));
    await clearFailedAttempts(tx, userId);
    await markVerified(tx, sessionTokenHash);
    const codes = await issueRecoveryCodes(tx, userId);
    await writeAudit(
      tx,
      { userId: user.id, name: user.displayName },
      {
        chain: 'system',
        action: 'auth.totp_enrolled',
        entity: 'user',
        entityId: user.id,
        after: { recoveryCodes: codes.length },
      },
    );
    return codes;
  });
}

/**
 * Re-authentication for sensitive routes (signing a decision, changing a role): the password, or
 * a TOTP code when the user has TOTP, proves presence again.
 */
export async function reauthenticate(
  db: Db,
  userId: string,
  sessionTokenHash: string,
  proof: { password?: string | undefined; code?: string | undefined },
): Promise<void> {
  const user = await loadUser(db, userId);
  assertNotLocked(user);
  if (proof.code !== undefined) {
    await acceptTotp(db, user, proof.code, 'auth.reauth_failed');
  } else if (proof.password === undefined || !(await verifyPassword(user.passwordHash, proof.password))) {
    await recordFailure(db, user, 'auth.reauth_failed', wrongPassword);
  } else {
    await clearFailedAttempts(db, user.id);
  }
  await db
    .update(sessions)
    .set({ reauthenticatedAt: sql`now()` })
    .where(eq(sessions.tokenHash, sessionTokenHash));
}
