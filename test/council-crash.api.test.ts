import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { currentTotp } from '../src/platform/auth/two-factor.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo, type DemoIds } from '../src/demo/seed-demo.ts';
import { insertNominations } from '../src/nominations/index.ts';
import { ballotKeyFile } from '../src/council/index.ts';
import { DRIVERS } from './support/test-app.ts';
import { PG_TEMPLATE_DB, TEST_DIR } from './support/env.ts';
import { expectNoVoterChoiceLink } from './support/ballot-secrecy.ts';

const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'mat-khau-thu-nghiem-1';

type Server = { child: ChildProcess; base: string };

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ['bin/tdkt.mjs', 'start', '--no-build', '--no-demo'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out.slice(-2000)}`)), 240_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out.slice(-2000)}`));
    });
  });
}

async function stop(server: Server, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill(signal);
  await exited;
}

type Call = (
  method: string,
  url: string,
  payload?: object,
) => Promise<{ status: number; body: Record<string, unknown> }>;

/** Signs in over HTTP with the second factor, as the browser would. */
async function signIn(
  base: string,
  username: string,
  password: string,
  database: () => Promise<Database>,
): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, username).toBe(200);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const state = ((await res.json()) as { secondFactor?: string }).secondFactor;
  const post = (url: string, payload?: object) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
  if (state === 'enrolment_required') {
    const { secret } = (await (await post('/api/v1/auth/totp/enrol')).json()) as { secret: string };
    expect((await post('/api/v1/auth/totp/confirm', { code: currentTotp(secret) })).status).toBe(200);
  } else if (state !== undefined && state !== 'none') {
    const verified = await post('/api/v1/auth/totp/verify', { code: currentTotp(DEMO_TOTP_SECRET) });
    if (verified.status !== 200) {
      // A code is accepted once per step: mark the session verified as the code would have.
      const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
      const db = await database();
      await db.query('update sessions set verified_at = now() where token_hash = $1', [
        createHash('sha256').update(token).digest('hex'),
      ]);
    }
  }
  return cookie;
}

function caller(base: () => string, cookie: string): Call {
  return async (method, url, payload) => {
    const res = await fetch(`${base()}${url}`, {
      method,
      headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

/**
 * Ballots are committed when cast: the real server is killed (SIGKILL) while an item is being
 * voted on, started again, the remaining members vote and the tally counts every ballot. On
 * PostgreSQL two server processes serve the same session and count the same. Throughout — while
 * open, after the crash, after the close — nothing in the database links a voter to a choice.
 */
describe.each(DRIVERS)('a vote in progress when the server is killed, on %s', (driver) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'council-crash-'));
  const dataDir = path.join(dir, 'data');
  const keyDir = path.join(dir, 'keys-outside-data');
  const dbName = `tdkt_t_${randomBytes(6).toString('hex')}`;
  const adminUrl = process.env.TEST_DATABASE_URL;
  const dbUrl = () => {
    const u = new URL(adminUrl!);
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const servers: Server[] = [];
  let pgDb: Database | undefined;

  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGTERM');
    await pgDb?.close();
    if (driver === 'postgres') {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** The database as someone holding it (not the ballot key) reads it. */
  async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (driver === 'postgres') {
      pgDb ??= await openDatabase({ kind: 'postgres', url: dbUrl(), poolSize: 2 });
      return fn(pgDb);
    }
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  it('keeps every ballot cast before the kill, and counts the same on two processes', async () => {
    // The database: the demo data, five voters with accounts, two nominations.
    let ids: DemoIds;
    if (driver === 'postgres') {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${dbName} template ${PG_TEMPLATE_DB}`);
      await admin.end();
      ids = JSON.parse(readFileSync(path.join(TEST_DIR, 'pg-ids.json'), 'utf8')) as DemoIds;
    } else {
      const db = await openDatabase({ kind: 'pglite', dataDir });
      await runMigrations(db);
      ids = await seedDemo(db.db);
      await db.close();
    }
    const voterUsers = await withDatabase(async (db) => {
      const users: string[] = [];
      for (let i = 1; i <= 5; i++) {
        users.push(
          await insertUser(db.db, {
            username: `crash${i}.myquy`,
            displayName: `Thành viên ${i}`,
            password: PASSWORD,
            roles: ['council_member'],
            orgUnitId: ids.myQuy,
          }),
        );
      }
      return users;
    });
    const nominationIds = await withDatabase(async (db) =>
      (
        await insertNominations(
          db.db,
          ids.advancedWorker2022.slice(30, 32).map((personId, i) => ({
            orgUnitId: ids.myQuyUnits['MQ-VP']!,
            bodyOrgUnitId: ids.myQuy,
            year: 2024,
            kind: 'regular',
            subjectKind: 'individual',
            personId,
            subjectName: `Cán bộ ${i + 1}`,
            subjectSortKey: `can bo ${i + 1}`,
            subjectSearch: `can bo ${i + 1}`,
            awardCode: 'commune_certificate_of_merit',
            status: 'accepted',
          })),
        )
      ).map((r) => r.id),
    );

    const env = {
      TDKT_DATA_DIR: dataDir,
      TDKT_KEY_DIR: keyDir,
      ...(driver === 'postgres' ? { DATABASE_URL: dbUrl() } : { DATABASE_URL: '' }),
    };
    const first = await startServer(env);
    servers.push(first);
    let bases = [first.base];
    const baseOf = (k: number) => () => bases[k % bases.length]!;
    // Only a reused demo code needs the database (PostgreSQL); on PGlite each account signs in once.
    const db = () => withDatabase(async (d) => d);
    const officerCookie = await signIn(first.base, 'tdkt.myquy', DEMO_PASSWORD, db);
    const officer = caller(baseOf(0), officerCookie);
    const cookies: string[] = [];
    for (let i = 1; i <= 5; i++) cookies.push(await signIn(first.base, `crash${i}.myquy`, PASSWORD, db));

    const saved = await officer('PUT', `/api/v1/councils/${ids.myQuy}/2024`, {
      name: 'Hội đồng Thi đua - Khen thưởng phường Mỹ Quý năm 2024',
      members: voterUsers.map((userId, i) => ({
        fullName: `Thành viên ${i + 1}`,
        role: i === 0 ? 'chairman' : 'member',
        userId,
      })),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const memberIds = (saved.body.members as { id: string }[]).map((m) => m.id);
    const voterIds = new Set([...voterUsers, ...memberIds]);
    const session = await officer('POST', `/api/v1/councils/${ids.myQuy}/2024/sessions`, {
      title: 'Phiên họp xét khen thưởng năm 2024',
      heldOn: '2024-12-20',
    });
    const sessionId = session.body.id as string;
    const attendance = await officer('PUT', `/api/v1/council-sessions/${sessionId}/attendance`, {
      presentMemberIds: memberIds,
    });
    expect(attendance.body.quorumMet).toBe(true);
    const agenda = await officer('POST', `/api/v1/council-sessions/${sessionId}/agenda`, { nominationIds });
    const [one, two] = (agenda.body.items as { id: string }[]).map((i) => i.id);
    expect((await officer('POST', `/api/v1/council-items/${one}/open`, {})).status).toBe(200);
    expect((await officer('POST', `/api/v1/council-items/${two}/open`, {})).status).toBe(200);

    const vote = async (k: number, item: string, choice: string, server: number) => {
      const res = await caller(baseOf(server), cookies[k]!)('POST', `/api/v1/council-items/${item}/ballot`, {
        choice,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await vote(0, one!, 'yes', 0);
    await vote(1, one!, 'no', 0);
    await vote(0, two!, 'no', 0);
    const keyText = readFileSync(ballotKeyFile(dataDir, { TDKT_KEY_DIR: keyDir }), 'utf8').trim();
    if (driver === 'postgres') {
      const open = await withDatabase((d) => expectNoVoterChoiceLink(d.db, voterIds, keyText));
      expect(open.sealed).toBe(3);
    }

    await stop(first, 'SIGKILL');
    const crashed = await withDatabase((d) => expectNoVoterChoiceLink(d.db, voterIds, keyText));
    expect(crashed).toEqual({ sealed: 3, urn: 0 });

    // Started again; on PostgreSQL a second process serves the same database beside it.
    const again = await startServer(env);
    servers.push(again);
    bases = [again.base];
    if (driver === 'postgres') {
      const other = await startServer(env);
      servers.push(other);
      bases = [again.base, other.base];
    }
    await vote(2, one!, 'yes', 0);
    await vote(3, one!, 'yes', 1);
    await vote(4, one!, 'abstain', 0);
    for (const [k, choice] of ['yes', 'yes', 'yes', 'no'].entries()) await vote(k + 1, two!, choice, k);
    // Both processes see the same count of ballots, and no choice before the close.
    for (let s = 0; s < bases.length; s++) {
      const view = await caller(baseOf(s), cookies[0]!)('GET', `/api/v1/council-sessions/${sessionId}`);
      const items = view.body.items as { id: string; ballotsCast: number; yesCount: number | null }[];
      expect(items.map((i) => [i.ballotsCast, i.yesCount])).toEqual([
        [5, null],
        [5, null],
      ]);
    }
    const closeOne = await officer('POST', `/api/v1/council-items/${one}/close`);
    expect(closeOne.status, JSON.stringify(closeOne.body)).toBe(200);
    expect(closeOne.body).toMatchObject({ yes: 3, no: 1, abstain: 1, approved: true });
    const officerOther = caller(baseOf(1), officerCookie);
    const closeTwo = await officerOther('POST', `/api/v1/council-items/${two}/close`);
    expect(closeTwo.status, JSON.stringify(closeTwo.body)).toBe(200);
    expect(closeTwo.body).toMatchObject({ yes: 3, no: 2, abstain: 0, approved: true });

    if (driver === 'pglite') await stop(again, 'SIGTERM');
    const closed = await withDatabase((d) => expectNoVoterChoiceLink(d.db, voterIds, keyText));
    expect(closed).toEqual({ sealed: 0, urn: 10 });
  }, 900_000);
});
