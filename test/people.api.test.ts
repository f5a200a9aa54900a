import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';

describe.each(DRIVERS)('people and organizations API on %s', (driver) => {
  let t: TestApp;
  let officerMQ: string;
  let officerDX: string;
  beforeAll(async () => {
    t = await openTestApp(driver);
    officerMQ = await t.login('tdkt.myquy');
    officerDX = await t.login('tdkt.dongxuyen');
  });
  afterAll(() => t.close());

  it('finds "Liêu Quốc Bình" when searching without diacritics', async () => {
    const res = await t.app.inject({
      url: '/api/v1/people?q=lieu%20quoc%20binh',
      headers: { cookie: officerMQ },
    });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((p: { fullName: string }) => p.fullName);
    expect(names).toEqual(['Liêu Quốc Bình']);
  });

  it('refuses a search with NUL with a Vietnamese 400, for people and nominations', async () => {
    for (const url of ['/api/v1/people?q=a%00b', '/api/v1/nominations?q=a%00b']) {
      const res = await t.app.inject({ url, headers: { cookie: officerMQ } });
      expect(res.statusCode, url).toBe(400);
      expect(JSON.stringify(res.json())).toMatch(/ký tự điều khiển/);
    }
  });

  it('matches "đ" when the query types "d"', async () => {
    const res = await t.app.inject({
      url: '/api/v1/people?q=dang&limit=200',
      headers: { cookie: officerMQ },
    });
    const names: string[] = res.json().items.map((p: { fullName: string }) => p.fullName);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /đặng|dang|đang/i.test(n.normalize('NFC')) || n.includes('Đặng'))).toBe(true);
  });

  it('lists people in Vietnamese order by given name and pages without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const collator = new Intl.Collator('vi');
    let previous: string | undefined;
    do {
      const url: string = `/api/v1/people?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ url, headers: { cookie: officerMQ } });
      const body = res.json() as { items: { id: string; fullName: string }[]; nextCursor: string | null };
      for (const p of body.items) {
        const given = p.fullName.split(' ').at(-1)!;
        if (previous) expect(collator.compare(previous, given)).toBeLessThanOrEqual(0);
        previous = given;
        seen.push(p.id);
      }
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(72);
  });

  it('masks CCCD in lists', async () => {
    const res = await t.app.inject({ url: '/api/v1/people?q=lieu', headers: { cookie: officerMQ } });
    expect(res.json().items[0].citizenId).toMatch(/^\d{3}\*+\d{3}$/);
  });

  it('a ward B officer can neither read nor change ward A people', async () => {
    const list = await t.app.inject({
      url: '/api/v1/people?q=lieu%20quoc%20binh',
      headers: { cookie: officerDX },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    const detail = await t.app.inject({
      url: `/api/v1/people/${t.ids.chairmanPersonId}`,
      headers: { cookie: officerDX },
    });
    expect(detail.statusCode).toBe(404);
    const before = await t.database.query<{ n: number }>(
      'select count(*)::int as n from ratings where person_id = $1',
      [t.ids.chairmanPersonId],
    );
    const write = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${t.ids.chairmanPersonId}/ratings`,
      headers: { cookie: officerDX },
      payload: { year: 2024, rating: 'not_completed' },
    });
    expect([403, 404]).toContain(write.statusCode);
    const after = await t.database.query<{ n: number }>(
      'select count(*)::int as n from ratings where person_id = $1',
      [t.ids.chairmanPersonId],
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('shows the 2023 structure for 2023 and the merged ward today', async () => {
    const longXuyen = await t.login('tdkt.longxuyen');
    const then = await t.app.inject({
      url: '/api/v1/org-units/tree?asOf=2023-12-26',
      headers: { cookie: longXuyen },
    });
    const names = JSON.stringify(then.json());
    expect(names).toContain('Phường Mỹ Quý');
    expect(names).toContain('Khóm Đông Thạnh');
    const now = await t.app.inject({
      url: '/api/v1/org-units/tree?asOf=2026-01-01',
      headers: { cookie: longXuyen },
    });
    const today = JSON.stringify(now.json());
    expect(today).toContain('Phường Long Xuyên');
    expect(today).not.toContain('Phường Mỹ Quý');
  });

  it("lets the successor's users read a predecessor's people", async () => {
    const longXuyen = await t.login('tdkt.longxuyen');
    const res = await t.app.inject({
      url: `/api/v1/people/${t.ids.chairmanPersonId}`,
      headers: { cookie: longXuyen },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fullName).toBe('Liêu Quốc Bình');
    expect(body.employments.map((e: { orgUnitName: string }) => e.orgUnitName)).toEqual([
      'Văn phòng HĐND - UBND phường Mỹ Quý',
      'Phường Long Xuyên',
    ]);
  });

  it('records an audit row in the same transaction as a write', async () => {
    const before = await t.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'person.rating'",
    );
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${t.ids.advancedWorker2022[3]}/ratings`,
      headers: { cookie: await t.login('tdkt.longxuyen') },
      payload: { year: 2025, rating: 'good' },
    });
    expect(res.statusCode).toBe(200);
    const after = await t.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'person.rating'",
    );
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('renames a khóm keeping its history: the old name for earlier dates, the new one after', async () => {
    const longXuyen = await t.login('tdkt.longxuyen');
    // Units under the merged ward are closed since 2025; rename one of today's instead.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: longXuyen },
      payload: {
        code: 'LXW-K1',
        name: 'Khóm Mỹ Thới',
        kind: 'neighbourhood',
        parentId: t.ids.longXuyen,
        validFrom: '2025-07-01',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const oldId = created.json().id as string;
    const renamed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units/restructure',
      headers: { cookie: longXuyen },
      payload: {
        kind: 'rename',
        effectiveDate: '2026-01-01',
        predecessorIds: [oldId],
        successors: [
          { code: 'LXW-K1B', name: 'Khóm Mỹ Thới 1', kind: 'neighbourhood', parentId: t.ids.longXuyen },
        ],
        legalBasis: 'Nghị quyết HĐND phường (minh họa)',
      },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const detail = await t.app.inject({
      url: `/api/v1/org-units/${renamed.json().successorIds[0]}`,
      headers: { cookie: longXuyen },
    });
    expect(detail.json().predecessors.map((p: { name: string }) => p.name)).toEqual(['Khóm Mỹ Thới']);
    expect(detail.json().history[0]).toMatchObject({ kind: 'rename', effectiveDate: '2026-01-01' });
    const before = await t.app.inject({
      url: '/api/v1/org-units/tree?asOf=2025-12-31',
      headers: { cookie: longXuyen },
    });
    expect(JSON.stringify(before.json())).toContain('"Khóm Mỹ Thới"');
    const after = await t.app.inject({
      url: '/api/v1/org-units/tree?asOf=2026-01-02',
      headers: { cookie: longXuyen },
    });
    expect(JSON.stringify(after.json())).not.toContain('"Khóm Mỹ Thới"');
    expect(JSON.stringify(after.json())).toContain('Khóm Mỹ Thới 1');
    // A ward officer of another ward cannot restructure Long Xuyên's units.
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units/restructure',
      headers: { cookie: officerDX },
      payload: {
        kind: 'rename',
        effectiveDate: '2026-02-01',
        predecessorIds: [renamed.json().successorIds[0]],
        successors: [{ code: 'X', name: 'X', kind: 'neighbourhood', parentId: t.ids.longXuyen }],
      },
    });
    expect([403, 404]).toContain(denied.statusCode);
  });

  it('gives people created at the same moment distinct codes', async () => {
    const cookie = await t.login('tdkt.longxuyen');
    const create = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/people',
        headers: { cookie },
        payload: {
          fullName: `Trần Văn Đồng Thời ${i}`,
          gender: 'male',
          orgUnitId: t.ids.longXuyen,
          staffCategory: 'worker',
          startDate: '2026-01-01',
        },
      });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(create));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().code)).size).toBe(6);
  });

  it('locks an account for 15 minutes after five failed sign-ins', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'hoidong.myquy', password: 'sai-mat-khau' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'hoidong.myquy', password: 'sai-mat-khau' },
    });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'hoidong.myquy', password: 'tdkt-demo-2023' },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toContain('phút');
  });
});
