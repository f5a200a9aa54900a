import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { summarizeInspections } from '../src/inspections/index.ts';

type Detail = {
  id: string;
  units: {
    orgUnitId: string;
    checklist: { code: string; result: string | null; note: string | null; label: string }[];
  }[];
  tasks: { id: string; status: string }[];
};

describe.each(DRIVERS)('inspections API on %s', (driver) => {
  let t: TestApp;
  let officerMQ: string;
  let officerDX: string;
  let chairmanMQ: string;
  let plan: Detail;
  beforeAll(async () => {
    t = await openTestApp(driver);
    officerMQ = await t.login('tdkt.myquy');
    officerDX = await t.login('tdkt.dongxuyen');
    chairmanMQ = await t.login('chutich.myquy');
  });
  afterAll(() => t.close());

  const audits = async () =>
    (
      await t.database.query<{ n: number }>(
        "select count(*)::int as n from audit_log where action like 'inspection.%'",
      )
    )[0]!.n;

  it('an officer plans an inspection of two units, each with the standard checklist, and the audit log records it', async () => {
    const before = await audits();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inspections',
      headers: { cookie: officerMQ },
      payload: {
        orgUnitId: t.ids.myQuy,
        year: 2023,
        title: 'Kiểm tra công tác thi đua, khen thưởng năm 2023',
        subject: 'Việc đăng ký, ký giao ước, báo cáo và sử dụng quỹ',
        inspectors: 'Hội đồng TĐKT phường',
        startsOn: '2023-09-01',
        endsOn: '2023-09-30',
        units: [
          { orgUnitId: t.ids.myQuyUnits['MQ-VP']!, scheduledOn: '2023-09-05' },
          { orgUnitId: t.ids.myQuyUnits['MQ-PN']!, scheduledOn: '2023-09-12' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json();
    expect(plan.units).toHaveLength(2);
    expect(plan.units[0]!.checklist.map((i) => i.code)).toEqual([
      'registration',
      'covenant',
      'reports',
      'fund',
    ]);
    expect(await audits()).toBe(before + 1);
  });

  it('records a failed check with a note and a follow-up task, and the summary counts them', async () => {
    const unit = plan.units.find((u) => u.orgUnitId === t.ids.myQuyUnits['MQ-PN'])!;
    const checklist = unit.checklist.map((i) =>
      i.code === 'covenant' ? { ...i, result: 'fail', note: 'Chưa ký giao ước' } : { ...i, result: 'pass' },
    );
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/inspections/${plan.id}/units/${unit.orgUnitId}`,
      headers: { cookie: officerMQ },
      payload: { checklist, findings: 'Đơn vị chưa ký giao ước thi đua.' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const task = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inspections/${plan.id}/tasks`,
      headers: { cookie: officerMQ },
      payload: {
        orgUnitId: unit.orgUnitId,
        title: 'Ký giao ước thi đua',
        ownerName: 'Chủ tịch Hội LHPN',
        dueOn: '2023-10-15',
      },
    });
    expect(task.statusCode, task.body).toBe(201);
    const summary = await summarizeInspections(t.database.db, t.ids.myQuy, 2023, '2023-11-01');
    expect(summary.unitsInspected).toBe(2);
    expect(summary.checks).toEqual({ pass: 3, fail: 1, open: 4 });
    expect(summary.tasks).toEqual({ total: 1, done: 0, open: 1, overdue: 1 });
    expect(summary.unitsWithFailures).toEqual(['Hội LHPN phường Mỹ Quý']);
  });

  it('the chairman reads the plan but may not change it', async () => {
    const read = await t.app.inject({
      url: `/api/v1/inspections/${plan.id}`,
      headers: { cookie: chairmanMQ },
    });
    expect(read.statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inspections/${plan.id}/tasks`,
      headers: { cookie: chairmanMQ },
      payload: { orgUnitId: t.ids.myQuyUnits['MQ-VP'], title: 'x', ownerName: 'y', dueOn: '2023-10-15' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('a ward B officer can neither read nor change ward A inspection', async () => {
    const read = await t.app.inject({
      url: `/api/v1/inspections/${plan.id}`,
      headers: { cookie: officerDX },
    });
    expect(read.statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/v1/inspections?year=2023', headers: { cookie: officerDX } });
    expect(list.json().items).toEqual([]);
    const detail = (
      await t.app.inject({ url: `/api/v1/inspections/${plan.id}`, headers: { cookie: officerMQ } })
    ).json() as Detail;
    const before = await audits();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/inspection-tasks/${detail.tasks[0]!.id}`,
      headers: { cookie: officerDX },
      payload: { status: 'done' },
    });
    expect(patch.statusCode).toBe(404);
    expect(await audits()).toBe(before);
  });

  it('marks a task done, after which the summary no longer counts it overdue', async () => {
    const detail = (
      await t.app.inject({ url: `/api/v1/inspections/${plan.id}`, headers: { cookie: officerMQ } })
    ).json() as Detail;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/inspection-tasks/${detail.tasks[0]!.id}`,
      headers: { cookie: officerMQ },
      payload: { status: 'done' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const summary = await t.app.inject({
      url: `/api/v1/inspections/summary?orgUnitId=${t.ids.myQuy}&year=2023`,
      headers: { cookie: officerMQ },
    });
    expect(summary.json().tasks).toEqual({ total: 1, done: 1, open: 0, overdue: 0 });
  });
});
