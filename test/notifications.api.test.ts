import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { sweepReminders } from '../src/notifications/index.ts';

describe.each(DRIVERS)('notifications API on %s', (driver) => {
  let t: TestApp;
  let officerMQ: string;
  let officerDX: string;
  let officerUserId: string;
  beforeAll(async () => {
    t = await openTestApp(driver);
    officerMQ = await t.login('tdkt.myquy');
    officerDX = await t.login('tdkt.dongxuyen');
    officerUserId = (
      await t.database.query<{ id: string }>("select id from users where username = 'tdkt.myquy'")
    )[0]!.id;
    const plan = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inspections',
      headers: { cookie: officerMQ },
      payload: {
        orgUnitId: t.ids.myQuy,
        year: 2023,
        title: 'Kiểm tra công tác thi đua năm 2023',
        subject: 'Đăng ký thi đua, giao ước',
        inspectors: 'Hội đồng TĐKT phường',
        startsOn: '2023-09-01',
        endsOn: '2023-09-30',
        units: [{ orgUnitId: t.ids.myQuyUnits['MQ-PN']!, scheduledOn: '2023-09-12' }],
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const task = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inspections/${plan.json().id}/tasks`,
      headers: { cookie: officerMQ },
      payload: {
        orgUnitId: t.ids.myQuyUnits['MQ-PN'],
        title: 'Ký giao ước thi đua',
        ownerName: 'Nguyễn Thị Thu Hà',
        ownerUserId: officerUserId,
        dueOn: '2023-12-03',
      },
    });
    expect(task.statusCode, task.body).toBe(201);
  });
  afterAll(() => t.close());

  it('a sweep adds the follow-up reminder once, however often it runs', async () => {
    const now = new Date('2023-12-01T01:00:00Z');
    const first = await sweepReminders(t.database.db, now);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sweepReminders(t.database.db, now)).toBe(0);
    const rows = await t.database.query<{ kind: string; due_on: string }>(
      "select kind, due_on::text from notifications where user_id = $1 and kind like 'inspection_task%'",
      [officerUserId],
    );
    expect(rows).toEqual([{ kind: 'inspection_task_due_soon', due_on: '2023-12-03' }]);
  });

  it('announces each unit with open 2023 dossiers in December, one notice per unit', async () => {
    const expected = await t.database.query<{ n: number }>(
      "select count(distinct org_unit_id)::int as n from nominations where status in ('draft','returned') and year = 2023",
    );
    const got = await t.database.query<{ n: number }>(
      "select count(*)::int as n from notifications where kind = 'nomination_pending'",
    );
    expect(got[0]!.n).toBe(expected[0]!.n);
  });

  it('lists the reminder for its owner, gives a digest, and marks it read', async () => {
    const list = await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: officerMQ } });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { kind: string }) => i.kind === 'inspection_task_due_soon');
    expect(item.title).toBe('Sắp đến hạn khắc phục: Ký giao ước thi đua');
    const digest = await t.app.inject({
      url: '/api/v1/notifications/digest',
      headers: { cookie: officerMQ },
    });
    expect(digest.json().text).toContain('Bản tin nhắc việc ngày');
    expect(digest.json().text).toContain('[03/12/2023] Việc khắc phục sau kiểm tra "Ký giao ước thi đua"');
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${item.id}/read`,
      headers: { cookie: officerMQ },
    });
    expect(read.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: officerMQ } });
    expect(after.json().items.find((i: { id: string }) => i.id === item.id).readAt).not.toBeNull();
  });

  it('serves the reminders as an iCalendar feed with CRLF lines', async () => {
    const res = await t.app.inject({
      url: '/api/v1/notifications/calendar.ics',
      headers: { cookie: officerMQ },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const unfolded = res.body.replace(/\r\n /g, '');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20231203\r\n');
    expect(unfolded).toContain('SUMMARY:Sắp đến hạn khắc phục: Ký giao ước thi đua\r\n');
  });

  it('a ward B officer neither sees nor marks ward A reminders', async () => {
    const mine = await t.database.query<{ id: string }>(
      "select id from notifications where kind = 'inspection_task_due_soon' and user_id = $1",
      [officerUserId],
    );
    const list = await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: officerDX } });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(mine[0]!.id);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${mine[0]!.id}/read`,
      headers: { cookie: officerDX },
    });
    expect(read.statusCode).toBe(404);
  });
});
