import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

type Ward = 'DX' | 'MQ' | 'MB' | 'ML' | 'MX';
const WARDS: Ward[] = ['DX', 'MQ', 'MB', 'ML', 'MX'];
/** The one peer sheet held back until the secrecy of the others has been checked. */
const LAST: { scorer: Ward; target: Ward } = { scorer: 'MX', target: 'ML' };
const LOGIN: Record<Ward, string> = {
  DX: 'tdkt.dongxuyen',
  MQ: 'tdkt.myquy',
  MB: 'tdkt.mybinh',
  ML: 'tdkt.mylong',
  MX: 'tdkt.myxuyen',
};
/** Peer totals each ward receives: Mỹ Quý leads, then Đông Xuyên, Mỹ Bình, Mỹ Long, Mỹ Xuyên. */
const BASE: Record<Ward, number> = { MQ: 92, DX: 88, MB: 85, ML: 80, MX: 75 };
const MAX = [10, 10, 10, 15, 15, 10, 10, 10, 10] as const;
const IDS = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'D1'] as const;

function sheetOf(total: number) {
  let left = total;
  return Object.fromEntries(
    IDS.map((id, i) => {
      const points = Math.min(MAX[i]!, left);
      left -= points;
      return [id, { points, evidence: `Minh chứng ${id}` }];
    }),
  );
}

const local = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

describeBrowser('Cụm thi đua 2023: từ giao ước đến xếp hạng và đề nghị khen thưởng', () => {
  let h: BrowserApp;
  const pages = {} as Record<Ward, Page>;
  let clusterId: string;
  let ids: Record<Ward, string>;

  beforeAll(async () => {
    h = await openBrowserApp();
    for (const w of WARDS) {
      pages[w] = w === 'DX' ? h.page : await h.newPage();
      await h.signIn(pages[w], LOGIN[w]);
    }
    const list = await pages.DX.request.get(h.url('/api/v1/clusters?year=2023'));
    const cluster = (await list.json()).items[0] as { id: string; members: { id: string; code: string }[] };
    clusterId = cluster.id;
    ids = Object.fromEntries(cluster.members.map((m) => [m.code, m.id])) as Record<Ward, string>;
  });
  afterAll(async () => {
    await h?.close();
  });

  const api = (w: Ward, method: 'post' | 'put' | 'get', path: string, data?: unknown) =>
    pages[w].request[method](h.url(`/api/v1/clusters/${clusterId}${path}`), {
      ...(data === undefined ? {} : { data: data as object }),
      headers: { origin: h.baseUrl },
    });

  it('the head ward opens the cluster from the list, sees the covenant, and sends the request letter', async () => {
    const page = pages.DX;
    await page.goto(h.url('/clusters?year=2023'));
    await page.getByRole('link', { name: 'Chấm điểm, xếp hạng' }).first().click();
    await page.waitForURL(/\/clusters\/[0-9a-f-]{36}/);
    await page.getByText('Giao ước thi đua Cụm thi đua xã, phường thành phố Long Xuyên năm 2023').waitFor();
    await page.getByRole('tab', { name: 'Điều hành cụm' }).click();
    await page.getByLabel('Số công văn').fill('455/UBND-NV');
    await page.getByLabel('Hạn nộp báo cáo').fill(local(new Date(Date.now() + 86_400_000)));
    await page.getByLabel('Hạn chấm chéo').fill(local(new Date(Date.now() + 2 * 86_400_000)));
    await page.getByRole('button', { name: 'Lưu và gửi công văn' }).click();
    await page.getByText('Đang nhận báo cáo').waitFor();
  });

  it('Mỹ Quý submits its report and self-score on the scoring screen', async () => {
    const page = pages.MQ;
    await page.goto(h.url(`/clusters/${clusterId}`));
    await page.getByRole('tab', { name: 'Nộp báo cáo và tự chấm' }).click();
    await page
      .getByLabel('Nội dung báo cáo')
      .fill('Báo cáo tổng kết thi đua, khen thưởng năm 2023 của phường Mỹ Quý.');
    await page.getByLabel('Dẫn chiếu báo cáo').fill('184/BC-UBND ngày 26/12/2023');
    const sheet = sheetOf(95);
    for (const id of IDS) {
      await page.getByLabel(`Điểm ${id}`, { exact: true }).fill(String(sheet[id]!.points));
      await page.getByLabel(`Minh chứng ${id}`, { exact: true }).fill(`Minh chứng ${id}`);
    }
    await page.getByRole('button', { name: 'Nộp báo cáo và bảng tự chấm' }).click();
    await page.getByText(/Đơn vị đã nộp báo cáo lúc/).waitFor();
  });

  it('the other wards submit; a ward cannot score itself and sees nobody else’s scores before the deadline', async () => {
    for (const w of WARDS.filter((x) => x !== 'MQ')) {
      const res = await api(w, 'post', '/submission', {
        reportText: `Báo cáo của ${w}`,
        selfScores: sheetOf(BASE[w] + 3),
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    const page = pages.MQ;
    await page.reload();
    await page.getByRole('tab', { name: 'Chấm chéo' }).click();
    await page.getByLabel('Đơn vị được chấm').click();
    const options = await page.locator('.ant-select-item-option').allInnerTexts();
    expect(options).toHaveLength(4);
    expect(options).not.toContain('Phường Mỹ Quý');
    await page.keyboard.press('Escape');
    const self = await api('MQ', 'post', '/peer-scores', { targetOrgUnitId: ids.MQ, sheet: sheetOf(100) });
    expect(self.status()).toBe(403);
    expect((await self.json()).message).toBe('Đơn vị không được tự chấm điểm mình trong vòng chấm chéo.');

    // Every sheet but the last one: until it is in, nobody sees another ward's points.
    for (const [i, scorer] of WARDS.entries()) {
      for (const target of WARDS.filter((x) => x !== scorer)) {
        if (scorer === LAST.scorer && target === LAST.target) continue;
        const res = await api(scorer, 'post', '/peer-scores', {
          targetOrgUnitId: ids[target],
          sheet: sheetOf(BASE[target] + ((i % 3) - 1)),
        });
        expect(res.status(), await res.text()).toBe(200);
      }
    }
    // Before the deadline: the head ward sees who submitted, never a score.
    const head = pages.DX;
    await head.reload();
    await head.getByRole('tab', { name: 'Tổng quan' }).click();
    await head
      .getByText(
        /Điểm của các phường sẽ hiện sau khi tất cả đã chấm hoặc hết hạn lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/,
      )
      .waitFor();
    await head.getByTestId('own-sheets').waitFor();
    await h.screenshot(head, 'cluster-scores-secret');
    expect(await head.getByTestId('member-status').getByText('Đã nộp', { exact: false }).count()).toBe(5);
    expect(await head.getByTestId('score-table').count()).toBe(0);
    const table = await (await api('MQ', 'get', '/scores')).json();
    expect(table.sheets.every((s: { scorer: { id: string } }) => s.scorer.id === ids.MQ)).toBe(true);
  });

  it('after every sheet is in, the head ranks, records the vote and proposes the flag and Bằng khen', async () => {
    // Once scoring has begun the deadline cannot be brought forward to open the sheets early.
    const overview = await (await api('DX', 'get', '')).json();
    const forward = await api('DX', 'put', '/settings', {
      ...overview.settings,
      reportDeadline: new Date(Date.now() - 120_000).toISOString(),
      scoringDeadline: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(forward.status()).toBe(409);
    const last = await api(LAST.scorer, 'post', '/peer-scores', {
      targetOrgUnitId: ids[LAST.target],
      sheet: sheetOf(BASE[LAST.target] + ((WARDS.indexOf(LAST.scorer) % 3) - 1)),
    });
    expect(last.status(), await last.text()).toBe(200);
    const page = pages.DX;
    await page.reload();
    await page.getByTestId('score-table').waitFor();
    await page.getByTestId('ranking-chart').waitFor();
    await page.getByRole('tab', { name: 'Điều hành cụm' }).click();
    await page.getByRole('button', { name: 'Tổng hợp kết quả xếp hạng' }).click();
    await page
      .getByRole('button', { name: 'Ghi nhận biểu quyết của cuộc họp cụm' })
      .and(page.locator(':enabled'))
      .click();
    await page
      .getByRole('button', { name: 'Lập danh sách đề nghị khen thưởng' })
      .and(page.locator(':enabled'))
      .click();
    await page.getByRole('tab', { name: 'Tổng quan' }).click();
    const proposals = page.getByTestId('proposals');
    await proposals.waitFor();
    const lines = await proposals.locator('li').allInnerTexts();
    expect(lines).toEqual([
      'Phường Mỹ Quý: Cờ thi đua của Ủy ban nhân dân tỉnh',
      'Phường Đông Xuyên: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      'Phường Mỹ Bình: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    ]);
    await h.screenshot(page, 'cluster-ranking');
    expect(h.pageErrors).toEqual([]);
  });
});
