import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { requirePostgresInCi } from './support/env.ts';

/**
 * Builds the test databases once per run (DESIGN §6): a PGlite data folder dumped to a tarball,
 * which each test file loads in ≈0.7 s instead of an initdb of ≈3 s and ≈0.8 GB, and, with
 * TEST_DATABASE_URL, a PostgreSQL template database each test file copies.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const TEST_DIR = mkdtempSync(path.join(os.tmpdir(), 'tdkt-test-'));
  process.env.TDKT_TEST_DIR = TEST_DIR;
  const PG_TEMPLATE_DB = `tdkt_tpl_${path
    .basename(TEST_DIR)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;
  process.env.TDKT_PG_TEMPLATE = PG_TEMPLATE_DB;
  mkdirSync(TEST_DIR, { recursive: true });
  const lite = await openDatabase({ kind: 'pglite-memory' });
  await runMigrations(lite);
  const ids = await seedDemo(lite.db);
  const dump = await lite.pglite!.dumpDataDir('gzip');
  writeFileSync(path.join(TEST_DIR, 'pglite-template.tgz'), Buffer.from(await dump.arrayBuffer()));
  writeFileSync(path.join(TEST_DIR, 'pglite-ids.json'), JSON.stringify(ids));
  await lite.close();

  const url = requirePostgresInCi();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const server = await openDatabase({
      kind: 'postgres',
      url: withDatabase(url, PG_TEMPLATE_DB),
      poolSize: 2,
    });
    await runMigrations(server);
    const pgIds = await seedDemo(server.db);
    writeFileSync(path.join(TEST_DIR, 'pg-ids.json'), JSON.stringify(pgIds));
    await server.close();
  }
  return async () => {
    rmSync(TEST_DIR, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
