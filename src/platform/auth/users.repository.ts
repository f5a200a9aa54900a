import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { users } from './auth.schema.ts';
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

export async function setPassword(db: DbOrTx, username: string, password: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null })
    .where(eq(users.username, username.normalize('NFC').toLowerCase()))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}
