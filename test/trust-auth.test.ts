import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/client.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoIds } from '../src/demo/seed-demo.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { currentTotp, totpStep } from '../src/platform/auth/two-factor.ts';
import { DRIVERS, openTestDatabase } from './support/test-app.ts';
import { TEST_DIR } from './support/env.ts';

type Res = { statusCode: number; json(): unknown; body: string };

describe.each(DRIVERS)('two-factor sign-in and re-authentication on %s', (driver) => {
  let app: App;
  let database: Database;
  let ids: DemoIds;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, ids, drop } = await openTestDatabase(driver));
    const config = { ...loadConfig({}), dataDir: path.join(TEST_DIR, 'unused') };
    app = await buildApp({ config, database, directory: new DirectoryCache(database.db, 0) });
    // A route standing for "sign a decision": it declares reauth like the real ones will.
    app.post(
      '/api/v1/test/sign',
      { config: { access: { roles: ['officer', 'chairman'], scope: 'none', reauth: true } } },
      async () => ({ ok: true }),
    );
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    await drop();
  });

  async function signIn(
    username: string,
    password = DEMO_PASSWORD,
  ): Promise<{ cookie: string; state: string }> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    expect(res.statusCode).toBe(200);
    const token = res.cookies.find((c) => c.name === 'tdkt_session')!.value;
    return { cookie: `tdkt_session=${token}`, state: (res.json() as { secondFactor: string }).secondFactor };
  }
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const codeOf = (res: Res) => (res.json() as { code: string }).code;

  it('lets an officer reach nothing but the sign-in steps until a TOTP code is given', async () => {
    const { cookie, state } = await signIn('tdkt.myquy');
    expect(state).toBe('required');
    const blocked = await get('/api/v1/people', cookie);
    expect(blocked.statusCode).toBe(401);
    expect(codeOf(blocked)).toBe('AUTH.SECOND_FACTOR_REQUIRED');
    const me = await get('/api/v1/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ secondFactorRequired: true, secondFactorPassed: false });

    const wrong = await post('/api/v1/auth/totp/verify', cookie, {
      code: '000000' === currentTotp(DEMO_TOTP_SECRET) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(codeOf(wrong)).toBe('AUTH.BAD_CODE');
    expect((await get('/api/v1/people', cookie)).statusCode).toBe(401);

    const code = currentTotp(DEMO_TOTP_SECRET);
    const ok = await post('/api/v1/auth/totp/verify', cookie, { code });
    expect(ok.statusCode).toBe(200);
    expect((await get('/api/v1/people', cookie)).statusCode).toBe(200);

    // The same code cannot open a second session (ASVS 6.5.1).
    const again = await signIn('tdkt.myquy');
    const replay = await post('/api/v1/auth/totp/verify', again.cookie, { code });
    expect(replay.statusCode).toBe(409);
    expect(codeOf(replay)).toBe('AUTH.CODE_REUSED');
    expect((await get('/api/v1/people', again.cookie)).statusCode).toBe(401);
  });

  it('lets a staff member without TOTP in with the password alone', async () => {
    await insertUser(database.db, {
      username: 'canbo.khongtotp',
      displayName: 'Cán bộ không bật xác thực hai lớp',
      password: 'mat-khau-can-bo',
      roles: ['staff'],
      orgUnitId: ids.myQuy,
    });
    const { cookie, state } = await signIn('canbo.khongtotp', 'mat-khau-can-bo');
    expect(state).toBe('none');
    const status = await get('/api/v1/auth/two-factor', cookie);
    expect(status.json()).toMatchObject({ enabled: false, required: false, passed: false });
    expect((await get('/api/v1/people', cookie)).statusCode).not.toBe(401);
  });

  it('sends a required role that has not enrolled to enrolment, then signs in with a code or a recovery code', async () => {
    await insertUser(database.db, {
      username: 'chutich.moi',
      displayName: 'Chủ tịch mới',
      password: 'mat-khau-chu-tich-moi',
      roles: ['chairman'],
      orgUnitId: ids.myQuy,
    });
    const first = await signIn('chutich.moi', 'mat-khau-chu-tich-moi');
    expect(first.state).toBe('enrolment_required');
    const blocked = await get('/api/v1/people', first.cookie);
    expect(codeOf(blocked)).toBe('AUTH.ENROLMENT_REQUIRED');

    const enrol = await post('/api/v1/auth/totp/enrol', first.cookie);
    expect(enrol.statusCode).toBe(200);
    const e = enrol.json() as { secret: string; otpauthUri: string; qrDataUrl: string };
    expect(e.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(e.otpauthUri).toContain('chutich.moi');
    expect(e.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrongConfirm = await post('/api/v1/auth/totp/confirm', first.cookie, {
      code:
        currentTotp(DEMO_TOTP_SECRET) === currentTotp(e.secret) ? '123456' : currentTotp(DEMO_TOTP_SECRET),
    });
    expect(wrongConfirm.statusCode).toBe(401);
    const confirm = await post('/api/v1/auth/totp/confirm', first.cookie, { code: currentTotp(e.secret) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await get('/api/v1/people', first.cookie)).statusCode).toBe(200);
    // Codes are stored hashed only.
    const stored = await database.query<{ code_hash: string }>('select code_hash from recovery_codes');
    expect(stored.map((s) => s.code_hash)).not.toContain(recoveryCodes[0]);

    const second = await signIn('chutich.moi', 'mat-khau-chu-tich-moi');
    expect(second.state).toBe('required');
    const recovered = await post('/api/v1/auth/recovery', second.cookie, { code: recoveryCodes[0]! });
    expect(recovered.statusCode).toBe(200);
    expect(recovered.json()).toEqual({ recoveryCodesLeft: 9 });
    expect((await get('/api/v1/people', second.cookie)).statusCode).toBe(200);

    const third = await signIn('chutich.moi', 'mat-khau-chu-tich-moi');
    const reused = await post('/api/v1/auth/recovery', third.cookie, { code: recoveryCodes[0]! });
    expect(reused.statusCode).toBe(401);
    expect((await get('/api/v1/people', third.cookie)).statusCode).toBe(401);
  });

  it('locks the account after five wrong codes, and refuses the right code while locked', async () => {
    await insertUser(database.db, {
      username: 'quantri.khoa',
      displayName: 'Quản trị thử khóa',
      password: 'mat-khau-quan-tri',
      roles: ['admin'],
      orgUnitId: ids.province,
      totpSecret: DEMO_TOTP_SECRET,
    });
    const { cookie } = await signIn('quantri.khoa', 'mat-khau-quan-tri');
    const wrong = currentTotp(DEMO_TOTP_SECRET) === '999999' ? '888888' : '999999';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post('/api/v1/auth/totp/verify', cookie, { code: wrong })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await post('/api/v1/auth/totp/verify', cookie, { code: currentTotp(DEMO_TOTP_SECRET) });
    expect(right.statusCode).toBe(423);
    const audit = await database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'auth.locked'",
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('asks for the password again on a reauth route once the last proof is older than the limit', async () => {
    const { cookie } = await signIn('chutich.myquy');
    const verify = await post('/api/v1/auth/totp/verify', cookie, { code: currentTotp(DEMO_TOTP_SECRET) });
    expect(verify.statusCode).toBe(200);
    expect((await post('/api/v1/test/sign', cookie)).statusCode).toBe(200);

    await database.query(
      "update sessions set reauthenticated_at = now() - interval '10 minutes' where user_id = (select id from users where username = 'chutich.myquy')",
    );
    const stale = await post('/api/v1/test/sign', cookie);
    expect(stale.statusCode).toBe(401);
    expect(codeOf(stale)).toBe('AUTH.REAUTH_REQUIRED');

    const bad = await post('/api/v1/auth/reauth', cookie, { password: 'sai-mat-khau' });
    expect(bad.statusCode).toBe(401);
    expect((await post('/api/v1/test/sign', cookie)).statusCode).toBe(401);
    const good = await post('/api/v1/auth/reauth', cookie, { password: DEMO_PASSWORD });
    expect(good.statusCode).toBe(200);
    expect((await post('/api/v1/test/sign', cookie)).statusCode).toBe(200);
  });

  it('accepts a code within one step of clock drift and rejects it two steps away', () => {
    const now = Date.now();
    expect(totpStep(DEMO_TOTP_SECRET, currentTotp(DEMO_TOTP_SECRET, now - 30_000), now)).toBeDefined();
    expect(totpStep(DEMO_TOTP_SECRET, currentTotp(DEMO_TOTP_SECRET, now + 30_000), now)).toBeDefined();
    const far = currentTotp(DEMO_TOTP_SECRET, now + 90_000);
    const near = [-30_000, 0, 30_000].map((d) => currentTotp(DEMO_TOTP_SECRET, now + d));
    if (!near.includes(far)) expect(totpStep(DEMO_TOTP_SECRET, far, now)).toBeUndefined();
  });
});
