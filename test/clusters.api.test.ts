import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, countClusterRows, type ClusterPackage } from '../src/clusters/index.ts';
import { DEMO_CRITERIA_2023 } from '../src/demo/seed-clusters.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';

type Ward = 'DX' | 'MQ' | 'MB' | 'ML' | 'MX';
const WARDS: Ward[] = ['DX', 'MQ', 'MB', 'ML', 'MX'];
const LOGIN: Record<Ward, string> = {
  DX: 'tdkt.dongxuyen',
  MQ: 'tdkt.myquy',
  MB: 'tdkt.mybinh',
  ML: 'tdkt.mylong',
  MX: 'tdkt.myxuyen',
};
/** What every peer gives each ward, before a ±1 spread per scorer: MQ first, MX last. */
const BASE: Record<Ward, number> = { MQ: 92, DX: 88, MB: 85, ML: 80, MX: 75 };
const STANDARD = DEMO_CRITERIA_2023.groups.flatMap((g) => g.items).filter((i) => i.kind === 'standard');

/** A sheet of the demo criteria table worth `total` points, evidence on every item. */
function sheetOf(total: number) {
  const sheet: Record<string, { points: number; evidence: string }> = {};
  let left = total;
  for (const item of STANDARD) {
    const points = Math.min(item.maxPoints, left);
    left -= points;
    sheet[item.id] = { points, evidence: `Minh chứng ${item.id}` };
  }
  return sheet;
}

function settings(reportInHours: number, scoringInHours: number) {
  const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  return {
    requestLetterNumber: '455/UBND-NV',
    requestLetterDate: '2023-12-25',
    requestLetterSummary: 'Thực hiện bình xét thi đua, khen thưởng Cụm thi đua xã, phường năm 2023',
    reportDeadline: at(reportInHours),
    scoringDeadline: at(scoringInHours),
    method: 'trimmed_mean' as const,
    trimCount: 1,
    missingScores: 'exclude' as const,
    tieBreak: ['higher_min_peer' as const, 'earlier_submission' as const],
    flagCount: 1,
    diplomaCount: 2,
  };
}

/**
 * Ids read from the test database itself rather than `t.ids`: the ids file beside the shared
 * template can be rewritten by a concurrent run while a file loads.
 */
async function clusterIdOf(t: TestApp): Promise<string> {
  const rows = await t.database.query<{ id: string }>(`select id from emulation_clusters where year = 2023`);
  return rows[0]!.id;
}

async function cityIdOf(t: TestApp): Promise<string> {
  return (await t.database.query<{ id: string }>(`select id from org_units where code = 'LX'`))[0]!.id;
}

async function wardIds(t: TestApp): Promise<Record<Ward, string>> {
  const rows = await t.database.query<{ id: string; code: string }>(
    `select id, code from org_units where code = any($1::text[])`,
    [WARDS],
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.id])) as Record<Ward, string>;
}

describe.each(DRIVERS)('emulation cluster API on %s', (driver) => {
  let t: TestApp;
  let ids: Record<Ward, string>;
  const cookie = {} as Record<Ward, string>;
  let url: string;
  let clusterId: string;

  beforeAll(async () => {
    t = await openTestApp(driver);
    ids = await wardIds(t);
    clusterId = await clusterIdOf(t);
    for (const w of WARDS) cookie[w] = await t.login(LOGIN[w]);
    url = `/api/v1/clusters/${clusterId}`;
  });
  afterAll(() => t.close());

  const call = (w: Ward, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `${url}${path}`,
      headers: { cookie: cookie[w] },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('shows the seeded covenant and a criteria table whose totals check', async () => {
    const res = await call('MQ', 'GET', '');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.head.name).toBe('Phường Đông Xuyên');
    expect(body.members).toHaveLength(5);
    expect(body.covenant.signatories).toHaveLength(5);
    expect(body.criteriaTable.maxTotal).toBe(100);
    expect(body.criteriaTable.problems).toEqual([]);
    expect(body.phase).toBe('not_started');
    expect(body.viewer).toMatchObject({ actingMemberId: ids.MQ, isHead: false, canManage: false });
  });

  it('refuses a criteria table whose groups do not add up', async () => {
    const broken = structuredClone(DEMO_CRITERIA_2023);
    broken.groups[0]!.maxPoints = 35;
    const res = await call('DX', 'PUT', '/criteria', broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('khác tổng các tiêu chí');
  });

  it('lets only the head ward send the request letter, and tells every member', async () => {
    expect((await call('MQ', 'PUT', '/settings', settings(24, 48))).statusCode).toBe(403);
    expect((await call('DX', 'PUT', '/settings', settings(24, 48))).statusCode).toBe(200);
    const notes = await t.app.inject({
      url: '/api/v1/cluster-notifications',
      headers: { cookie: cookie.MB },
    });
    const messages: string[] = notes.json().items.map((n: { message: string }) => n.message);
    expect(messages.some((m) => m.includes('455/UBND-NV'))).toBe(true);
    // The deadline is within a day: the reminder of the last day is there too.
    expect(notes.json().items.some((n: { kind: string }) => n.kind === 'report_due_1')).toBe(true);
  });

  it('takes each member report with its self-score, one of them as a file', async () => {
    for (const w of WARDS) {
      const res = await call(w, 'POST', '/submission', {
        reportText: w === 'MB' ? null : `Báo cáo tổng kết thi đua, khen thưởng năm 2023 của phường ${w}`,
        reportRef: w === 'MQ' ? '184/BC-UBND ngày 26/12/2023' : null,
        file:
          w === 'MB'
            ? {
                name: 'bao-cao-my-binh.pdf',
                mime: 'application/pdf',
                contentBase64: Buffer.from('%PDF-1.4 báo cáo').toString('base64'),
              }
            : null,
        selfScores: sheetOf(BASE[w] + 3),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().selfTotal).toBe(BASE[w] + 3);
    }
  });

  it('refuses a self-score without the evidence the table requires', async () => {
    const sheet = sheetOf(90);
    delete (sheet.A1 as { evidence?: string }).evidence;
    const res = await call('MQ', 'POST', '/submission', { reportText: 'x', selfScores: sheet });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('cần nêu minh chứng');
  });

  it('does not let a ward score itself in the peer round', async () => {
    const res = await call('MQ', 'POST', '/peer-scores', { targetOrgUnitId: ids.MQ, sheet: sheetOf(100) });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('Đơn vị không được tự chấm điểm mình trong vòng chấm chéo.');
  });

  it('refuses the head ward bringing the scoring deadline forward while 3 of 5 have not scored, and shows nothing', async () => {
    // Two wards score everyone; Mỹ Bình, Mỹ Long and Mỹ Xuyên have not scored yet.
    for (const scorer of ['DX', 'MQ'] as const) {
      for (const target of WARDS) {
        if (target === scorer) continue;
        const res = await call(scorer, 'POST', '/peer-scores', {
          targetOrgUnitId: ids[target],
          sheet: sheetOf(BASE[target]),
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const before = (await call('DX', 'GET', '')).json().settings;
    const sheetsBefore = await t.database.query<{ n: number }>(
      `select count(*)::int as n from cluster_scores where cluster_id = $1`,
      [clusterId],
    );
    // Step 1: the deadline two seconds ahead (the report deadline moved before it).
    const soon = await call('DX', 'PUT', '/settings', {
      ...settings(24, 48),
      reportDeadline: new Date(Date.now() - 60_000).toISOString(),
      scoringDeadline: new Date(Date.now() + 2_000).toISOString(),
    });
    expect(soon.statusCode).toBe(409);
    expect(soon.json().code).toBe('CLUSTER.DEADLINE_FORWARD');
    expect(soon.json().message).toBe(
      'Đã bắt đầu chấm điểm chéo: chỉ được gia hạn, không được rút ngắn hạn chấm điểm.',
    );
    const past = await call('DX', 'PUT', '/settings', {
      ...settings(24, 48),
      reportDeadline: new Date(Date.now() - 7_200_000).toISOString(),
      scoringDeadline: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past.statusCode).toBe(409);
    expect((await call('DX', 'GET', '')).json().settings).toEqual(before);
    // Step 2: after those two seconds, still nobody else's points — list, detail, package, ranking.
    await new Promise((r) => setTimeout(r, 2_500));
    const overview = (await call('DX', 'GET', '')).json();
    expect(overview.scoresVisible).toBe(false);
    expect(overview.outcome).toBeNull();
    const table = (await call('DX', 'GET', '/scores')).json();
    expect(table).toMatchObject({ visible: false, complete: false, ranking: [] });
    expect(table.sheets.every((x: { scorer: { id: string } }) => x.scorer.id === ids.DX)).toBe(true);
    const member = (await call('MB', 'GET', '/scores')).json();
    expect(member.sheets.every((x: { scorer: { id: string } }) => x.scorer.id === ids.MB)).toBe(true);
    expect((await call('DX', 'GET', `/submissions/${ids.MQ}`)).json().selfScores).toBeNull();
    expect((await call('DX', 'POST', '/ranking')).statusCode).toBe(409);
    const pkg = await call('DX', 'GET', '/package?kind=head');
    expect(pkg.statusCode, pkg.body).toBe(200);
    const payload = JSON.parse(
      Buffer.from((pkg.json() as ClusterPackage).files['payload.json']!, 'base64').toString('utf8'),
    ) as { submissions: unknown[]; scores: { round: string; sheet: Record<string, { points: number }> }[] };
    expect(payload.submissions).toHaveLength(5);
    // The head relays the evidence of the self-scores, never a point and never a peer sheet.
    expect(payload.scores.filter((x) => x.round === 'peer')).toEqual([]);
    expect(payload.scores.length).toBeGreaterThan(0);
    expect(payload.scores.every((x) => Object.values(x.sheet).every((v) => v.points === 0))).toBe(true);
    // Step 3: moving it back is the deadline as it stood; extending stays allowed.
    const back = await call('DX', 'PUT', '/settings', { ...settings(24, 48), ...before });
    expect(back.statusCode, back.body).toBe(200);
    expect((await call('DX', 'GET', '')).json().settings.scoringDeadline).toBe(before.scoringDeadline);
    const sheetsAfter = await t.database.query<{ n: number }>(
      `select count(*)::int as n from cluster_scores where cluster_id = $1`,
      [clusterId],
    );
    expect(sheetsAfter[0]!.n).toBe(sheetsBefore[0]!.n);
  });

  it('takes every peer sheet but one (Mỹ Xuyên never scores Mỹ Long)', async () => {
    for (const [i, scorer] of WARDS.entries()) {
      for (const target of WARDS) {
        if (target === scorer || (scorer === 'MX' && target === 'ML')) continue;
        const spread = (i % 3) - 1;
        const res = await call(scorer, 'POST', '/peer-scores', {
          targetOrgUnitId: ids[target],
          sheet: sheetOf(BASE[target] + spread),
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
  });

  it('before the deadline shows who has submitted but nobody else’s scores, not even to the head ward', async () => {
    const overview = (await call('DX', 'GET', '')).json();
    expect(overview.memberStatus.every((m: { submitted: boolean }) => m.submitted)).toBe(true);
    expect(overview.scoresVisible).toBe(false);
    expect(overview.outcome).toBeNull();
    const table = (await call('DX', 'GET', '/scores')).json();
    expect(table.visible).toBe(false);
    expect(table.ranking).toEqual([]);
    expect(new Set(table.sheets.map((s: { scorer: { id: string } }) => s.scorer.id))).toEqual(
      new Set([ids.DX]),
    );
    const mine = (await call('MQ', 'GET', '/scores')).json();
    expect(mine.sheets.every((s: { scorer: { id: string } }) => s.scorer.id === ids.MQ)).toBe(true);
    const peer = (await call('MQ', 'GET', `/submissions/${ids.MB}`)).json();
    expect(peer.selfScores).toBeNull();
    expect(peer.selfTotal).toBeNull();
    expect(peer.evidence.A1).toBe('Minh chứng A1');
    expect(peer.file.name).toBe('bao-cao-my-binh.pdf');
    const admin = await t.login('quantri');
    const adminTable = await t.app.inject({ url: `${url}/scores`, headers: { cookie: admin } });
    expect(adminTable.json().sheets).toEqual([]);
    expect((await call('DX', 'POST', '/ranking')).statusCode).toBe(409);
  });

  it('opens every sheet to the head ward and the members once every member has scored, before the deadline', async () => {
    const last = await call('MX', 'POST', '/peer-scores', {
      targetOrgUnitId: ids.ML,
      sheet: sheetOf(BASE.ML),
    });
    expect(last.statusCode, last.body).toBe(200);
    for (const w of ['DX', 'MB'] as const) {
      const table = (await call(w, 'GET', '/scores')).json();
      expect(table).toMatchObject({ visible: true, complete: true });
      expect(table.sheets).toHaveLength(5 + 20);
      expect(table.ranking).toHaveLength(5);
    }
    expect((await call('MQ', 'GET', `/submissions/${ids.MB}`)).json().selfTotal).not.toBeNull();
    // The trimmed-mean case below needs Mỹ Xuyên's missing sheet: take this one back out.
    await t.database.query(
      `delete from cluster_scores where cluster_id = $1 and round = 'peer' and org_unit_id = $2 and target_org_unit_id = $3`,
      [clusterId, ids.MX, ids.ML],
    );
    expect((await call('MB', 'GET', '/scores')).json().visible).toBe(false);
  });

  it('gives the head ward the members’ cluster submissions only, not their other data', async () => {
    expect((await call('DX', 'GET', `/submissions/${ids.MQ}`)).statusCode).toBe(200);
    const file = await call('DX', 'GET', `/submissions/${ids.MB}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('%PDF-1.4');
    const chairman = await t.database.query<{ id: string }>(
      `select id from people where full_name = 'Liêu Quốc Bình'`,
    );
    const person = await t.app.inject({
      url: `/api/v1/people/${chairman[0]!.id}`,
      headers: { cookie: cookie.DX },
    });
    expect(person.statusCode).toBe(404);
  });

  it('after the deadline ranks by the trimmed mean, confirms, and proposes the flag and two Bằng khen', async () => {
    await t.database.query(
      `update cluster_years set report_deadline = now() - interval '2 hours', scoring_deadline = now() - interval '1 hour' where cluster_id = $1`,
      [clusterId],
    );
    const table = (await call('DX', 'GET', '/scores')).json();
    expect(table.visible).toBe(true);
    expect(table.sheets).toHaveLength(5 + 19);
    const ml = table.ranking.find((r: { orgUnit: { id: string } }) => r.orgUnit.id === ids.ML);
    expect(ml.missingScorers).toEqual([ids.MX]);
    expect(table.ranking.map((r: { orgUnit: { code: string } }) => r.orgUnit.code)).toEqual([
      'MQ',
      'DX',
      'MB',
      'ML',
      'MX',
    ]);
    // Mỹ Quý got 91, 93, 91, 92: the trimmed mean drops 91 and 93 and keeps (91 + 92) / 2.
    expect(table.ranking[0].aggregate).toBe(91.5);

    expect((await call('MQ', 'POST', '/ranking')).statusCode).toBe(403);
    expect((await call('DX', 'POST', '/ranking')).statusCode).toBe(200);
    const order = table.ranking.map((r: { orgUnit: { id: string } }) => r.orgUnit.id);
    const meeting = {
      meetingDate: '2024-01-05',
      place: 'Hội trường UBND phường Đông Xuyên',
      chairName: 'Trần Văn Bình',
      presentOrgUnitIds: WARDS.map((w) => ids[w]),
      votesFor: 5,
      votesAgainst: 0,
      abstentions: 0,
      minutesText: 'Các đơn vị thống nhất kết quả chấm điểm chéo và xếp hạng.',
      minutesRef: null,
    };
    const swapped = [order[1], order[0], ...order.slice(2)];
    expect((await call('DX', 'POST', '/confirmation', { ...meeting, order: swapped })).statusCode).toBe(400);
    expect(
      (await call('DX', 'POST', '/confirmation', { ...meeting, votesFor: 2, votesAgainst: 3, order }))
        .statusCode,
    ).toBe(409);
    expect((await call('DX', 'POST', '/confirmation', { ...meeting, order })).statusCode).toBe(200);
    expect((await call('DX', 'POST', '/proposals')).statusCode).toBe(200);

    const outcome = (await call('MX', 'GET', '')).json().outcome;
    expect(outcome.confirmation.votesFor).toBe(5);
    expect(
      outcome.proposals.map((p: { orgUnit: { code: string }; award: string }) => [p.orgUnit.code, p.award]),
    ).toEqual([
      ['MQ', 'provincial_emulation_flag'],
      ['DX', 'provincial_diploma_of_merit'],
      ['MB', 'provincial_diploma_of_merit'],
    ]);
    const docx = await call('DX', 'GET', '/documents/proposal-letter.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('DX', 'GET', '/documents/minutes.docx')).statusCode).toBe(200);
  });

  it('refuses a late submission after the report deadline', async () => {
    const res = await call('MQ', 'POST', '/submission', { reportText: 'muộn', selfScores: sheetOf(10) });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('Đã quá hạn nộp báo cáo của cụm thi đua.');
  });

  it('copies last year’s criteria table into a new cluster year', async () => {
    const admin = await t.login('quantri');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/clusters',
      headers: { cookie: admin },
      payload: {
        name: 'Cụm thi đua xã, phường thành phố Long Xuyên',
        year: 2024,
        organiserId: await cityIdOf(t),
        headId: ids.MQ,
        deputyId: ids.MB,
        memberIds: WARDS.map((w) => ids[w]),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const copy = await t.app.inject({
      method: 'POST',
      url: `/api/v1/clusters/${id}/criteria/copy`,
      headers: { cookie: cookie.MQ },
      payload: { fromClusterId: clusterId },
    });
    expect(copy.statusCode, copy.body).toBe(200);
    const next = (
      await t.app.inject({ url: `/api/v1/clusters/${id}`, headers: { cookie: cookie.MQ } })
    ).json();
    expect(next.head.code).toBe('MQ');
    expect(next.criteriaTable.copiedFromClusterId).toBe(clusterId);
    expect(next.criteriaTable.groups).toEqual(DEMO_CRITERIA_2023.groups);
  });
});

describe.each(DRIVERS)('cluster packages between instances on %s', (driver) => {
  let member: TestApp;
  let head: TestApp;
  const keyDir = {
    member: mkdtempSync(path.join(tmpdir(), 'tdkt-key-member-')),
    head: mkdtempSync(path.join(tmpdir(), 'tdkt-key-head-')),
  };
  let signed: ClusterPackage;
  let url: string;
  let headCookie: string;

  /** Runs `fn` as the given instance: each has its own key folder (TDKT_KEY_DIR). */
  async function as<T>(which: 'member' | 'head', fn: () => Promise<T>): Promise<T> {
    const before = process.env.TDKT_KEY_DIR;
    process.env.TDKT_KEY_DIR = keyDir[which];
    try {
      return await fn();
    } finally {
      if (before === undefined) delete process.env.TDKT_KEY_DIR;
      else process.env.TDKT_KEY_DIR = before;
    }
  }

  beforeAll(async () => {
    member = await openTestApp(driver);
    head = await openTestApp(driver);
    url = `/api/v1/clusters/${await clusterIdOf(head)}`;
    headCookie = await head.login('tdkt.dongxuyen');
    const memberHead = await member.login('tdkt.dongxuyen');
    // Both instances know the year's deadlines (on the member's, from the head's letter).
    for (const [t, c] of [
      [member, memberHead],
      [head, headCookie],
    ] as const) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/clusters/${await clusterIdOf(t)}/settings`,
        headers: { cookie: c },
        payload: settings(24, 48),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mb = await member.login('tdkt.mybinh');
    const submit = await member.app.inject({
      method: 'POST',
      url: `/api/v1/clusters/${await clusterIdOf(member)}/submission`,
      headers: { cookie: mb },
      payload: {
        reportText: 'Báo cáo của phường Mỹ Bình',
        file: {
          name: 'minh-chung.pdf',
          mime: 'application/pdf',
          contentBase64: Buffer.from('%PDF minh chứng').toString('base64'),
        },
        selfScores: sheetOf(86),
      },
    });
    expect(submit.statusCode, submit.body).toBe(200);
    signed = await as('member', async () => {
      const res = await member.app.inject({
        url: `/api/v1/clusters/${await clusterIdOf(member)}/package?kind=member`,
        headers: { cookie: mb },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ClusterPackage;
    });
    const key = await as(
      'member',
      async () =>
        (
          await member.app.inject({ url: '/api/v1/cluster-instance-key', headers: { cookie: mb } })
        ).json() as { publicKeyPem: string },
    );
    const mbId = (await head.database.query<{ id: string }>(`select id from org_units where code = 'MB'`))[0]!
      .id;
    const reg = await head.app.inject({
      method: 'PUT',
      url: `${url}/member-keys`,
      headers: { cookie: headCookie },
      payload: { orgUnitId: mbId, publicKeyPem: key.publicKeyPem },
    });
    expect(reg.statusCode, reg.body).toBe(200);
  });
  afterAll(async () => {
    await member.close();
    await head.close();
  });

  const importPkg = (pkg: ClusterPackage) =>
    as('head', () =>
      head.app.inject({
        method: 'POST',
        url: `${url}/package`,
        headers: { cookie: headCookie },
        payload: pkg as unknown as object,
      }),
    );

  it('rejects a package altered after signing and changes nothing', async () => {
    const before = await countClusterRows(head.database.db);
    const tampered = structuredClone(signed);
    const payload = JSON.parse(Buffer.from(tampered.files['payload.json']!, 'base64').toString('utf8'));
    payload.submissions[0].reportText = 'Báo cáo đã bị sửa';
    tampered.files['payload.json'] = Buffer.from(JSON.stringify(payload)).toString('base64');
    const res = await importPkg(tampered);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PACKAGE.TAMPERED');
    expect(res.json().message).toContain('đã bị thay đổi sau khi ký');
    expect(await countClusterRows(head.database.db)).toEqual(before);
  });

  it('rejects a package signed by a ward outside the cluster and changes nothing', async () => {
    const before = await countClusterRows(head.database.db);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const outsider = buildPackage(
      {
        kind: 'member',
        cluster: signed.manifest.cluster,
        from: { code: 'MP', name: 'Phường Mỹ Phước' },
        createdAt: new Date().toISOString(),
      },
      [
        {
          path: 'payload.json',
          content: Buffer.from(JSON.stringify({ submissions: [], scores: [], outcome: null })),
        },
      ],
      { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    );
    const res = await importPkg(outsider);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PACKAGE.OUTSIDER');
    expect(res.json().message).toContain('không thuộc cụm thi đua');
    // The same outsider key claiming to be Mỹ Bình fails the signature check.
    const impostor = buildPackage(
      {
        kind: 'member',
        cluster: signed.manifest.cluster,
        from: signed.manifest.from,
        createdAt: new Date().toISOString(),
      },
      [
        {
          path: 'payload.json',
          content: Buffer.from(JSON.stringify({ submissions: [], scores: [], outcome: null })),
        },
      ],
      { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    );
    expect((await importPkg(impostor)).json().code).toBe('PACKAGE.BAD_SIGNATURE');
    expect(await countClusterRows(head.database.db)).toEqual(before);
  });

  it('imports the signed package of a registered member with its file and self-score', async () => {
    const res = await importPkg(signed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ submissions: 1, scoreSheets: 1, outcome: false });
    const overview = (await head.app.inject({ url, headers: { cookie: headCookie } })).json();
    const mb = overview.memberStatus.find((m: { orgUnit: { code: string } }) => m.orgUnit.code === 'MB');
    expect(mb).toMatchObject({ submitted: true, source: 'package' });
    const mbId = mb.orgUnit.id as string;
    const file = await head.app.inject({
      url: `${url}/submissions/${mbId}/file`,
      headers: { cookie: headCookie },
    });
    expect(file.body).toBe('%PDF minh chứng');
  });
});
