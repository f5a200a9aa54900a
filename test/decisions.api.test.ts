import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { insertNominations } from '../src/nominations/index.ts';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.ts';
import { CITATIONS } from '../src/rules/index.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';

type Json = Record<string, unknown>;

export const SIGNED_PDF = Buffer.from(
  '%PDF-1.4\n% bản ký có dấu (thử nghiệm)\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
  'utf8',
).toString('base64');

/**
 * Decisions: issuing creates award records and money exactly once, numbers come from the register,
 * a decision that would overdraw the fund is stopped until the chairman overrides it, revocation
 * keeps the history, payments clear the unpaid list, and two officers issuing one decision at once
 * get one success and one HTTP 409.
 */
describe.each(DRIVERS)('decisions and the reward fund on %s', (driver) => {
  let t: TestApp;
  let officer: string;
  let chairman: string;
  let firstId = '';

  beforeAll(async () => {
    t = await openTestApp(driver);
    officer = await t.login('tdkt.myquy');
    chairman = await t.login('chutich.myquy');
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: Json) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() as Json };
  };
  const issue = (id: string, cookie: string, extra: Json = {}) =>
    call('POST', `/api/v1/decisions/${id}/issue`, cookie, {
      decisionDate: '2022-12-25',
      signerName: 'Liêu Quốc Bình',
      signerTitle: 'Chủ tịch UBND phường',
      signedCopy: { fileName: 'qd-ky.pdf', contentBase64: SIGNED_PDF },
      ...extra,
    });
  const people = () => t.ids.advancedWorker2022;
  const draft = async (personIds: string[], collectives: string[] = []) => {
    const res = await call('POST', '/api/v1/decisions', officer, {
      orgUnitId: t.ids.myQuy,
      year: 2022,
      title: 'Quyết định tặng Giấy khen năm 2022',
      awardCode: 'commune_certificate_of_merit',
      subjects: [
        ...personIds.map((personId, i) => ({
          subjectKind: 'individual',
          personId,
          subjectName: `Cán bộ ${i + 1}`,
          awardCode: 'commune_certificate_of_merit',
        })),
        ...collectives.map((id, i) => ({
          subjectKind: 'collective',
          subjectOrgUnitId: id,
          subjectName: `Tập thể ${i + 1}`,
          awardCode: 'commune_certificate_of_merit',
        })),
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };

  it('opens the 2022 fund with a budget allocation under the cap of 1 % of recurrent spending', async () => {
    expect(
      (await call('PUT', `/api/v1/funds/${t.ids.myQuy}/2022`, officer, { recurrentSpending: 300_000_000 }))
        .status,
    ).toBe(200);
    const over = await call('POST', `/api/v1/funds/${t.ids.myQuy}/2022/entries`, officer, {
      kind: 'allocation',
      amount: 3_500_000,
      entryDate: '2022-01-15',
    });
    expect(over.status).toBe(409);
    expect(over.body.message).toMatch(/vượt mức tối đa 3\.000\.000 đồng/);
    const ok = await call('POST', `/api/v1/funds/${t.ids.myQuy}/2022/entries`, officer, {
      kind: 'allocation',
      amount: 2_500_000,
      entryDate: '2022-01-15',
    });
    expect(ok.status).toBe(200);
    expect((ok.body.position as Json).rewardBudget).toBe(2_000_000);
  });

  it('issues a Giấy khen decision once: number from the register, money on the decision date, one award record per line, the fund posted', async () => {
    firstId = await draft(people().slice(0, 3), [t.ids.myQuyUnits['MQ-PN']!]);
    const res = await issue(firstId, officer);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // NĐ 91/2017 Điều 73, base salary 1.490.000 đồng: 223.500 → 220.000 đồng; collective 447.000 → 450.000 đồng.
    expect(res.body).toMatchObject({
      numberText: '01/QĐ-UBND',
      awardRecords: 4,
      totalAmount: 3 * 220_000 + 450_000,
    });
    const again = await issue(firstId, officer);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/vừa được người khác ban hành/);
    const records = await queryRows<{ n: number; total: number }>(
      t.database.db,
      sql`select count(*)::int as n, sum(amount)::int as total from award_records where decision_id = ${firstId}`,
    );
    expect(records[0]).toEqual({ n: 4, total: 1_110_000 });
    const expenses = await queryRows<{ amount: string }>(
      t.database.db,
      sql`select amount::text from fund_entries where decision_id = ${firstId} and kind = 'reward_expense'`,
    );
    expect(expenses.map((e) => Number(e.amount))).toEqual([1_110_000]);
    const detail = await call('GET', `/api/v1/decisions/${firstId}`, officer);
    expect(detail.body).toMatchObject({
      status: 'issued',
      numberText: '01/QĐ-UBND',
      decisionDate: '2022-12-25',
      signerName: 'Liêu Quốc Bình',
    });
    const history = await call('GET', `/api/v1/award-history?personId=${people()[0]}`, officer);
    expect((history.body as unknown as Json[]).map((h) => h.decisionNumber)).toContain('01/QĐ-UBND');
  });

  it('NĐ 91 Điều 68 khoản 2: the annex marks an amount that the open rounding mode decided, and only that one', async () => {
    const res = await call('GET', `/api/v1/decisions/${firstId}`, officer);
    expect(res.status).toBe(200);
    const items = res.body.items as { subjectKind: string; amount: number; unverifiedCitations: string[] }[];
    // 223.500 đồng: 220.000 to the nearest, 230.000 rounded up — the mode (unverified) decides.
    for (const i of items.filter((x) => x.subjectKind === 'individual')) {
      expect(i.amount).toBe(220_000);
      expect(i.unverifiedCitations).toEqual([CITATIONS.nd91Art68K2.text]);
    }
    // 447.000 đồng: 450.000 either way, on the verified ×2 of NĐ 91 Điều 73 khoản 2 điểm b.
    const collective = items.find((x) => x.subjectKind === 'collective')!;
    expect(collective.amount).toBe(450_000);
    expect(collective.unverifiedCitations).toEqual([]);
  });

  it('stops a decision that would overdraw the fund until the chairman overrides it with a reason', async () => {
    const id = await draft(people().slice(3, 8));
    const stopped = await issue(id, officer);
    expect(stopped.status).toBe(409);
    expect(stopped.body.code).toBe('FUND.OVERDRAW');
    expect(stopped.body.message).toMatch(/chỉ còn 890\.000 đồng.*Chủ tịch/);
    const notChairman = await issue(id, officer, { fundOverrideReason: 'Cần khen kịp thời' });
    expect(notChairman.status).toBe(403);
    const status = await call('GET', `/api/v1/decisions/${id}`, officer);
    expect(status.body.status).toBe('draft');
    const overridden = await issue(id, chairman, {
      fundOverrideReason: 'Ngân sách bổ sung quý I/2024 sẽ bù phần thiếu',
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(200);
    expect(overridden.body.numberText).toBe('02/QĐ-UBND');
    const fund = await call('GET', `/api/v1/funds/${t.ids.myQuy}/2022`, officer);
    const position = fund.body.position as Json;
    expect(position.committed).toBe(1_110_000 + 1_100_000);
    expect(position.uncommitted).toBe(2_000_000 - 2_210_000);
    const entry = (fund.body.entries as Json[]).find((e) => e.decisionId === id);
    expect(entry?.overrideReason).toBe('Ngân sách bổ sung quý I/2024 sẽ bù phần thiếu');
    expect((fund.body.unpaid as Json[]).length).toBe(9);
  });

  it('pays rewards while the fund has cash and lists the rest as unpaid', async () => {
    const fund = await call('GET', `/api/v1/funds/${t.ids.myQuy}/2022`, officer);
    const unpaid = fund.body.unpaid as { awardRecordId: string; amount: number }[];
    const firstFour = unpaid
      .filter((u) => u.amount > 0)
      .slice(0, 4)
      .map((u) => u.awardRecordId);
    const paid = await call('POST', `/api/v1/funds/${t.ids.myQuy}/2022/payments`, officer, {
      awardRecordIds: firstFour,
      paidOn: '2022-12-28',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const rest = (paid.body.unpaid as { awardRecordId: string }[]).map((u) => u.awardRecordId);
    expect(rest.length).toBe(5);
    const tooMuch = await call('POST', `/api/v1/funds/${t.ids.myQuy}/2022/payments`, officer, {
      awardRecordIds: rest,
      paidOn: '2022-12-29',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.message).toMatch(/không đủ chi/);
    const twice = await call('POST', `/api/v1/funds/${t.ids.myQuy}/2022/payments`, officer, {
      awardRecordIds: firstFour.slice(0, 1),
      paidOn: '2022-12-29',
    });
    expect(twice.status).toBe(409);
  });

  it('refuses an office number the register already gave, and revokes an award keeping the history', async () => {
    const id = await draft(people().slice(8, 9));
    const taken = await issue(id, chairman, { officeNumber: 1, fundOverrideReason: 'Khen kịp thời' });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/01\/QĐ-UBND năm 2022 đã được cấp/);
    const office = await issue(id, chairman, { officeNumber: 15, fundOverrideReason: 'Khen kịp thời' });
    expect(office.status).toBe(200);
    expect(office.body.numberText).toBe('15/QĐ-UBND');

    const records = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from award_records where decision_id = ${firstId} order by amount desc`,
    );
    const revokeId = await call('POST', `/api/v1/decisions/${firstId}/revocations`, officer, {
      title: 'Quyết định thu hồi Giấy khen',
      reason: 'Kê khai thành tích không trung thực',
      awardRecordIds: [records[0]!.id],
    });
    expect(revokeId.status).toBe(200);
    const revoked = await issue(revokeId.body.id as string, officer, { decisionDate: '2024-02-01' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.numberText).toBe('01/QĐ-UBND');
    const record = await queryRows<{ revoked_at: string | null; revocation_reason: string | null }>(
      t.database.db,
      sql`select revoked_at::text, revocation_reason from award_records where id = ${records[0]!.id}`,
    );
    expect(record[0]).toEqual({
      revoked_at: '2024-02-01',
      revocation_reason: 'Kê khai thành tích không trung thực',
    });
    const detail = await call('GET', `/api/v1/decisions/${firstId}`, officer);
    expect(detail.body.status).toBe('issued');
    expect((detail.body.laterDecisions as Json[]).map((d) => d.kind)).toEqual(['revocation']);
  });

  it('marks the approved nominations decided when their decision is issued', async () => {
    const [n] = await insertNominations(t.database.db, [
      {
        orgUnitId: t.ids.myQuyUnits['MQ-VP']!,
        bodyOrgUnitId: t.ids.myQuy,
        year: 2022,
        kind: 'regular',
        subjectKind: 'individual',
        personId: people()[10]!,
        subjectName: 'Cán bộ được duyệt',
        subjectSortKey: 'can bo duoc duyet',
        subjectSearch: 'can bo duoc duyet',
        awardCode: 'commune_certificate_of_merit',
        status: 'approved',
      },
    ]);
    const created = await call('POST', '/api/v1/decisions', officer, {
      orgUnitId: t.ids.myQuy,
      year: 2022,
      title: 'Quyết định tặng Giấy khen',
      nominationIds: [n!.id],
    });
    expect(created.status).toBe(200);
    const res = await issue(created.body.id as string, chairman, { fundOverrideReason: 'Khen kịp thời' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = await queryRows<{ status: string; decision_id: string }>(
      t.database.db,
      sql`select status, decision_id from nominations where id = ${n!.id}`,
    );
    expect(rows[0]).toEqual({ status: 'decided', decision_id: created.body.id });
  });

  it('lets only one of two officers issuing the same decision at once succeed; the other gets 409 in Vietnamese', async () => {
    const id = await draft(people().slice(20, 22));
    const [a, b] = await Promise.all([
      issue(id, chairman, { fundOverrideReason: 'Khen kịp thời' }),
      issue(id, chairman, { fundOverrideReason: 'Khen kịp thời' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(/vừa được người khác ban hành trước bạn/);
    const records = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from award_records where decision_id = ${id}`,
    );
    expect(records[0]!.n).toBe(2);
    const expenses = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from fund_entries where decision_id = ${id} and kind = 'reward_expense'`,
    );
    expect(expenses[0]!.n).toBe(1);
  });
  it('pays by the regime stored on the decision, not only by its date', async () => {
    const id = await draft(people().slice(22, 24));
    // An operator's override of the regime, stored on the draft: NĐ 152/2025 instead of NĐ 91/2017.
    await t.database.query(`update decisions set regime_code = 'law2022_nd152' where id = $1`, [id]);
    const res = await issue(id, chairman, { fundOverrideReason: 'Khen kịp thời' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // NĐ 152/2025 on the base salary of 25/12/2022 (1.490.000 đồng): 0,3 × → 450.000 đồng each,
    // where NĐ 91/2017 for the same date would give 220.000 đồng.
    expect(res.body.totalAmount).toBe(2 * 450_000);
    const lines = await queryRows<{ amount: number }>(
      t.database.db,
      sql`select amount::int as amount from award_records where decision_id = ${id}`,
    );
    expect(lines.map((l) => l.amount)).toEqual([450_000, 450_000]);
  });

  it('refuses to record a signed decision without a fresh re-authentication, and accepts it after one', async () => {
    const id = await draft(people().slice(24, 25));
    await t.database.query(
      `update sessions set reauthenticated_at = now() - interval '1 hour'
        where user_id = (select id from users where username = 'chutich.myquy')`,
    );
    const stale = await issue(id, chairman, { fundOverrideReason: 'Khen kịp thời' });
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('AUTH.REAUTH_REQUIRED');
    expect(stale.body.message).toMatch(/xác nhận lại mật khẩu/);
    expect((await call('GET', `/api/v1/decisions/${id}`, chairman)).body.status).toBe('draft');
    const wrong = await call('POST', '/api/v1/auth/reauth', chairman, { password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect((await issue(id, chairman, { fundOverrideReason: 'Khen kịp thời' })).status).toBe(401);
    const good = await call('POST', '/api/v1/auth/reauth', chairman, { password: DEMO_PASSWORD });
    expect(good.status).toBe(200);
    const issued = await issue(id, chairman, { fundOverrideReason: 'Khen kịp thời' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  });
});
