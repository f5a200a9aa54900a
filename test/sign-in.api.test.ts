import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoIds } from '../src/demo/seed-demo.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { currentTotp } from '../src/platform/auth/two-factor.ts';
import { MAX_FAILED_LOGINS } from '../src/platform/auth/lockout.ts';
import { DRIVERS, openTestDatabase, type Driver } from './support/test-app.ts';
import { passSecondFactor } from './support/second-factor.ts';
import { TEST_DIR } from './support/env.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const NEW_PASSWORD = 'mật-khẩu-mới-2024';

import type { InjectOptions, LightMyRequestResponse } from 'fastify';

type Inject = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

function client(inject: Inject) {
  return {
    async signIn(username: string, password = DEMO_PASSWORD, ip = '127.0.0.1') {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
        remoteAddress: ip,
      });
      const token = res.cookies.find((c) => c.name === 'tdkt_session')?.value;
      return { res, cookie: token ? `tdkt_session=${token}` : '' };
    },
    get: (url: string, cookie: string) => inject({ method: 'GET', url, headers: { cookie } }),
    send: (method: 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
      inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) }),
  };
}

async function openApp(database: Database): Promise<App> {
  const config = { ...loadConfig({}), dataDir: path.join(TEST_DIR, 'unused') };
  const app = await buildApp({ config, database, directory: new DirectoryCache(database.db, 0) });
  await app.ready();
  return app;
}

describe.each(DRIVERS)('sign-in lockout and session ending on %s', (driver) => {
  let app: App;
  let database: Database;
  let ids: DemoIds;
  let drop: () => Promise<void>;
  let c: ReturnType<typeof client>;
  let n = 0;

  beforeAll(async () => {
    ({ database, ids, drop } = await openTestDatabase(driver));
    app = await openApp(database);
    c = client((opts) => app.inject(opts));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await drop();
  });

  /** A fresh account of Mỹ Quý (a staff member: no second factor asked). */
  async function freshUser(roles: ('staff' | 'council_member')[] = ['staff'], totpSecret?: string) {
    n += 1;
    const username = `kiemthu.${driver}.${n}`;
    const id = await insertUser(database.db, {
      username,
      displayName: `Người kiểm thử ${n}`,
      password: DEMO_PASSWORD,
      roles,
      orgUnitId: ids.myQuy,
      ...(totpSecret ? { totpSecret } : {}),
    });
    return { id, username };
  }

  /** The administrator, signed in with both factors and freshly re-authenticated. */
  async function admin(): Promise<string> {
    const { res, cookie } = await c.signIn('quantri', DEMO_PASSWORD, '10.9.9.9');
    expect(res.statusCode).toBe(200);
    await passSecondFactor(app, database, cookie, (res.json() as { secondFactor: string }).secondFactor);
    return cookie;
  }

  it('locks the account after 20 parallel wrong passwords, and the right one is then refused', async () => {
    const { id, username } = await freshUser();
    // Each attempt from its own address: the per-address rate limit is not what is tested.
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => c.signIn(username, `sai-mat-khau-${i}`, `10.1.0.${i + 1}`)),
    );
    const statuses = replies.map((r) => r.res.statusCode);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(1);
    const [row] = await database.query<{ locked_until: Date | null }>(
      'select locked_until from users where id = $1',
      [id],
    );
    expect(row?.locked_until).not.toBeNull();
    const right = await c.signIn(username, DEMO_PASSWORD, '10.1.1.1');
    expect(right.res.statusCode).toBe(423);
    expect((right.res.json() as { code: string; message: string }).code).toBe('AUTH.LOCKED');
    expect((right.res.json() as { message: string }).message).toMatch(/Tài khoản tạm khóa/);
    // Every failure was counted and audited: 20 rows, and at least one lock among them.
    const audit = await database.query<{ action: string }>(
      `select action from audit_log where entity = 'user' and entity_id = $1 and action in ('auth.failed', 'auth.locked')`,
      [id],
    );
    expect(audit).toHaveLength(20);
    expect(audit.filter((a) => a.action === 'auth.locked').length).toBeGreaterThanOrEqual(1);
  });

  it('counts wrong TOTP codes on the same counter: parallel wrong codes lock the account too', async () => {
    const { username } = await freshUser(['council_member'], DEMO_TOTP_SECRET);
    const { res, cookie } = await c.signIn(username, DEMO_PASSWORD, '10.2.0.1');
    expect(res.statusCode).toBe(200);
    const right = currentTotp(DEMO_TOTP_SECRET);
    const wrong = right === '000000' ? '111111' : '000000';
    // Four wrong passwords first, then parallel wrong codes: one counter, so the lock comes
    // at the fifth failure of either kind.
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      expect((await c.signIn(username, 'sai-mat-khau', `10.2.1.${i + 1}`)).res.statusCode).toBe(401);
    }
    const codes = await Promise.all(
      Array.from({ length: 6 }, () => c.send('POST', '/api/v1/auth/totp/verify', cookie, { code: wrong })),
    );
    expect(codes.map((r) => r.statusCode)).toContain(423);
    const after = await c.send('POST', '/api/v1/auth/totp/verify', cookie, { code: right });
    expect(after.statusCode).toBe(423);
    expect((await c.signIn(username, DEMO_PASSWORD, '10.2.2.1')).res.statusCode).toBe(423);
  });

  it('ends every session of the account on each administrator change through the API', async () => {
    const adminCookie = await admin();
    const changes: { what: string; call: (id: string) => Promise<{ statusCode: number; body: string }> }[] = [
      {
        what: 'password reset',
        call: (id) => c.send('POST', `/api/v1/users/${id}/password`, adminCookie, { password: NEW_PASSWORD }),
      },
      {
        what: 'role change',
        call: (id) => c.send('PATCH', `/api/v1/users/${id}`, adminCookie, { roles: ['council_member'] }),
      },
      {
        what: 'scope change',
        call: (id) => c.send('PATCH', `/api/v1/users/${id}`, adminCookie, { orgUnitId: ids.province }),
      },
      {
        what: 'disable',
        call: (id) => c.send('PATCH', `/api/v1/users/${id}`, adminCookie, { disabled: true }),
      },
      {
        what: 'second-factor reset',
        call: (id) => c.send('POST', `/api/v1/users/${id}/two-factor/reset`, adminCookie),
      },
    ];
    for (const change of changes) {
      const { id, username } = await freshUser();
      const first = await c.signIn(username, DEMO_PASSWORD, '10.3.0.1');
      const second = await c.signIn(username, DEMO_PASSWORD, '10.3.0.2');
      expect((await c.get('/api/v1/auth/me', first.cookie)).statusCode).toBe(200);
      const res = await change.call(id);
      expect(res.statusCode, `${change.what}: ${res.body}`).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ ok: true, endedSessions: 2 });
      expect((await c.get('/api/v1/auth/me', first.cookie)).statusCode, change.what).toBe(401);
      expect((await c.get('/api/v1/auth/me', second.cookie)).statusCode, change.what).toBe(401);
      const audited = await database.query<{ action: string }>(
        `select action from audit_log where entity = 'user' and entity_id = $1 and action like 'user.%'`,
        [id],
      );
      expect(audited.length, change.what).toBe(1);
    }
  });

  it('refuses an administrator change to an account outside the administrator’s subtree', async () => {
    const { res, cookie } = await c.signIn('tdkt.dongxuyen', DEMO_PASSWORD, '10.4.0.1');
    expect(res.statusCode).toBe(200);
    // An officer is not an administrator at all.
    const { id } = await freshUser();
    await passSecondFactor(app, database, cookie, (res.json() as { secondFactor: string }).secondFactor);
    expect(
      (await c.send('POST', `/api/v1/users/${id}/password`, cookie, { password: NEW_PASSWORD })).statusCode,
    ).toBe(403);
  });

  it('ends the other sessions when users change their own password, and keeps them signed in here', async () => {
    const { username } = await freshUser();
    const here = await c.signIn(username, DEMO_PASSWORD, '10.5.0.1');
    const elsewhere = await c.signIn(username, DEMO_PASSWORD, '10.5.0.2');
    const wrong = await c.send('POST', '/api/v1/auth/password', here.cookie, {
      currentPassword: 'không-phải-mật-khẩu',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/me', elsewhere.cookie)).statusCode).toBe(200);
    const res = await c.send('POST', '/api/v1/auth/password', here.cookie, {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endedSessions: 2 });
    const fresh = `tdkt_session=${res.cookies.find((k) => k.name === 'tdkt_session')!.value}`;
    expect((await c.get('/api/v1/auth/me', here.cookie)).statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/me', elsewhere.cookie)).statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/me', fresh)).statusCode).toBe(200);
    expect((await c.signIn(username, DEMO_PASSWORD, '10.5.0.3')).res.statusCode).toBe(401);
    expect((await c.signIn(username, NEW_PASSWORD, '10.5.0.4')).res.statusCode).toBe(200);
  });
});

describe('the session cookie in production', () => {
  it('is __Host- prefixed, Secure, HttpOnly, SameSite=Strict, for path / and no domain', async () => {
    const { database, drop } = await openTestDatabase('pglite');
    const config = { ...loadConfig({ NODE_ENV: 'production' }), dataDir: path.join(TEST_DIR, 'unused') };
    const app = await buildApp({ config, database, directory: new DirectoryCache(database.db, 0) });
    await app.ready();
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'canbo.myquy', password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((k) => k.name === '__Host-tdkt_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.domain).toBeUndefined();
      expect(res.cookies.find((k) => k.name === 'tdkt_session')).toBeUndefined();
      // The prefixed name is the one the server reads back; the bare one is ignored.
      const me = (name: string) =>
        app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { cookie: `${name}=${cookie!.value}` },
        });
      expect((await me('__Host-tdkt_session')).statusCode).toBe(200);
      expect((await me('tdkt_session')).statusCode).toBe(401);
    } finally {
      await app.close();
      await database.close();
      await drop();
    }
  });
});

/**
 * The real `tdkt` command against the test database: PostgreSQL through DATABASE_URL, PGlite
 * through a data folder the app closes first (PGlite is one process at a time).
 */
async function openCliDatabase(driver: Driver) {
  if (driver === 'postgres') {
    const opened = await openTestDatabase(driver);
    const env = { DATABASE_URL: opened.url! };
    return { ...opened, env, reopen: async () => opened.database };
  }
  const dir = mkdtempSync('/tmp/auth-cli-');
  const blob = new Blob([readFileSync(path.join(TEST_DIR, 'pglite-template.tgz'))]);
  const seeded = await PGlite.create(dir, { extensions: { unaccent, pg_trgm }, loadDataDir: blob });
  await seeded.close();
  const ids = JSON.parse(readFileSync(path.join(TEST_DIR, 'pglite-ids.json'), 'utf8')) as DemoIds;
  return {
    database: await openDatabase({ kind: 'pglite', dataDir: dir }),
    ids,
    env: { TDKT_DATA_DIR: dir, DATABASE_URL: '' },
    reopen: () => openDatabase({ kind: 'pglite', dataDir: dir }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe.each(DRIVERS)('tdkt user commands end sessions on %s', (driver) => {
  it('ends the sessions of the account on every CLI change', { timeout: 180_000 }, async () => {
    const opened = await openCliDatabase(driver);
    let database = opened.database;
    let app = await openApp(database);
    const tdkt = (...args: string[]) =>
      run(process.execPath, ['bin/tdkt.mjs', 'user', ...args], {
        cwd: ROOT,
        env: { ...process.env, ...opened.env },
      });
    try {
      const commands = [
        ['reset-password', '--password', NEW_PASSWORD],
        ['set-roles', '--role', 'council_member'],
        ['move', '--org', 'MQ-VP'],
        ['disable'],
        ['reset-2fa'],
      ];
      const cookies: string[] = [];
      for (const [i] of commands.entries()) {
        const username = `kiemthu.cli.${i}`;
        await insertUser(database.db, {
          username,
          displayName: `Người kiểm thử CLI ${i}`,
          password: DEMO_PASSWORD,
          roles: ['staff'],
          orgUnitId: opened.ids.myQuy,
        });
        const { res, cookie } = await client((o) => app.inject(o)).signIn(username);
        expect(res.statusCode).toBe(200);
        expect(
          (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode,
        ).toBe(200);
        cookies.push(cookie);
      }
      if (driver === 'pglite') {
        await app.close();
        await database.close();
      }
      for (const [i, command] of commands.entries()) {
        const [sub, ...rest] = command as [string, ...string[]];
        const { stdout } = await tdkt(sub, '--username', `kiemthu.cli.${i}`, ...rest);
        expect(stdout, command.join(' ')).toMatch(/Đã kết thúc 1 phiên đăng nhập/);
      }
      if (driver === 'pglite') {
        database = await opened.reopen();
        app = await openApp(database);
      }
      for (const [i, cookie] of cookies.entries()) {
        const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
        expect(me.statusCode, commands[i]!.join(' ')).toBe(401);
      }
      expect((await client((o) => app.inject(o)).signIn('kiemthu.cli.0', NEW_PASSWORD)).res.statusCode).toBe(
        200,
      );
    } finally {
      await app.close();
      await database.close();
      await opened.drop();
    }
  });
});
