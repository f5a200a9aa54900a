import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Runs raw SQL with parameters ($1, $2 …) and returns the rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The embedded instance, for dumps and backups; undefined on a server. */
  pglite?: PGlite;
  pool?: pg.Pool;
  lock?: DataDirLock;
};

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string; lock?: boolean }
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

const extensions = { unaccent, pg_trgm };

/**
 * PGlite facts (research/stack-probe.md §2): without a smaller max_wal_size a data folder grows
 * by ≈0.7 GB of WAL; each ALTER SYSTEM must run in its own exec, then the instance reopens.
 */
async function createPgliteDataDir(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const fresh = await PGlite.create(dataDir, { extensions });
  await fresh.exec(`ALTER SYSTEM SET max_wal_size='64MB'`);
  await fresh.exec(`ALTER SYSTEM SET min_wal_size='32MB'`);
  await fresh.close();
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined);
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      pool,
      async query<T>(text: string, params: unknown[] = []) {
        const r = await pool.query(text, params);
        return r.rows as T[];
      },
      close: () => pool.end(),
    };
  }

  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (options.kind === 'pglite') {
    const dataDir = path.resolve(options.dataDir);
    if (options.lock !== false) lock = acquireDataDirLock(dataDir);
    try {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await createPgliteDataDir(dataDir);
      client = await PGlite.create(dataDir, { extensions });
    } catch (err) {
      lock?.release();
      throw err;
    }
  } else {
    client = await PGlite.create(
      options.loadDataDir ? { extensions, loadDataDir: options.loadDataDir } : { extensions },
    );
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite: client,
    ...(lock ? { lock } : {}),
    async query<T>(text: string, params: unknown[] = []) {
      const r = await client.query(text, params);
      return r.rows as T[];
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

/** Runs a drizzle `sql` query on a database or transaction and returns its rows (both drivers). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
