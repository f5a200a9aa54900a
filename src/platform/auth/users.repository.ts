import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { pendingTotpEnrolments, recoveryCodes, sessions, users } from './auth.schema.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from './roles.ts';

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  roles: readonly Role[];
  orgUnitId: string;
  personId?: string | null;
  totpSecret?: string | null;
};

export async function insertUser(db: DbOrTx, u: NewUser): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({
      username: u.username.normalize('NFC').toLowerCase(),
      displayName: u.displayName,
      passwordHash: await hashPassword(u.password),
      roles: [...u.roles],
      orgUnitId: u.orgUnitId,
      personId: u.personId ?? null,
      totpSecret: u.totpSecret ?? null,
      // A secret given at creation is a known enrolled one (demo and test accounts).
      totpEnabled: !!u.totpSecret,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

export type UserRow = typeof users.$inferSelect;

export async function getUser(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function getUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.username, username.normalize('NFC').toLowerCase()));
  return row;
}

export async function listUsersOf(db: DbOrTx, orgUnitIds: readonly string[]): Promise<UserRow[]> {
  if (orgUnitIds.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(inArray(users.orgUnitId, [...orgUnitIds]))
    .orderBy(users.username);
}

export type UserPatch = Partial<
  Pick<
    UserRow,
    'passwordHash' | 'roles' | 'orgUnitId' | 'disabled' | 'totpEnabled' | 'totpSecret' | 'totpLastStep'
  > & { failedLogins: number; lockedUntil: Date | null }
>;

export async function updateUser(db: DbOrTx, id: string, patch: UserPatch): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return row;
}

/** Ends every session of a user, and the enrolments those sessions had started. */
export async function deleteSessionsOf(db: DbOrTx, userId: string): Promise<number> {
  await db.delete(pendingTotpEnrolments).where(eq(pendingTotpEnrolments.userId, userId));
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

export async function deleteRecoveryCodesOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}
