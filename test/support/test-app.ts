import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { DirectoryCache } from '../../src/organizations/index.ts';
import { DEMO_PASSWORD, type DemoIds } from '../../src/demo/seed-demo.ts';
import { passSecondFactor } from './second-factor.ts';
import { PG_TEMPLATE_DB, TEST_DIR } from './env.ts';

export type Driver = 'pglite' | 'postgres';

/** The drivers API tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DRIVERS: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestApp = {
  app: App;
  database: Database;
  ids: DemoIds;
  driver: Driver;
  /** Signs in a demo account and returns the cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database with the demo data (copied from the run's template) and an app on it. */
export async function openTestDatabase(
  driver: Driver,
): Promise<{ database: Database; ids: DemoIds; drop(): Promise<void>; url?: string }> {
  if (driver === 'pglite') {
    const blob = new Blob([readFileSync(path.join(TEST_DIR, 'pglite-template.tgz'))]);
    const database = await openDatabase({ kind: 'pglite-memory', loadDataDir: blob });
    const ids = JSON.parse(readFileSync(path.join(TEST_DIR, 'pglite-ids.json'), 'utf8')) as DemoIds;
    return { database, ids, drop: async () => undefined };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tdkt_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
  const ids = JSON.parse(readFileSync(path.join(TEST_DIR, 'pg-ids.json'), 'utf8')) as DemoIds;
  return {
    database,
    ids,
    url: withDatabase(url, name),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function openTestApp(driver: Driver): Promise<TestApp> {
  const { database, ids, drop } = await openTestDatabase(driver);
  const config = { ...loadConfig({}), dataDir: path.join(TEST_DIR, 'unused') };
  const app = await buildApp({ config, database, directory: new DirectoryCache(database.db, 0) });
  await app.ready();
  return {
    app,
    database,
    ids,
    driver,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'tdkt_session');
      if (!cookie) throw new Error('no session cookie');
      const header = `tdkt_session=${cookie.value}`;
      await passSecondFactor(app, database, header, (res.json() as { secondFactor?: string }).secondFactor);
      return header;
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
