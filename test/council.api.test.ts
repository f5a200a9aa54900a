import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { insertNominations } from '../src/nominations/index.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';

type Json = Record<string, unknown>;

/**
 * The council's secret ballot through the API: attendance and quorum, recusal, one ballot per
 * present member, thresholds from the province parameters, and — after the session — nothing in
 * any table or in the audit log that links a voter to a choice.
 */
describe.each(DRIVERS)('council secret ballot on %s', (driver) => {
  let t: TestApp;
  let officer: string;
  const voters: { username: string; userId: string; cookie: string }[] = [];
  let nominationIds: string[] = [];

  beforeAll(async () => {
    t = await openTestApp(driver);
    officer = await t.login('tdkt.myquy');
    for (let i = 1; i <= 7; i++) {
      const username = `hdtest${i}.myquy`;
      const userId = await insertUser(t.database.db, {
        username,
        displayName: `Thành viên ${i}`,
        password: 'mat-khau-thu-nghiem-1',
        roles: ['council_member'],
        orgUnitId: t.ids.myQuy,
      });
      voters.push({ username, userId, cookie: await t.login(username, 'mat-khau-thu-nghiem-1') });
    }
    const people = t.ids.advancedWorker2022.slice(0, 4);
    const rows = await insertNominations(
      t.database.db,
      people.map((personId, i) => ({
        orgUnitId: t.ids.myQuyUnits['MQ-VP']!,
        bodyOrgUnitId: t.ids.myQuy,
        year: i === 3 ? 2024 : 2023,
        kind: 'regular',
        subjectKind: 'individual',
        personId,
        subjectName: `Cán bộ ${i + 1}`,
        subjectSortKey: `can bo ${i + 1}`,
        subjectSearch: `can bo ${i + 1}`,
        awardCode: i === 3 ? 'grassroots_emulation_fighter' : 'commune_certificate_of_merit',
        status: 'accepted',
      })),
    );
    nominationIds = rows.map((r) => r.id);
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: Json) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() as Json };
  };

  async function setUpSession(
    year: number,
    heldOn: string,
    present: number,
  ): Promise<{ sessionId: string; memberIds: string[] }> {
    const saved = await call('PUT', `/api/v1/councils/${t.ids.myQuy}/${year}`, officer, {
      name: `Hội đồng Thi đua - Khen thưởng phường Mỹ Quý năm ${year}`,
      members: voters.map((v, i) => ({
        fullName: `Thành viên ${i + 1}`,
        role: i === 0 ? 'chairman' : 'member',
        userId: v.userId,
      })),
    });
    expect(saved.status).toBe(200);
    const memberIds = (saved.body.members as { id: string; userId: string }[]).map((m) => m.id);
    const session = await call('POST', `/api/v1/councils/${t.ids.myQuy}/${year}/sessions`, officer, {
      title: `Phiên họp xét khen thưởng năm ${year}`,
      heldOn,
    });
    expect(session.status).toBe(200);
    const sessionId = session.body.id as string;
    // Members are listed in the order of `voters` (chairman first, then by creation).
    const byUser = new Map(
      (saved.body.members as { id: string; userId: string }[]).map((m) => [m.userId, m.id]),
    );
    const ordered = voters.map((v) => byUser.get(v.userId)!);
    const attendance = await call('PUT', `/api/v1/council-sessions/${sessionId}/attendance`, officer, {
      presentMemberIds: ordered.slice(0, present),
    });
    expect(attendance.status).toBe(200);
    return { sessionId, memberIds: ordered ?? memberIds };
  }

  it('refuses to open voting without a quorum', async () => {
    const { sessionId } = await setUpSession(2020, '2020-12-20', 3);
    const view = await call('GET', `/api/v1/council-sessions/${sessionId}`, officer);
    expect(view.body.status).toBe('planned');
  });

  it('lets each present member vote once, keeps recused and absent members out, and tallies by majority', async () => {
    const { sessionId, memberIds } = await setUpSession(2021, '2021-12-20', 6);
    const added = await call('POST', `/api/v1/council-sessions/${sessionId}/agenda`, officer, {
      nominationIds: nominationIds.slice(0, 3),
    });
    expect(added.status).toBe(200);
    const items = added.body.items as { id: string; nominationId: string }[];
    const item = items[0]!;
    expect((await call('POST', `/api/v1/council-items/${item.id}/open`, officer, {})).status).toBe(200);

    const recusal = await call('POST', `/api/v1/council-items/${item.id}/recusal`, voters[5]!.cookie, {
      reason: 'Người được đề nghị là người thân',
    });
    expect(recusal.status).toBe(200);
    const recusedVote = await call('POST', `/api/v1/council-items/${item.id}/ballot`, voters[5]!.cookie, {
      choice: 'yes',
    });
    expect(recusedVote.status).toBe(403);
    expect(recusedVote.body.message).toMatch(/xung đột lợi ích/);
    const absentVote = await call('POST', `/api/v1/council-items/${item.id}/ballot`, voters[6]!.cookie, {
      choice: 'yes',
    });
    expect(absentVote.status).toBe(403);

    const order = ['yes', 'no', 'yes', 'yes', 'abstain'] as const;
    for (let i = 0; i < order.length; i++) {
      const res = await call('POST', `/api/v1/council-items/${item.id}/ballot`, voters[i]!.cookie, {
        choice: order[i]!,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const again = await call('POST', `/api/v1/council-items/${item.id}/ballot`, voters[0]!.cookie, {
      choice: 'no',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/đã bỏ phiếu/);

    const mine = await call('GET', `/api/v1/council-sessions/${sessionId}`, voters[1]!.cookie);
    const mineItem = (
      mine.body.items as { id: string; ballotsCast: number; mine: Json; yesCount: number | null }[]
    )[0]!;
    expect(mineItem.ballotsCast).toBe(5);
    expect(mineItem.mine).toEqual({ canVote: false, hasVoted: true, recused: false });
    expect(mineItem.yesCount).toBeNull();

    const closed = await call('POST', `/api/v1/council-items/${item.id}/close`, officer);
    expect(closed.status).toBe(200);
    // Present 6, one recused: base 5, majority 3.
    expect(closed.body).toEqual({ yes: 3, no: 1, abstain: 1, approved: true, required: 3 });
    const late = await call('POST', `/api/v1/council-items/${item.id}/ballot`, voters[4]!.cookie, {
      choice: 'yes',
    });
    expect(late.status).toBe(409);

    const status = await queryRows<{ status: string }>(
      t.database.db,
      sql`select status from nominations where id = ${item.nominationId}`,
    );
    expect(status[0]!.status).toBe('approved');

    // Second item: a majority against → not approved.
    const second = items[1]!;
    await call('POST', `/api/v1/council-items/${second.id}/open`, officer, {});
    for (let i = 0; i < 6; i++) {
      await call('POST', `/api/v1/council-items/${second.id}/ballot`, voters[i]!.cookie, {
        choice: i < 2 ? 'yes' : 'no',
      });
    }
    const closed2 = await call('POST', `/api/v1/council-items/${second.id}/close`, officer);
    expect(closed2.body).toMatchObject({ yes: 2, no: 4, approved: false });
    expect(memberIds.length).toBe(7);
  });

  it('leaves nothing that links a voter to a choice in any table or the audit log', async () => {
    const tables = await queryRows<{ table_name: string; column_name: string }>(
      t.database.db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    const columnsOf = new Map<string, string[]>();
    for (const c of tables)
      columnsOf.set(c.table_name, [...(columnsOf.get(c.table_name) ?? []), c.column_name]);
    // No table holds both a choice and anything that names a person, a member, a user or a time.
    const personal = /(member|user|person|actor|voter)_id|^at$|_at$|created|updated/;
    for (const [table, cols] of columnsOf) {
      if (cols.includes('choice')) {
        expect(
          cols.filter((c) => personal.test(c)),
          table,
        ).toEqual([]);
        expect(cols.sort(), table).toEqual(['agenda_item_id', 'choice', 'id']);
      }
    }
    // Ballots of one item were written by one transaction: xmin gives no voting order.
    const xmins = await queryRows<{ agenda_item_id: string; n: number }>(
      t.database.db,
      sql`select agenda_item_id, count(distinct xmin::text)::int as n from council_ballots group by agenda_item_id`,
    );
    expect(xmins.length).toBeGreaterThanOrEqual(2);
    for (const x of xmins) expect(x.n).toBe(1);
    // Every row of every table, as text: no row mentions a voter together with a choice.
    const voterIds = new Set(voters.map((v) => v.userId));
    const members = await queryRows<{ id: string }>(t.database.db, sql`select id from council_members`);
    for (const m of members) voterIds.add(m.id);
    for (const table of columnsOf.keys()) {
      const rows = await queryRows<{ r: string }>(
        t.database.db,
        sql`select row_to_json(x)::text as r from ${sql.identifier(table)} x`,
      );
      for (const { r } of rows) {
        const namesVoter = [...voterIds].some((id) => r.includes(id));
        if (namesVoter) expect(r, `${table}: ${r}`).not.toMatch(/"(yes|no|abstain)"|choice/);
      }
    }
    const cast = await queryRows<{ after: unknown; before: unknown }>(
      t.database.db,
      sql`select after, before from audit_log where action = 'council.ballot_cast'`,
    );
    expect(cast.length).toBe(11);
    for (const row of cast) {
      expect(row.after).toBeNull();
      expect(row.before).toBeNull();
    }
  });

  it('applies the 80 % of all members threshold of NĐ 98 Điều 30 khoản 7 to "Chiến sĩ thi đua cơ sở"', async () => {
    const { sessionId } = await setUpSession(2024, '2024-12-20', 7);
    const added = await call('POST', `/api/v1/council-sessions/${sessionId}/agenda`, officer, {
      nominationIds: [nominationIds[3]!],
    });
    expect(added.status).toBe(200);
    const item = (added.body.items as { id: string }[])[0]!;
    await call('POST', `/api/v1/council-items/${item.id}/open`, officer, {});
    const view = await call('GET', `/api/v1/council-sessions/${sessionId}`, officer);
    expect((view.body.items as Json[])[0]).toMatchObject({
      minApprovalRatio: 0.8,
      denominator: 'total_members',
    });
    // 5 of 7 approve: 71 % < 80 % → not approved although a clear majority.
    for (let i = 0; i < 7; i++) {
      await call('POST', `/api/v1/council-items/${item.id}/ballot`, voters[i]!.cookie, {
        choice: i < 5 ? 'yes' : 'no',
      });
    }
    const closed = await call('POST', `/api/v1/council-items/${item.id}/close`, officer);
    expect(closed.body).toMatchObject({ yes: 5, no: 2, approved: false, required: 6 });
  });
});
