import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { insertNominations } from '../src/nominations/index.ts';
import { ballotKeyFile, loadBallotKey } from '../src/council/index.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { expectNoVoterChoiceLink } from './support/ballot-secrecy.ts';
import { TEST_DIR } from './support/env.ts';

type Json = Record<string, unknown>;
type Item = {
  id: string;
  status: string;
  ballotsCast: number;
  awaiting: number;
  quorumBallots: number | null;
  votingDeadline: string | null;
  writtenFrom: string[];
  acceptsWritten: boolean;
  tallyKind: string | null;
  yesCount: number | null;
  mine: { canVote: boolean; hasVoted: boolean; recused: boolean };
};

/**
 * The rules of a council vote beyond one ballot per member: an item closes only when every
 * present member has voted or after the announced deadline with the quorum's ballots, never on a
 * single ballot; absent members' written opinions count where approval is over all members
 * (NĐ 98/2023 Điều 30 khoản 7); a paper tally records counts only; the secretary never votes.
 * While voting is open and after it closed, nothing in the database links a voter to a choice.
 */
describe.each(DRIVERS)('council ballot rules on %s', (driver) => {
  let t: TestApp;
  let officer: string;
  const voters: { userId: string; cookie: string; memberId: string }[] = [];
  let secretary: { userId: string; cookie: string; memberId: string };
  let nominations: { majority: string[]; total: string[] };
  const voterIds = new Set<string>();
  let keyText: string;

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: Json) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() as Json };
  };

  beforeAll(async () => {
    t = await openTestApp(driver);
    officer = await t.login('tdkt.myquy');
    const password = 'mat-khau-thu-nghiem-1';
    const accounts: { userId: string; cookie: string }[] = [];
    for (let i = 1; i <= 8; i++) {
      const username = `hdrule${i}.myquy`;
      const userId = await insertUser(t.database.db, {
        username,
        displayName: `Thành viên ${i}`,
        password,
        roles: ['council_member'],
        orgUnitId: t.ids.myQuy,
      });
      accounts.push({ userId, cookie: await t.login(username, password) });
    }
    const people = t.ids.advancedWorker2022.slice(10, 22);
    const rows = await insertNominations(
      t.database.db,
      people.map((personId, i) => ({
        orgUnitId: t.ids.myQuyUnits['MQ-VP']!,
        bodyOrgUnitId: t.ids.myQuy,
        year: 2024,
        kind: 'regular',
        subjectKind: 'individual',
        personId,
        subjectName: `Cán bộ ${i + 1}`,
        subjectSortKey: `can bo ${i + 1}`,
        subjectSearch: `can bo ${i + 1}`,
        awardCode: i < 8 ? 'commune_certificate_of_merit' : 'grassroots_emulation_fighter',
        status: 'accepted',
      })),
    );
    nominations = { majority: rows.slice(0, 8).map((r) => r.id), total: rows.slice(8).map((r) => r.id) };
    // Seven voting members (the first chairs) and a secretary who has an account too.
    const saved = await call('PUT', `/api/v1/councils/${t.ids.myQuy}/2024`, officer, {
      name: 'Hội đồng Thi đua - Khen thưởng phường Mỹ Quý năm 2024',
      members: accounts.map((a, i) => ({
        fullName: `Thành viên ${i + 1}`,
        role: i === 0 ? 'chairman' : i === 7 ? 'secretary' : 'member',
        userId: a.userId,
      })),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const byUser = new Map(
      (saved.body.members as { id: string; userId: string }[]).map((m) => [m.userId, m.id]),
    );
    for (const a of accounts.slice(0, 7)) voters.push({ ...a, memberId: byUser.get(a.userId)! });
    secretary = { ...accounts[7]!, memberId: byUser.get(accounts[7]!.userId)! };
    for (const a of [...voters, secretary]) {
      voterIds.add(a.userId);
      voterIds.add(a.memberId);
    }
    keyText = loadBallotKey(path.join(TEST_DIR, 'unused')).toString('base64');
  });
  afterAll(() => t.close());

  async function session(present: string[], heldOn = '2024-12-20'): Promise<string> {
    const s = await call('POST', `/api/v1/councils/${t.ids.myQuy}/2024/sessions`, officer, {
      title: 'Phiên họp xét khen thưởng năm 2024',
      heldOn,
    });
    expect(s.status).toBe(200);
    const id = s.body.id as string;
    const a = await call('PUT', `/api/v1/council-sessions/${id}/attendance`, officer, {
      presentMemberIds: present,
    });
    expect(a.body.quorumMet, JSON.stringify(a.body)).toBe(true);
    return id;
  }
  async function agenda(sessionId: string, ids: string[]): Promise<string[]> {
    const added = await call('POST', `/api/v1/council-sessions/${sessionId}/agenda`, officer, {
      nominationIds: ids,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    return (added.body.items as { id: string; nominationId: string }[])
      .filter((i) => ids.includes(i.nominationId))
      .map((i) => i.id);
  }
  async function itemView(sessionId: string, itemId: string, cookie = officer): Promise<Item> {
    const v = await call('GET', `/api/v1/council-sessions/${sessionId}`, cookie);
    return (v.body.items as Item[]).find((i) => i.id === itemId)!;
  }
  const vote = (itemId: string, who: { cookie: string }, choice: string) =>
    call('POST', `/api/v1/council-items/${itemId}/ballot`, who.cookie, { choice });
  const everyone = () => [...voters.map((v) => v.memberId), secretary.memberId];

  it('keeps the ballot key outside the database: a 0600 file of 32 bytes', () => {
    const file = ballotKeyFile(path.join(TEST_DIR, 'unused'));
    expect(readFileSync(file, 'utf8').trim()).toBe(keyText);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(keyText, 'base64').length).toBe(32);
  });

  it('refuses to close while a present member has not voted, then closes when all have', async () => {
    const s = await session(everyone());
    const [item] = await agenda(s, [nominations.majority[0]!]);
    expect((await call('POST', `/api/v1/council-items/${item}/open`, officer, {})).status).toBe(200);
    for (const [i, v] of voters.slice(0, 6).entries()) {
      expect((await vote(item!, v, i % 3 === 0 ? 'no' : 'yes')).status).toBe(200);
    }
    // While open: sealed ballots are in the database, unreadable, and nothing links a voter.
    const open = await expectNoVoterChoiceLink(t.database.db, voterIds, keyText);
    expect(open.sealed).toBe(6);
    expect((await itemView(s, item!)).awaiting).toBe(1);
    const early = await call('POST', `/api/v1/council-items/${item}/close`, officer);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('COUNCIL.VOTING_INCOMPLETE');
    expect(early.body.message).toMatch(/Còn 1 thành viên có mặt chưa bỏ phiếu/);
    expect((await itemView(s, item!)).yesCount).toBeNull();
    expect((await vote(item!, voters[6]!, 'abstain')).status).toBe(200);
    const closed = await call('POST', `/api/v1/council-items/${item}/close`, officer);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ yes: 4, no: 2, abstain: 1, approved: true, required: 4 });
    const after = await expectNoVoterChoiceLink(t.database.db, voterIds, keyText);
    expect(after.sealed).toBe(0);
    expect(after.urn).toBe(7);
  });

  it('counts the quorum over voting members only, never the secretary', async () => {
    const create = async () =>
      (
        await call('POST', `/api/v1/councils/${t.ids.myQuy}/2024/sessions`, officer, {
          title: 'Phiên họp kiểm tra số thành viên dự họp',
          heldOn: '2024-12-19',
        })
      ).body.id as string;
    // Six of the seven voting members, the secretary away: 6/7 meets the quorum.
    const withoutSecretary = await create();
    const six = await call('PUT', `/api/v1/council-sessions/${withoutSecretary}/attendance`, officer, {
      presentMemberIds: voters.slice(0, 6).map((v) => v.memberId),
    });
    expect(six.body).toMatchObject({ quorumMet: true, present: 6, total: 7 });
    // Five voting members and the secretary: still five of seven, the secretary adds nothing.
    const withSecretary = await create();
    const five = await call('PUT', `/api/v1/council-sessions/${withSecretary}/attendance`, officer, {
      presentMemberIds: [...voters.slice(0, 5).map((v) => v.memberId), secretary.memberId],
    });
    expect(five.body).toMatchObject({ present: 5, total: 7, required: six.body.required });
    expect(five.body.quorumMet).toBe(5 >= (six.body.required as number));
    const view = await call('GET', `/api/v1/council-sessions/${withSecretary}`, officer);
    expect(view.body).toMatchObject({ presentMembers: 5, totalMembers: 7 });
  });

  it('never shows the secretary a ballot, and refuses the secretary’s ballot', async () => {
    const s = await session(everyone());
    const [item] = await agenda(s, [nominations.majority[1]!]);
    await call('POST', `/api/v1/council-items/${item}/open`, officer, {});
    const mine = await itemView(s, item!, secretary.cookie);
    expect(mine.mine.canVote).toBe(false);
    const cast = await vote(item!, secretary, 'yes');
    expect(cast.status).toBe(403);
    expect(cast.body.code).toBe('COUNCIL.NOT_VOTING_MEMBER');
    // Seven voting members vote: the item is complete without the secretary.
    for (const v of voters) await vote(item!, v, 'yes');
    expect((await itemView(s, item!)).awaiting).toBe(0);
    const closed = await call('POST', `/api/v1/council-items/${item}/close`, officer);
    expect(closed.body).toMatchObject({ yes: 7, approved: true });
  });

  it('closes after the announced deadline only with the quorum’s number of ballots', async () => {
    const s = await session(everyone());
    const [item] = await agenda(s, [nominations.majority[2]!]);
    const past = await call('POST', `/api/v1/council-items/${item}/open`, officer, {
      deadline: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/Hạn bỏ phiếu phải sau/);
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('POST', `/api/v1/council-items/${item}/open`, officer, { deadline })).status).toBe(
      200,
    );
    const view = await itemView(s, item!);
    expect(view.votingDeadline).toBe(deadline.replace(/\.\d{3}Z$/, 'Z'));
    // 80 % of 7 voting members: 6 ballots to close at the deadline.
    expect(view.quorumBallots).toBe(6);
    for (const v of voters.slice(0, 3)) await vote(item!, v, 'yes');
    const before = await call('POST', `/api/v1/council-items/${item}/close`, officer);
    expect(before.status).toBe(409);
    expect(before.body.message).toMatch(/chưa hết hạn bỏ phiếu/);
    // The announced deadline passes (moved into the past in the database rather than waited for).
    const expire = () =>
      t.database.db.execute(
        sql`update council_agenda_items set voting_deadline = now() - interval '1 minute' where id = ${item!}`,
      );
    await expire();
    const late = await vote(item!, voters[3]!, 'yes');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('COUNCIL.DEADLINE_PASSED');
    expect((await itemView(s, item!, voters[3]!.cookie)).mine.canVote).toBe(false);
    const few = await call('POST', `/api/v1/council-items/${item}/close`, officer);
    expect(few.status).toBe(409);
    expect(few.body.code).toBe('COUNCIL.TOO_FEW_BALLOTS');
    expect(few.body.message).toMatch(/mới có 3 phiếu, chưa đủ 6 phiếu/);
    // Voted again with a new deadline: six of seven vote, the deadline passes, the item closes.
    expect((await call('POST', `/api/v1/council-items/${item}/reset`, officer)).status).toBe(200);
    await call('POST', `/api/v1/council-items/${item}/open`, officer, { deadline });
    for (const [i, v] of voters.slice(0, 6).entries()) await vote(item!, v, i < 4 ? 'yes' : 'no');
    await expire();
    const closed = await call('POST', `/api/v1/council-items/${item}/close`, officer);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ yes: 4, no: 2, abstain: 0, approved: true });
  });

  it('never gives the tally of a single ballot', async () => {
    const s = await session(everyone());
    const [item] = await agenda(s, [nominations.majority[3]!]);
    await call('POST', `/api/v1/council-items/${item}/open`, officer, {});
    for (const v of voters.slice(1)) {
      const r = await call('POST', `/api/v1/council-items/${item}/recusal`, v.cookie, {
        reason: 'Người thân',
      });
      expect(r.status).toBe(200);
    }
    expect((await vote(item!, voters[0]!, 'no')).status).toBe(200);
    expect((await itemView(s, item!)).awaiting).toBe(0);
    const closed = await call('POST', `/api/v1/council-items/${item}/close`, officer);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('COUNCIL.SINGLE_BALLOT');
    const view = await itemView(s, item!);
    expect(view.status).toBe('voting');
    expect(view.yesCount).toBeNull();
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from council_ballots where agenda_item_id = ${item!}`,
    );
    expect(rows[0]!.n).toBe(0);
    const paper = await call('POST', `/api/v1/council-items/${item}/paper-tally`, officer, {
      yes: 0,
      no: 1,
      abstain: 0,
    });
    expect(paper.status).toBe(409);
  });

  it('counts absent members’ written opinions over all members (NĐ 98/2023 Điều 30 khoản 7)', async () => {
    // Voter 7 is absent; the secretary is present.
    const present = [...voters.slice(0, 6).map((v) => v.memberId), secretary.memberId];
    const s = await session(present, '2024-12-21');
    const [fighter, majority] = [
      (await agenda(s, [nominations.total[0]!]))[0]!,
      (await agenda(s, [nominations.majority[4]!]))[0]!,
    ];
    await call('POST', `/api/v1/council-items/${fighter}/open`, officer, {});
    await call('POST', `/api/v1/council-items/${majority}/open`, officer, {});
    expect((await itemView(s, fighter)).acceptsWritten).toBe(true);
    expect((await itemView(s, majority)).acceptsWritten).toBe(false);
    const absent = voters[6]!.memberId;
    const notCounted = await call('POST', `/api/v1/council-items/${majority}/written-opinion`, officer, {
      memberId: absent,
      choice: 'yes',
    });
    expect(notCounted.status).toBe(409);
    expect(notCounted.body.code).toBe('COUNCIL.WRITTEN_NOT_COUNTED');
    const presentOne = await call('POST', `/api/v1/council-items/${fighter}/written-opinion`, officer, {
      memberId: voters[0]!.memberId,
      choice: 'yes',
    });
    expect(presentOne.body.code).toBe('COUNCIL.NOT_ABSENT');
    const bySecretary = await call('POST', `/api/v1/council-items/${fighter}/written-opinion`, officer, {
      memberId: secretary.memberId,
      choice: 'yes',
    });
    expect(bySecretary.body.code).toBe('COUNCIL.NOT_ABSENT');
    const member = await call('POST', `/api/v1/council-items/${fighter}/written-opinion`, voters[0]!.cookie, {
      memberId: absent,
      choice: 'no',
    });
    expect(member.status).toBe(403);
    for (const [i, v] of voters.slice(0, 6).entries()) await vote(fighter, v, i < 5 ? 'yes' : 'no');
    // 5 of 7 approve: 71 % < 80 % of all members — not yet approved without the written opinion.
    const written = await call('POST', `/api/v1/council-items/${fighter}/written-opinion`, officer, {
      memberId: absent,
      choice: 'yes',
    });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    const twice = await call('POST', `/api/v1/council-items/${fighter}/written-opinion`, officer, {
      memberId: absent,
      choice: 'no',
    });
    expect(twice.status).toBe(409);
    const view = await itemView(s, fighter);
    expect(view.writtenFrom).toEqual([absent]);
    expect(view.ballotsCast).toBe(7);
    await expectNoVoterChoiceLink(t.database.db, voterIds, keyText);
    const closed = await call('POST', `/api/v1/council-items/${fighter}/close`, officer);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    // 6 of 7 approve: 86 % ≥ 80 % of all members.
    expect(closed.body).toMatchObject({ yes: 6, no: 1, approved: true, required: 6 });
    for (const v of voters.slice(0, 6)) await vote(majority, v, 'yes');
    expect((await call('POST', `/api/v1/council-items/${majority}/close`, officer)).body).toMatchObject({
      yes: 6,
      approved: true,
    });
    await expectNoVoterChoiceLink(t.database.db, voterIds, keyText);
  });

  it('records a paper tally: counts only, nobody marked as having voted, no ballot rows', async () => {
    const s = await session(everyone());
    const [item] = await agenda(s, [nominations.majority[5]!]);
    const single = await call('POST', `/api/v1/council-items/${item}/paper-tally`, officer, {
      yes: 1,
      no: 0,
      abstain: 0,
    });
    expect(single.status).toBe(400);
    expect(single.body.code).toBe('COUNCIL.SINGLE_BALLOT');
    const many = await call('POST', `/api/v1/council-items/${item}/paper-tally`, officer, {
      yes: 8,
      no: 0,
      abstain: 0,
    });
    expect(many.status).toBe(400);
    expect(many.body.message).toMatch(/nhiều hơn số thành viên được bỏ phiếu \(7\)/);
    const byMember = await call('POST', `/api/v1/council-items/${item}/paper-tally`, voters[0]!.cookie, {
      yes: 5,
      no: 2,
      abstain: 0,
    });
    expect(byMember.status).toBe(403);
    const done = await call('POST', `/api/v1/council-items/${item}/paper-tally`, officer, {
      yes: 3,
      no: 3,
      abstain: 1,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ yes: 3, no: 3, abstain: 1, approved: false, required: 4 });
    const view = await itemView(s, item!);
    expect(view).toMatchObject({ status: 'closed', tallyKind: 'paper', ballotsCast: 0, yesCount: 3 });
    const marks = await queryRows<{ n: number }>(
      t.database.db,
      sql`select (select count(*) from council_vote_marks where agenda_item_id = ${item!})::int
               + (select count(*) from council_ballots where agenda_item_id = ${item!})::int as n`,
    );
    expect(marks[0]!.n).toBe(0);
    const again = await call('POST', `/api/v1/council-items/${item}/paper-tally`, officer, {
      yes: 7,
      no: 0,
      abstain: 0,
    });
    expect(again.status).toBe(409);
  });
});
