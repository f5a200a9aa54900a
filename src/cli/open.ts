import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { DataDirBusyError, readLockHolder } from '../platform/db/lock.ts';

/** Opens the configured database for a CLI command, refusing clearly when a server holds it. */
export async function openForCli(config: Config = loadConfig()): Promise<Database> {
  if (!config.databaseUrl) {
    const holder = readLockHolder(config.dataDir);
    if (holder && holder.pid !== process.pid) throw new DataDirBusyError(holder, config.dataDir);
  }
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  await runMigrations(database);
  return database;
}
