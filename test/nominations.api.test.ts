import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/demo/index.ts';
import { insertNominations } from '../src/nominations/index.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { demoWorld } from './nominations-fixtures.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

function multipart(bytes: Buffer, filename: string) {
  const boundary = '----tdkt-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(DRIVERS)('nominations over HTTP on %s', (driver) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let officer: string;
  let admin: string;
  let otherWard: string;
  let unitHead: string;

  const call = (
    cookie: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = (cookie: string, body: object) => call(cookie, 'POST', '/api/v1/nominations', body);
  const attach = (cookie: string, id: string, part: string, bytes: Buffer, name = 'to-trinh.pdf') => {
    const m = multipart(bytes, name);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/nominations/${id}/attachments?part=${part}`,
      headers: { cookie, 'content-type': m.contentType },
      payload: m.payload,
    });
  };

  beforeAll(async () => {
    t = await openTestApp(driver);
    w = await demoWorld(t);
    officer = await t.login('tdkt.myquy');
    admin = await t.login('quantri');
    otherWard = await t.login('tdkt.dongxuyen');
    unitHead = await t.login('truongdonvi.myquy');
  });
  afterAll(() => t.close());

  it('drafts a Giấy khen nomination with the rules verdict, its reasons and the missing dossier parts', async () => {
    const res = await create(officer, {
      orgUnitId: w.office,
      year: 2023,
      kind: 'regular',
      subjectKind: 'individual',
      personId: w.staff[0]!.id,
      awardCode: 'commune_certificate_of_merit',
      achievementSummary: '  Hoàn thành xuất sắc  nhiệm vụ cải cách hành chính. ',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'draft',
      statusLabel: 'Đang soạn',
      subjectName: w.staff[0]!.full_name,
      awardName: expect.stringMatching(/Giấy khen/),
    });
    expect(body.achievementSummary).toBe('Hoàn thành xuất sắc nhiệm vụ cải cách hành chính.');
    expect(body.verdict.reasons.length).toBeGreaterThan(0);
    expect(body.dossier.missing.map((m: { part: string }) => m.part)).toEqual([
      'proposal_letter',
      'achievement_report',
      'evaluation_minutes',
    ]);
    expect(body.allowedActions).toContain('submit');
  });

  it('hides another ward’s nominations (404) and refuses to draft for a unit outside the caller’s scope', async () => {
    const list = await call(officer, 'GET', '/api/v1/nominations?year=2023');
    const id = list.json().items[0].id as string;
    expect((await call(otherWard, 'GET', `/api/v1/nominations/${id}`)).statusCode).toBe(404);
    const res = await create(otherWard, {
      orgUnitId: w.office,
      year: 2023,
      kind: 'regular',
      subjectKind: 'individual',
      personId: w.staff[1]!.id,
      awardCode: 'commune_certificate_of_merit',
    });
    expect(res.statusCode).toBe(404);
  });

  it('detects the same person proposed twice for one award and year, and refuses to submit the second', async () => {
    const second = await create(officer, {
      orgUnitId: w.office,
      year: 2023,
      kind: 'regular',
      subjectKind: 'individual',
      personId: w.staff[0]!.id,
      awardCode: 'commune_certificate_of_merit',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().conflicts.map((c: { code: string }) => c.code)).toContain('duplicate_award');
    const submit = await call(officer, 'POST', `/api/v1/nominations/${second.json().id}/submit`, {
      expectedStatus: 'draft',
    });
    expect(submit.statusCode).toBe(409);
    expect(submit.json()).toMatchObject({
      code: 'NOMINATION.DUPLICATE',
      message: expect.stringMatching(/đã được đề nghị/),
    });
  });

  it('flags a unit proposing its own head, without blocking it', async () => {
    const res = await create(unitHead, {
      orgUnitId: w.women,
      year: 2023,
      kind: 'regular',
      subjectKind: 'individual',
      personId: w.womenHead,
      awardCode: 'commune_certificate_of_merit',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().conflicts).toEqual([
      expect.objectContaining({ code: 'proposer_headed_by_subject', blocking: false }),
    ]);
  });

  it('walks draft → submitted → returned (reason required) → submitted → accepted, checking the dossier on acceptance', async () => {
    const n = (
      await create(officer, {
        orgUnitId: w.office,
        year: 2023,
        kind: 'regular',
        subjectKind: 'individual',
        personId: w.staff[2]!.id,
        awardCode: 'commune_certificate_of_merit',
      })
    ).json();
    const pdf = await attach(officer, n.id, 'proposal_letter', PDF, '../../etc/Tờ trình.pdf');
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().mediaType).toBe('application/pdf');
    expect(pdf.json().displayName).not.toContain('/');
    const exe = await attach(officer, n.id, 'achievement_report', EXE, 'bao-cao.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().code).toBe('FILE.TYPE_NOT_ALLOWED');
    const back = await call(officer, 'GET', `/api/v1/nominations/${n.id}/attachments/${pdf.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(PDF)).toBe(true);

    expect(
      (await call(officer, 'POST', `/api/v1/nominations/${n.id}/submit`, { expectedStatus: 'draft' })).json()
        .status,
    ).toBe('submitted');
    const incomplete = await call(officer, 'POST', `/api/v1/nominations/${n.id}/accept`, {
      expectedStatus: 'submitted',
    });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json()).toMatchObject({
      code: 'NOMINATION.DOSSIER_INCOMPLETE',
      message: expect.stringMatching(/Báo cáo thành tích/),
    });
    const noReason = await call(officer, 'POST', `/api/v1/nominations/${n.id}/return`, {
      expectedStatus: 'submitted',
      reason: '   ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('NOMINATION.RETURN_REASON_REQUIRED');
    const returned = await call(officer, 'POST', `/api/v1/nominations/${n.id}/return`, {
      expectedStatus: 'submitted',
      reason: 'Bổ sung báo cáo thành tích và biên bản.',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: 'Bổ sung báo cáo thành tích và biên bản.',
    });
    for (const part of ['achievement_report', 'evaluation_minutes']) {
      expect((await attach(officer, n.id, part, PDF)).statusCode).toBe(201);
    }
    expect(
      (
        await call(officer, 'POST', `/api/v1/nominations/${n.id}/submit`, { expectedStatus: 'returned' })
      ).json().status,
    ).toBe('submitted');
    const accepted = await call(officer, 'POST', `/api/v1/nominations/${n.id}/accept`, {
      expectedStatus: 'submitted',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', dossier: { complete: true } });
    // The detail carries the status history, with the return reason, oldest first.
    const history = accepted.json().history as {
      action: string;
      toStatus: string | null;
      note: string | null;
    }[];
    expect(history.filter((h) => h.toStatus).map((h) => h.toStatus)).toEqual([
      'Đã gửi, chờ duyệt',
      'Bị trả lại',
      'Đã gửi, chờ duyệt',
      'Đã tiếp nhận',
    ]);
    expect(history.find((h) => h.action === 'nomination.return')?.note).toBe(
      'Bổ sung báo cáo thành tích và biên bản.',
    );
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_id = ${n.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'nomination.create',
      'nomination.attach',
      'nomination.submit',
      'nomination.return',
      'nomination.attach',
      'nomination.attach',
      'nomination.submit',
      'nomination.accept',
    ]);
  });

  it('lets only one of two officers accepting the same nomination at once succeed; the other gets 409 in Vietnamese', async () => {
    const n = (
      await create(officer, {
        orgUnitId: w.office,
        year: 2023,
        kind: 'unexpected',
        subjectKind: 'individual',
        personId: w.staff[3]!.id,
        awardCode: 'commune_certificate_of_merit',
      })
    ).json();
    await attach(officer, n.id, 'proposal_letter', PDF);
    await attach(officer, n.id, 'summary_report', PDF);
    await call(officer, 'POST', `/api/v1/nominations/${n.id}/submit`, { expectedStatus: 'draft' });
    const [a, b] = await Promise.all([
      call(officer, 'POST', `/api/v1/nominations/${n.id}/accept`, { expectedStatus: 'submitted' }),
      call(admin, 'POST', `/api/v1/nominations/${n.id}/accept`, { expectedStatus: 'submitted' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().message).toMatch(/người khác xử lý trước/);
    const audits = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${n.id} and action = 'nomination.accept'`,
    );
    expect(audits[0]?.n).toBe(1);
  });

  it('lets only one of two officers deciding the same approved nomination at once succeed: 409 in Vietnamese, one award', async () => {
    // A second TĐKT officer of the ward, so two people act at once on two connections.
    await insertUser(t.database.db, {
      username: 'tdkt2.myquy',
      displayName: 'Cán bộ TĐKT thứ hai',
      password: DEMO_PASSWORD,
      roles: ['officer'],
      orgUnitId: w.myQuy,
      totpSecret: DEMO_TOTP_SECRET,
    });
    const second = await t.login('tdkt2.myquy');
    const [n] = await insertNominations(t.database.db, [
      {
        orgUnitId: w.office,
        bodyOrgUnitId: w.myQuy,
        year: 2024,
        kind: 'unexpected',
        subjectKind: 'individual',
        personId: w.staff[4]!.id,
        subjectName: w.staff[4]!.full_name,
        subjectSortKey: 'x',
        subjectSearch: 'x',
        awardCode: 'commune_certificate_of_merit',
        status: 'approved',
      },
    ]);
    // The 2024 fund has money for one Giấy khen, so the fund does not stop either issuer.
    const fund = `/api/v1/funds/${w.myQuy}/2024`;
    expect((await call(officer, 'PUT', fund, { recurrentSpending: 300_000_000 })).statusCode).toBe(200);
    const allocation = await call(officer, 'POST', `${fund}/entries`, {
      kind: 'allocation',
      amount: 2_500_000,
      entryDate: '2024-01-15',
    });
    expect(allocation.statusCode, allocation.body).toBe(200);
    // Each officer drafts the chairman's decision from the council's approved list.
    const drafts: string[] = [];
    for (const cookie of [officer, second]) {
      const d = await call(cookie, 'POST', '/api/v1/decisions', {
        orgUnitId: w.myQuy,
        year: 2024,
        title: 'Quyết định tặng Giấy khen đột xuất',
        nominationIds: [n!.id],
      });
      expect(d.statusCode, d.body).toBe(200);
      drafts.push(d.json().id as string);
    }
    const issue = (cookie: string, id: string) =>
      call(cookie, 'POST', `/api/v1/decisions/${id}/issue`, {
        decisionDate: '2024-03-01',
        signerName: 'Liêu Quốc Bình',
        signerTitle: 'Chủ tịch UBND phường',
        signedCopy: { fileName: 'qd.pdf', contentBase64: PDF.toString('base64') },
      });
    const [a, b] = await Promise.all([issue(officer, drafts[0]!), issue(second, drafts[1]!)]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} | ${b.body}`).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().message).toMatch(/[À-ỹ]/u);
    expect(loser.json().message).toMatch(/hồ sơ/i);
    const awards = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from award_records where person_id = ${w.staff[4]!.id} and year = 2024`,
    );
    expect(awards[0]!.n).toBe(1);
    const winner = a.statusCode === 200 ? drafts[0] : drafts[1];
    const after = await queryRows<{ status: string; decision_id: string }>(
      t.database.db,
      sql`select status, decision_id from nominations where id = ${n!.id}`,
    );
    expect(after[0]).toEqual({ status: 'decided', decision_id: winner });
  });

  it('pre-fills each unit’s candidate list from 2022 ratings and the rules, once', async () => {
    const first = await call(officer, 'POST', '/api/v1/nominations/prefill', {
      orgUnitId: w.myQuy,
      year: 2022,
    });
    expect(first.statusCode).toBe(200);
    const created = first.json().created as number;
    expect(created).toBeGreaterThan(0);
    const rows = await queryRows<{ award_code: string; origin: string; status: string; eligible: boolean }>(
      t.database.db,
      sql`select award_code, origin, status, (verdict->>'eligible')::boolean as eligible from nominations where year = 2022`,
    );
    expect(rows).toHaveLength(created);
    expect(rows.every((r) => r.origin === 'prefill' && r.status === 'draft' && r.eligible === true)).toBe(
      true,
    );
    expect(new Set(rows.map((r) => r.award_code))).toEqual(
      new Set(['advanced_worker', 'grassroots_emulation_fighter']),
    );
    const again = await call(officer, 'POST', '/api/v1/nominations/prefill', {
      orgUnitId: w.myQuy,
      year: 2022,
    });
    expect(again.json()).toMatchObject({ created: 0, skipped: created });
  });

  it('pre-fills collectives from their own rating and their members’ results, and judges collective nominations the same way', async () => {
    const units = await queryRows<{ id: string; code: string }>(
      t.database.db,
      sql`select id, code from org_units where code in ('MQ-KT', 'MQ-TP')`,
    );
    const economy = units.find((u) => u.code === 'MQ-KT')!.id;
    const justice = units.find((u) => u.code === 'MQ-TP')!.id;
    const rate = (cookie: string, orgUnitId: string, rating: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/collective-ratings',
        headers: { cookie },
        payload: { orgUnitId, year: 2022, rating },
      });
    const body = await rate(officer, w.myQuy, 'good');
    expect(body.statusCode).toBe(400);
    expect(body.json().code).toBe('COLLECTIVE_RATING.BODY');
    expect((await rate(otherWard, w.office, 'good')).statusCode).toBe(404);
    expect((await rate(officer, w.office, 'completed')).statusCode).toBe(200);
    // Corrected: the last rating stands.
    const office = await rate(officer, w.office, 'good');
    expect(office.json()).toMatchObject({ orgUnitId: w.office, rating: 'good', activeEmulation: true });
    expect((await rate(officer, justice, 'completed')).statusCode).toBe(200);

    const res = await call(officer, 'POST', '/api/v1/nominations/prefill', {
      orgUnitId: w.myQuy,
      year: 2022,
    });
    expect(res.statusCode).toBe(200);
    const units2022 = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from org_units where parent_id = ${w.myQuy}`,
    );
    expect(res.json().unratedCollectives).toBe(units2022[0]!.n - 2);
    const collectives = await queryRows<{
      subject_org_unit_id: string;
      award_code: string;
      origin: string;
      verdict: { eligible: boolean; reasons: { code: string; message: string }[] };
    }>(
      t.database.db,
      sql`select subject_org_unit_id, award_code, origin, verdict from nominations
           where year = 2022 and subject_kind = 'collective'`,
    );
    // Rated "hoàn thành nhiệm vụ", the justice section is below the "hoàn thành tốt" the title needs.
    expect(collectives.map((c) => c.subject_org_unit_id)).not.toContain(justice);
    // The office: its members are whoever held a post there in 2022, counted independently here.
    const members = await queryRows<{ n: number; aw: number }>(
      t.database.db,
      sql`select count(distinct e.person_id)::int as n from employments e
           where e.org_unit_id = ${w.office} and e.start_date <= '2022-12-31' and (e.end_date is null or e.end_date >= '2022-01-01')`,
    );
    const office2022 = collectives.find((c) => c.subject_org_unit_id === w.office);
    const n = members[0]!.n;
    expect(office2022, JSON.stringify(collectives)).toBeDefined();
    expect(office2022!.origin).toBe('prefill');
    expect(office2022!.award_code).toBe('advanced_labour_collective');
    expect(office2022!.verdict.eligible).toBe(true);
    expect(office2022!.verdict.reasons[0]!.message).toMatch(new RegExp(`\\(\\d+/${n}\\)`));
    // A collective nomination made by hand carries the same judgement, with its reason.
    const manual = await create(officer, {
      orgUnitId: justice,
      year: 2022,
      kind: 'regular',
      subjectKind: 'collective',
      subjectOrgUnitId: justice,
      awardCode: 'advanced_labour_collective',
    });
    expect(manual.statusCode).toBe(201);
    expect(manual.json().verdict.eligible).toBe(false);
    expect(manual.json().verdict.reasons.map((r: { code: string }) => r.code)).toContain(
      'ADVANCED_COLLECTIVE.RATING_TOO_LOW',
    );
    const economyNomination = await create(officer, {
      orgUnitId: economy,
      year: 2022,
      kind: 'regular',
      subjectKind: 'collective',
      subjectOrgUnitId: economy,
      awardCode: 'advanced_labour_collective',
    });
    expect(economyNomination.json().verdict.reasons.map((r: { code: string }) => r.code)).toContain(
      'ADVANCED_COLLECTIVE.RATING_MISSING',
    );
    // Running it again creates nothing new.
    const again = await call(officer, 'POST', '/api/v1/nominations/prefill', {
      orgUnitId: w.myQuy,
      year: 2022,
    });
    expect(again.json().created).toBe(0);
  });

  it('lists a page of 50 filtered by status with counts per status', async () => {
    const res = await call(
      officer,
      'GET',
      `/api/v1/nominations?year=2022&status=draft&limit=50&bodyOrgUnitId=${w.myQuy}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeLessThanOrEqual(50);
    expect(body.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    const counts = await call(
      officer,
      'GET',
      `/api/v1/nominations/counts?year=2022&bodyOrgUnitId=${w.myQuy}`,
    );
    expect(counts.statusCode).toBe(200);
    const { countsByStatus, total } = counts.json();
    expect(countsByStatus.draft).toBeGreaterThanOrEqual(body.items.length);
    expect(total).toBe(Object.values(countsByStatus as Record<string, number>).reduce((a, b) => a + b, 0));
    if (!body.nextCursor) expect(countsByStatus.draft).toBe(body.items.length);
    if (body.nextCursor) {
      const next = (
        await call(
          officer,
          'GET',
          `/api/v1/nominations?year=2022&status=draft&limit=50&cursor=${body.nextCursor}`,
        )
      ).json();
      const ids = new Set(body.items.map((i: { id: string }) => i.id));
      expect(next.items.some((i: { id: string }) => ids.has(i.id))).toBe(false);
    }
  });

  it('posts the accepted candidates publicly, records a comment within the period and its answer', async () => {
    const posting = await call(officer, 'POST', '/api/v1/postings', {
      orgUnitId: w.myQuy,
      year: 2023,
      title: 'Niêm yết danh sách đề nghị khen thưởng năm 2023',
      startsOn: '2023-12-01',
      endsOn: '2023-12-10',
    });
    expect(posting.statusCode).toBe(201);
    const p = posting.json();
    expect(p.candidates.length).toBeGreaterThan(0);
    const late = await call(officer, 'POST', `/api/v1/postings/${p.id}/comments`, {
      authorName: 'Ông Trần Văn A',
      content: 'Góp ý trễ.',
      receivedOn: '2023-12-20',
    });
    expect(late.statusCode).toBe(400);
    const commented = await call(officer, 'POST', `/api/v1/postings/${p.id}/comments`, {
      nominationId: p.candidates[0].id,
      authorName: 'Bà Lê Thị B',
      content: 'Đề nghị làm rõ thành tích.',
      receivedOn: '2023-12-05',
    });
    expect(commented.statusCode).toBe(201);
    const comment = commented.json().comments[0];
    const answered = await call(officer, 'POST', `/api/v1/postings/${p.id}/comments/${comment.id}/answer`, {
      answer: 'Đã đối chiếu báo cáo thành tích.',
    });
    expect(answered.json().comments[0]).toMatchObject({ answer: 'Đã đối chiếu báo cáo thành tích.' });
    expect((await call(otherWard, 'GET', `/api/v1/postings/${p.id}`)).statusCode).toBe(404);
  });
});
