import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { importJobs, importStaging } from './imports.schema.ts';

/**
 * A process killed mid-import leaves staging rows and a job marked as running; nothing was
 * published. The next start discards both (issue 2, item 6 and 13).
 */
export async function discardStaleImports(db: Db): Promise<number> {
  const stale = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(inArray(importJobs.status, ['staging', 'publishing']));
  if (stale.length === 0) return 0;
  const ids = stale.map((s) => s.id);
  await db.transaction(async (tx) => {
    await tx.delete(importStaging).where(inArray(importStaging.jobId, ids));
    await tx
      .update(importJobs)
      .set({
        status: 'failed',
        finishedAt: sql`now()`,
        errors: [
          {
            rowNumber: 0,
            column: null,
            header: null,
            message: 'Tiến trình nhập bị dừng giữa chừng; không có dòng nào được ghi.',
          },
        ],
      })
      .where(inArray(importJobs.id, ids));
  });
  return ids.length;
}
