import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { demoWorld } from './nominations-fixtures.ts';

describe.each(DRIVERS)('emulation year over HTTP on %s', (driver) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let officer: string;
  let otherWard: string;
  let unitHead: string;
  let movementId: string;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await openTestApp(driver);
    w = await demoWorld(t);
    officer = await t.login('tdkt.myquy');
    otherWard = await t.login('tdkt.dongxuyen');
    unitHead = await t.login('truongdonvi.myquy');
  });
  afterAll(() => t.close());

  it('holds the seed’s 2023 movements launched at the year-start conference, with registrations and the covenant', async () => {
    const movements = (
      await call(officer, 'GET', `/api/v1/movements?orgUnitId=${w.myQuy}&year=2023`)
    ).json() as { name: string; fields: string[]; launchedOn: string | null; status: string }[];
    const names = movements.map((m) => m.name);
    for (const fragment of [
      'Thu ngân sách địa phương',
      'Lập lại trật tự đô thị',
      'Xây dựng cơ quan văn hóa, đẩy lùi tệ nạn xã hội',
      'Dân vận khéo',
      'Học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
    ]) {
      expect(names.filter((n) => n.includes(fragment))).toHaveLength(1);
    }
    expect(movements).toHaveLength(8);
    expect(movements.every((m) => m.launchedOn === '2023-01-20' && m.status === 'reviewed')).toBe(true);
    expect(new Set(movements.flatMap((m) => m.fields))).toEqual(
      new Set(['an ninh quốc phòng', 'kinh tế', 'giáo dục', 'văn hóa - xã hội', 'dân vận khéo']),
    );
    const [conference, ...others] = (
      await call(officer, 'GET', `/api/v1/conferences?orgUnitId=${w.myQuy}&year=2023`)
    ).json();
    expect(others).toEqual([]);
    expect(conference).toMatchObject({ heldOn: '2023-01-20', registrationCount: 15, covenantCount: 1 });
    expect(conference.movements).toHaveLength(8);
    expect(conference.lastYearReview).toContain('64 cán bộ, công chức');
    const covenants = (await call(officer, 'GET', `/api/v1/covenants?orgUnitId=${w.myQuy}&year=2023`)).json();
    expect(covenants).toHaveLength(1);
    expect(covenants[0]).toMatchObject({ assessedCount: 4, metCount: 2 });
    expect(covenants[0].parties).toHaveLength(15);
    expect(
      (await call(otherWard, 'GET', `/api/v1/covenants?orgUnitId=${w.myQuy}&year=2023`)).statusCode,
    ).toBe(404);
  });

  it('drafts a movement with fields and a target owned by a unit, then launches and runs it', async () => {
    const res = await call(officer, 'POST', '/api/v1/movements', {
      orgUnitId: w.myQuy,
      year: 2023,
      name: 'Phong trào thi đua "Dân vận khéo" năm 2023',
      kind: 'thematic',
      fields: ['Dân vận khéo', 'Văn hóa - xã hội'],
      startsOn: '2023-01-01',
      endsOn: '2023-12-31',
      goals: 'Xây dựng mô hình dân vận khéo ở các khóm.',
      participantOrgUnitIds: [w.office, w.women],
    });
    expect(res.statusCode).toBe(201);
    movementId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'draft',
      statusLabel: 'Đang soạn',
      fields: ['Dân vận khéo', 'Văn hóa - xã hội'],
    });
    const target = await call(officer, 'POST', `/api/v1/movements/${movementId}/targets`, {
      name: 'Mô hình dân vận khéo được công nhận',
      measure: 'mô hình',
      targetValue: 10,
      ownerOrgUnitId: w.women,
    });
    expect(target.statusCode).toBe(201);
    const targetId = target.json().targets[0].id as string;
    const early = await call(unitHead, 'POST', `/api/v1/targets/${targetId}/progress`, {
      reportedOn: '2023-03-31',
      value: 2,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/đang triển khai/);
    const launched = await call(officer, 'POST', `/api/v1/movements/${movementId}/status`, {
      action: 'launch',
      expectedStatus: 'draft',
      launchedOn: '2023-01-10',
    });
    expect(launched.json()).toMatchObject({ status: 'launched', launchedOn: '2023-01-10' });
    const stale = await call(officer, 'POST', `/api/v1/movements/${movementId}/status`, {
      action: 'launch',
      expectedStatus: 'draft',
    });
    expect(stale.statusCode).toBe(409);
    await call(officer, 'POST', `/api/v1/movements/${movementId}/status`, {
      action: 'start',
      expectedStatus: 'launched',
    });
    // The women's union owns the target and reports its progress itself.
    await call(unitHead, 'POST', `/api/v1/targets/${targetId}/progress`, {
      reportedOn: '2023-06-30',
      value: 4,
    });
    const progressed = await call(unitHead, 'POST', `/api/v1/targets/${targetId}/progress`, {
      reportedOn: '2023-09-30',
      value: 7,
      note: 'Thêm 3 mô hình ở khóm Đông Thịnh',
    });
    expect(progressed.statusCode).toBe(201);
    expect(progressed.json()).toMatchObject({
      latestValue: 7,
      share: 0.7,
      latestReportedOn: '2023-09-30',
    });
    const reviewed = await call(officer, 'POST', `/api/v1/movements/${movementId}/status`, {
      action: 'review',
      expectedStatus: 'in_progress',
      reviewNote: 'Tổng kết năm 2023',
    });
    expect(reviewed.json().status).toBe('reviewed');
    const forbidden = await call(officer, 'POST', `/api/v1/movements/${movementId}/status`, {
      action: 'start',
      expectedStatus: 'reviewed',
    });
    expect(forbidden.statusCode).toBe(409);
    expect(forbidden.json().message).toMatch(/^Không thể bắt đầu triển khai phong trào/);
    expect((await call(otherWard, 'GET', `/api/v1/movements/${movementId}`)).statusCode).toBe(404);
  });

  it('records a year-start conference (2024: the demo holds 2023) with its movements, registrations and covenants', async () => {
    const conf = await call(officer, 'POST', '/api/v1/conferences', {
      orgUnitId: w.myQuy,
      year: 2024,
      heldOn: '2024-01-12',
      lastYearReview: 'Năm 2022 hoàn thành 18/18 chỉ tiêu.',
      movementIds: [movementId],
    });
    expect(conf.statusCode).toBe(201);
    const conferenceId = conf.json().id as string;
    const reg = await call(unitHead, 'POST', '/api/v1/registrations', {
      orgUnitId: w.women,
      year: 2024,
      subjectKind: 'individual',
      personId: w.womenHead,
      awardCode: 'advanced_worker',
      conferenceId,
    });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({
      status: 'submitted',
      awardName: expect.stringMatching(/Lao động tiên tiến/),
    });
    const dup = await call(unitHead, 'POST', '/api/v1/registrations', {
      orgUnitId: w.women,
      year: 2024,
      subjectKind: 'individual',
      personId: w.womenHead,
      awardCode: 'advanced_worker',
    });
    expect(dup.statusCode).toBe(409);
    const notTitle = await call(unitHead, 'POST', '/api/v1/registrations', {
      orgUnitId: w.women,
      year: 2024,
      subjectKind: 'individual',
      personId: w.womenHead,
      awardCode: 'commune_certificate_of_merit',
    });
    expect(notTitle.statusCode).toBe(400);
    const collective = await call(officer, 'POST', '/api/v1/registrations', {
      orgUnitId: w.office,
      year: 2024,
      subjectKind: 'collective',
      subjectOrgUnitId: w.office,
      awardCode: 'advanced_labour_collective',
      conferenceId,
    });
    expect(collective.statusCode).toBe(201);
    const noReason = await call(officer, 'POST', `/api/v1/registrations/${collective.json().id}/review`, {
      decision: 'return',
    });
    expect(noReason.statusCode).toBe(400);
    await call(officer, 'POST', `/api/v1/registrations/${collective.json().id}/review`, {
      decision: 'return',
      reason: 'Thiếu biên bản họp đơn vị.',
    });
    const accepted = await call(officer, 'POST', `/api/v1/registrations/${reg.json().id}/review`, {
      decision: 'accept',
    });
    expect(accepted.json().status).toBe('accepted');
    const unitHeadReview = await call(unitHead, 'POST', `/api/v1/registrations/${reg.json().id}/review`, {
      decision: 'accept',
    });
    expect(unitHeadReview.statusCode).toBe(403);

    const list = (await call(officer, 'GET', `/api/v1/registrations?orgUnitId=${w.myQuy}&year=2024`)).json();
    expect(list.required).toBe(true);
    expect(list.totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ awardCode: 'advanced_worker', accepted: 1, submitted: 0 }),
        expect.objectContaining({ awardCode: 'advanced_labour_collective', accepted: 0, submitted: 0 }),
      ]),
    );

    const covenant = await call(officer, 'POST', '/api/v1/covenants', {
      orgUnitId: w.myQuy,
      year: 2024,
      title: 'Giao ước thi đua năm 2024 giữa các bộ phận',
      signedOn: '2024-01-12',
      partyOrgUnitIds: [w.office, w.women],
      conferenceId,
      articles: [
        { content: 'Hoàn thành 100% chỉ tiêu được giao', indicator: 'Tỷ lệ chỉ tiêu' },
        { content: 'Không có cán bộ vi phạm kỷ luật' },
      ],
    });
    expect(covenant.statusCode).toBe(201);
    const c = covenant.json();
    const assessed = await call(
      officer,
      'PUT',
      `/api/v1/covenants/${c.id}/articles/${c.articles[0].id}/assessment`,
      {
        assessment: 'met',
        assessedOn: '2024-12-20',
        note: 'Đạt 18/18 chỉ tiêu',
      },
    );
    expect(assessed.json()).toMatchObject({ assessedCount: 1, metCount: 1 });
    const confs = (await call(officer, 'GET', `/api/v1/conferences?orgUnitId=${w.myQuy}&year=2024`)).json();
    expect(confs[0]).toMatchObject({
      registrationCount: 2,
      covenantCount: 1,
      movements: [{ id: movementId }],
    });
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action like 'registration.%' or action like 'covenant.%' or action like 'conference.%'`,
    );
    expect(audit[0]?.n).toBe(7);
  });
});
