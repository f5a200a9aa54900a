import path from 'node:path';
import { Cron } from 'croner';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { trustPaths } from '../audit/checkpoint.ts';
import { AuditCheckpointer } from '../audit/checkpointer.ts';
import { applyRetention } from '../privacy/privacy.ts';
import { backupDirOf } from '../privacy/privacy.routes.ts';
import { backupFileName, createBackup, pruneBackups } from './backup.ts';

export type TrustJobs = { stop(): void; runNow(): Promise<void> };

/**
 * The server's nightly jobs (trust issue, items 1, 2 and 4), at 02:15 local time by default
 * (TDKT_TRUST_CRON): sign the audit chain heads, apply the retention rules, and on an embedded
 * install write a backup and keep the newest TDKT_BACKUP_KEEP (14) of them. A server install
 * backs up with `tdkt backup` from its own scheduler.
 */
export function startTrustJobs(
  database: Database,
  config: Config,
  log: (message: string) => void = console.log,
  checkpointer: AuditCheckpointer = new AuditCheckpointer(database.db, trustPaths(config.dataDir), 0, log),
): TrustJobs {
  const keep = Number(process.env.TDKT_BACKUP_KEEP ?? 14);
  const runNow = async () => {
    try {
      // Through the server's checkpointer: never two checkpoints at once in one process.
      await checkpointer.run('nightly');
      await applyRetention(database.db);
      if (database.driver === 'pglite') {
        const dir = backupDirOf(config.dataDir);
        await createBackup(database, config.dataDir, path.join(dir, backupFileName()));
        pruneBackups(dir, keep);
      }
    } catch (err) {
      log(`Lỗi công việc hằng đêm: ${(err as Error).message}`);
    }
  };
  const job = new Cron(process.env.TDKT_TRUST_CRON ?? '15 2 * * *', { protect: true }, runNow);
  return { stop: () => job.stop(), runNow };
}
