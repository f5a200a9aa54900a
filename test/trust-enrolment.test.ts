import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/client.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import type { DemoIds } from '../src/demo/seed-demo.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { currentTotp } from '../src/platform/auth/two-factor.ts';
import { DRIVERS, openTestDatabase } from './support/test-app.ts';
import { TEST_DIR } from './support/env.ts';

/**
 * Pending TOTP enrolments live in the database (trust issue, item 3): an enrolment begun on one
 * server process is confirmed on another, and survives a restart of the first.
 */
describe.each(DRIVERS)('pending TOTP enrolments on %s', (driver) => {
  let database: Database;
  let ids: DemoIds;
  let drop: () => Promise<void>;
  const apps: App[] = [];

  async function startServer(): Promise<App> {
    const config = { ...loadConfig({}), dataDir: path.join(TEST_DIR, 'unused') };
    const app = await buildApp({ config, database, directory: new DirectoryCache(database.db, 0) });
    await app.ready();
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    ({ database, ids, drop } = await openTestDatabase(driver));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.close();
    await drop();
  });

  async function newOfficer(username: string): Promise<void> {
    await insertUser(database.db, {
      username,
      displayName: `Cán bộ ${username}`,
      password: 'mat-khau-can-bo-moi',
      roles: ['officer'],
      orgUnitId: ids.myQuy,
    });
  }

  async function signIn(app: App, username: string): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'mat-khau-can-bo-moi' },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { secondFactor: string }).secondFactor).toBe('enrolment_required');
    return `tdkt_session=${res.cookies.find((c) => c.name === 'tdkt_session')!.value}`;
  }

  const post = (app: App, url: string, cookie: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

  async function pendingRows(): Promise<number> {
    const rows = await database.query<{ n: number }>(
      'select count(*)::int as n from pending_totp_enrolments',
    );
    return rows[0]!.n;
  }

  it('sends a new administrator, officer or chairman to enrolment, and lets other roles in', async () => {
    const app = await startServer();
    const cases = [
      ['admin', 'enrolment_required'],
      ['officer', 'enrolment_required'],
      ['chairman', 'enrolment_required'],
      ['unit_head', 'none'],
      ['staff', 'none'],
    ] as const;
    for (const [role, expected] of cases) {
      const username = `vai.tro.${role}`;
      await insertUser(database.db, {
        username,
        displayName: `Vai trò ${role}`,
        password: 'mat-khau-can-bo-moi',
        roles: [role],
        orgUnitId: ids.myQuy,
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'mat-khau-can-bo-moi' },
      });
      expect((res.json() as { secondFactor: string }).secondFactor, role).toBe(expected);
    }
  });

  it('confirms on a second process an enrolment begun on a first one that has since stopped', async () => {
    await newOfficer('canbo.hai.tientrinh');
    const first = await startServer();
    const cookie = await signIn(first, 'canbo.hai.tientrinh');
    const before = await pendingRows();
    const enrol = await post(first, '/api/v1/auth/totp/enrol', cookie);
    expect(enrol.statusCode).toBe(200);
    const { secret } = enrol.json() as { secret: string };
    expect(await pendingRows()).toBe(before + 1);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    const second = await startServer();
    const confirm = await post(second, '/api/v1/auth/totp/confirm', cookie, { code: currentTotp(secret) });
    expect(confirm.statusCode).toBe(200);
    expect((confirm.json() as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect(await pendingRows()).toBe(before);
    const [user] = await database.query<{ totp_secret: string; totp_enabled: boolean }>(
      `select totp_secret, totp_enabled from users where username = 'canbo.hai.tientrinh'`,
    );
    expect(user).toEqual({ totp_secret: secret, totp_enabled: true });
    const people = await second.inject({ method: 'GET', url: '/api/v1/people', headers: { cookie } });
    expect(people.statusCode).toBe(200);
  });

  it('refuses an expired enrolment in Vietnamese and leaves the account without TOTP', async () => {
    await newOfficer('canbo.het.han');
    const app = await startServer();
    const cookie = await signIn(app, 'canbo.het.han');
    const enrol = await post(app, '/api/v1/auth/totp/enrol', cookie);
    const { secret } = enrol.json() as { secret: string };
    await database.query(
      `update pending_totp_enrolments set expires_at = now() - interval '1 second' where secret = $1`,
      [secret],
    );
    const confirm = await post(app, '/api/v1/auth/totp/confirm', cookie, { code: currentTotp(secret) });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json()).toMatchObject({
      code: 'AUTH.NO_ENROLMENT',
      message: 'Phiên đăng ký xác thực hai lớp đã hết hạn. Vui lòng bắt đầu lại.',
    });
    const [user] = await database.query<{ totp_enabled: boolean }>(
      `select totp_enabled from users where username = 'canbo.het.han'`,
    );
    expect(user!.totp_enabled).toBe(false);
    // The next enrolment purges the expired row and replaces this session's one.
    await post(app, '/api/v1/auth/totp/enrol', cookie);
    const stale = await database.query<{ n: number }>(
      'select count(*)::int as n from pending_totp_enrolments where secret = $1',
      [secret],
    );
    expect(stale[0]!.n).toBe(0);
  });

  it('keeps one pending secret per session, and signing out discards it', async () => {
    await newOfficer('canbo.dang.xuat');
    const app = await startServer();
    const cookie = await signIn(app, 'canbo.dang.xuat');
    const a = (await post(app, '/api/v1/auth/totp/enrol', cookie)).json() as { secret: string };
    const b = (await post(app, '/api/v1/auth/totp/enrol', cookie)).json() as { secret: string };
    expect(a.secret).not.toBe(b.secret);
    const mine = `select count(*)::int as n from pending_totp_enrolments p join users u on u.id = p.user_id
       where u.username = 'canbo.dang.xuat'`;
    expect((await database.query<{ n: number }>(mine))[0]!.n).toBe(1);
    // The replaced secret no longer confirms.
    if (currentTotp(a.secret) !== currentTotp(b.secret)) {
      const old = await post(app, '/api/v1/auth/totp/confirm', cookie, { code: currentTotp(a.secret) });
      expect(old.statusCode).toBe(401);
    }
    const out = await post(app, '/api/v1/auth/logout', cookie);
    expect(out.statusCode).toBeLessThan(300);
    expect((await database.query<{ n: number }>(mine))[0]!.n).toBe(0);
  });
});
