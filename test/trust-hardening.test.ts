import { Writable } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/client.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import { DEMO_PASSWORD, type DemoIds } from '../src/demo/seed-demo.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { applyRetention } from '../src/platform/privacy/privacy.ts';
import { DRIVERS, openTestDatabase } from './support/test-app.ts';
import { passSecondFactor } from './support/second-factor.ts';
import { TEST_DIR } from './support/env.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(DRIVERS)('hardening and personal data on %s', (driver) => {
  let app: App;
  let database: Database;
  let ids: DemoIds;
  let drop: () => Promise<void>;
  const logLines: string[] = [];

  beforeAll(async () => {
    ({ database, ids, drop } = await openTestDatabase(driver));
    const config = { ...loadConfig({}), dataDir: path.join(TEST_DIR, 'unused') };
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildApp(
      { config, database, directory: new DirectoryCache(database.db, 0) },
      { logger: { level: 'trace', stream } },
    );
    app.get('/api/v1/test/crash', { config: { access: { public: true, reason: 'test' } } }, async () => {
      throw new Error('select password_hash from users where cccd = 089075004512');
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    await drop();
  });

  async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = `tdkt_session=${res.cookies.find((c) => c.name === 'tdkt_session')!.value}`;
    await passSecondFactor(app, database, cookie, (res.json() as { secondFactor: string }).secondFactor);
    return cookie;
  }

  it('sends security headers and no CORS grant to another origin', async () => {
    const res = await app.inject({ url: '/api/v1/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/people',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('refuses a cross-site sign-in and a cross-site write before they run', async () => {
    const crossSignIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'tdkt.myquy', password: DEMO_PASSWORD },
    });
    expect(crossSignIn.statusCode).toBe(403);
    expect(crossSignIn.cookies).toHaveLength(0);
    const cookie = await login('tdkt.myquy');
    const write = await app.inject({
      method: 'PUT',
      url: `/api/v1/people/${ids.chairmanPersonId}/ratings`,
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      payload: { year: 2024, rating: 'excellent' },
    });
    expect(write.statusCode).toBe(403);
    expect((write.json() as { code: string }).code).toBe('CSRF');
    const nullOrigin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'null' },
    });
    expect(nullOrigin.statusCode).toBe(403);
  });

  it('answers a body over the limit with 413 and a generic body carrying the correlation id', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    const body = res.json() as { code: string; correlationId: string; message: string };
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.correlationId).toMatch(UUID);
  });

  it('answers malformed JSON with 400 and an unexpected error with 500, neither revealing internals', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "x", "password": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/Unexpected|JSON\.parse|at \w+ \(/);
    const crash = await app.inject({ url: '/api/v1/test/crash' });
    expect(crash.statusCode).toBe(500);
    const body = crash.json() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'correlationId', 'message']);
    expect(body.code).toBe('INTERNAL');
    expect(body.correlationId).toMatch(UUID);
    expect(crash.body).not.toMatch(/password_hash|089075004512|Error|stack/);
  });

  it('keeps the password, the CCCD, the session token and search terms out of the logs', async () => {
    logLines.length = 0;
    const password = DEMO_PASSWORD;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tdkt.myquy', password },
    });
    const token = res.cookies.find((c) => c.name === 'tdkt_session')!.value;
    const cookie = `tdkt_session=${token}`;
    await passSecondFactor(app, database, cookie, (res.json() as { secondFactor: string }).secondFactor);
    const citizenId = '089199123456';
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie },
      payload: {
        fullName: 'Trần Thị Bí Mật',
        gender: 'female',
        birthDate: '1990-02-03',
        citizenId,
        orgUnitId: ids.myQuyUnits['MQ-VP'],
        staffCategory: 'civil_servant',
        startDate: '2020-01-01',
      },
    });
    // Whether the creation succeeds or fails inside the database, nothing personal is logged.
    expect([201, 409, 500]).toContain(created.statusCode);
    await app.inject({ url: `/api/v1/people?q=${citizenId}`, headers: { cookie } });
    const logs = logLines.join('');
    expect(logLines.length).toBeGreaterThan(3);
    expect(logs).not.toContain(password);
    expect(logs).not.toContain(citizenId);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('Bí Mật');
    expect(logs).toContain('/api/v1/people');
  });

  it('lets a person download their own data, and logs who exported what and when', async () => {
    await insertUser(database.db, {
      username: 'canbo.taive',
      displayName: 'Cán bộ tải dữ liệu',
      password: 'mat-khau-tai-ve',
      roles: ['staff'],
      orgUnitId: ids.myQuy,
      personId: ids.chairmanPersonId,
    });
    const cookie = await login('canbo.taive', 'mat-khau-tai-ve');
    const res = await app.inject({ url: '/api/v1/me/data-export', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json() as {
      account: Record<string, unknown>;
      person: { id: string; full_name: string };
      records: Record<string, unknown[]>;
    };
    expect(data.person.id).toBe(ids.chairmanPersonId);
    expect(data.person.full_name).toBe('Liêu Quốc Bình');
    expect(Object.keys(data.records).length).toBeGreaterThan(0);
    expect(data.account).not.toHaveProperty('password_hash');
    expect(data.account).not.toHaveProperty('totp_secret');
    const logged = await database.query<{
      kind: string;
      actor_name: string;
      subject_person_id: string;
      at: unknown;
    }>('select kind, actor_name, subject_person_id, at from export_log');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      kind: 'self_data',
      actor_name: 'Cán bộ tải dữ liệu',
      subject_person_id: ids.chairmanPersonId,
    });
    expect(logged[0]!.at).toBeTruthy();
    const audit = await database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'privacy.export'",
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('applies a retention rule set by an administrator, removing only expired records', async () => {
    const admin = await login('quantri');
    const set = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/retention-rules/session',
      headers: { cookie: admin },
      payload: { keepDays: 30 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const list = await app.inject({ url: '/api/v1/admin/retention-rules', headers: { cookie: admin } });
    expect(
      (list.json() as { recordType: string; keepDays: number | null }[]).find(
        (r) => r.recordType === 'session',
      )?.keepDays,
    ).toBe(30);
    const [user] = await database.query<{ id: string }>(
      "select id from users where username = 'canbo.myquy'",
    );
    await database.query(
      "insert into sessions (token_hash, user_id, last_seen_at) values ('old-session', $1, now() - interval '31 days'), ('recent-session', $1, now() - interval '29 days')",
      [user!.id],
    );
    const run = await applyRetention(database.db);
    expect(run.find((r) => r.recordType === 'session')?.removed).toBe(1);
    const left = await database.query<{ token_hash: string }>(
      "select token_hash from sessions where token_hash in ('old-session', 'recent-session')",
    );
    expect(left.map((r) => r.token_hash)).toEqual(['recent-session']);
    // The admin's own session (just used) survives.
    expect(
      (await app.inject({ url: '/api/v1/admin/retention-rules', headers: { cookie: admin } })).statusCode,
    ).toBe(200);
  });
});
