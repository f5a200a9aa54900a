import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { trustedRoots } from './signatures.schema.ts';

export type TrustedRootRow = typeof trustedRoots.$inferSelect;

export async function listTrustedRoots(db: DbOrTx): Promise<TrustedRootRow[]> {
  return db.select().from(trustedRoots).orderBy(asc(trustedRoots.installedAt));
}

export async function findTrustedRootBySha(db: DbOrTx, sha256: string): Promise<TrustedRootRow | null> {
  const [row] = await db.select().from(trustedRoots).where(eq(trustedRoots.sha256, sha256));
  return row ?? null;
}

export async function insertTrustedRoot(
  db: DbOrTx,
  row: typeof trustedRoots.$inferInsert,
): Promise<TrustedRootRow> {
  const [inserted] = await db.insert(trustedRoots).values(row).returning();
  return inserted!;
}

export async function deleteTrustedRoot(db: DbOrTx, id: string): Promise<TrustedRootRow | null> {
  const [deleted] = await db.delete(trustedRoots).where(eq(trustedRoots.id, id)).returning();
  return deleted ?? null;
}
