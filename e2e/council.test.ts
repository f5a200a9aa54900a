import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertNominations } from '../src/nominations/index.ts';
import { describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

type Json = Record<string, unknown>;

/** A JSON call from inside the signed-in page, with the browser's own session cookie. */
async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

/** Nothing may stick out sideways on a 390 px phone. */
async function fitsWidth(page: Page, width: number): Promise<boolean> {
  return page.evaluate((w) => document.documentElement.scrollWidth <= w, width);
}

describeBrowser('Phiên họp Hội đồng: hạn bỏ phiếu, ý kiến bằng văn bản, kiểm phiếu giấy', () => {
  let h: BrowserApp;
  let sessionId = '';
  let absentName = '';

  beforeAll(async () => {
    h = await openBrowserApp();
    await h.signIn(h.page, 'tdkt.myquy');
    // Two accepted nominations waiting for the council: a Chiến sĩ thi đua cơ sở (counted over
    // all members, so an absent member's written opinion counts) and a Giấy khen.
    const people = h.ids.advancedWorker2022.slice(30, 32);
    await insertNominations(
      h.database.db,
      people.map((personId, i) => ({
        orgUnitId: h.ids.myQuyUnits['MQ-VP']!,
        bodyOrgUnitId: h.ids.myQuy,
        year: 2023,
        kind: 'regular' as const,
        subjectKind: 'individual' as const,
        personId,
        subjectName: i === 0 ? 'Nguyễn Thị Thu Hà' : 'Trần Văn Phúc',
        subjectSortKey: i === 0 ? 'nguyen thi thu ha' : 'tran van phuc',
        subjectSearch: i === 0 ? 'nguyen thi thu ha' : 'tran van phuc',
        awardCode: i === 0 ? 'grassroots_emulation_fighter' : 'commune_certificate_of_merit',
        status: 'accepted' as const,
      })),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the officer creates a session, takes attendance with one member absent and puts both on the agenda', async () => {
    const { page } = h;
    const created = await api(page, 'POST', `/api/v1/councils/${h.ids.myQuy}/2023/sessions`, {
      title: 'Phiên họp xét khen thưởng bổ sung năm 2023',
      heldOn: '2023-12-29',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    sessionId = created.body.id as string;
    await page.goto(h.url(`/council-sessions/${sessionId}`));
    const attendance = page.locator('.ant-card').filter({ hasText: 'Điểm danh' });
    await attendance.waitFor();
    const boxes = attendance.locator('.ant-checkbox-wrapper');
    const count = await boxes.count();
    // Everyone present except the last voting member (the list ends with the secretary, if any).
    const labels = await boxes.allInnerTexts();
    const voting = labels.map((l, i) => ({ l, i })).filter((x) => !x.l.includes('Thư ký'));
    const absent = voting[voting.length - 1]!;
    absentName = absent.l.replace(/\s*\(.*\)\s*$/, '').trim();
    for (let i = 0; i < count; i++) if (i !== absent.i) await boxes.nth(i).click();
    await page.getByRole('button', { name: 'Lưu danh sách có mặt' }).click();
    await page.getByText(/Đủ số lượng: \d+\/\d+ thành viên có mặt/).waitFor();
    expect(await page.getByTestId('present-count').innerText()).toBe(String(voting.length - 1));

    await page.getByRole('button', { name: 'Đưa hồ sơ vào chương trình họp' }).click();
    const dialog = page.getByRole('dialog');
    for (const name of ['Nguyễn Thị Thu Hà', 'Trần Văn Phúc']) {
      await dialog.locator('tr').filter({ hasText: name }).locator('.ant-checkbox-input').check();
    }
    await dialog.getByRole('button', { name: 'Đưa 2 hồ sơ vào chương trình' }).click();
    await page.getByText('Đã đưa 2 hồ sơ vào chương trình họp.').waitFor();
    expect(await page.getByTestId('agenda-item').count()).toBe(2);
  });

  it('opens voting with an announced deadline, shows why it cannot close, and takes the absent member’s written opinion', async () => {
    const { page } = h;
    const item = page.getByTestId('agenda-item').filter({ hasText: 'Nguyễn Thị Thu Hà' });
    await item.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở bỏ phiếu' });
    await dialog.getByText('Thông báo hạn bỏ phiếu').click();
    // Tomorrow at 16:30, chosen in the picker's own field as a user types it.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const typed = `${pad(tomorrow.getDate())}/${pad(tomorrow.getMonth() + 1)}/${tomorrow.getFullYear()} 16:30`;
    const picker = dialog.getByLabel('Hạn bỏ phiếu');
    await picker.click();
    await picker.fill(typed);
    await page.keyboard.press('Enter');
    await h.screenshot(page, 'council-open-deadline');
    await dialog.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await item.getByText('Đang bỏ phiếu').waitFor();
    expect(await item.getByTestId('voting-deadline').innerText()).toBe(`Hạn bỏ phiếu: ${typed}`);
    const refusal = await item.getByTestId('close-refusal').innerText();
    expect(refusal).toMatch(/còn \d+ thành viên có mặt chưa bỏ phiếu và chưa đến hạn bỏ phiếu/);
    expect(refusal).toContain(typed);

    await item.getByRole('button', { name: 'Nhập ý kiến bằng văn bản của thành viên vắng mặt' }).click();
    const written = page.getByRole('dialog', { name: 'Ý kiến bằng văn bản của thành viên vắng mặt' });
    await written.getByLabel('Thành viên vắng mặt').click();
    const options = await page.locator('.ant-select-item-option').allInnerTexts();
    // Only the absent voting member is offered: nobody present, never the secretary.
    expect(options).toEqual([absentName]);
    await page.locator('.ant-select-item-option').first().click();
    await written.getByText('Đồng ý', { exact: true }).click();
    await h.screenshot(page, 'council-written-opinion');
    await written.getByRole('button', { name: 'Nhập ý kiến' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nhập ý kiến' }).last().click();
    await page.getByText('Đã nhập ý kiến bằng văn bản.', { exact: false }).waitFor();
    await item.getByText('(có 1 ý kiến bằng văn bản)', { exact: false }).waitFor();
    expect(await item.getByTestId('ballots-cast').innerText()).toBe('1');
    // No choice is shown while voting is open.
    expect(await item.innerText()).not.toMatch(/Đồng ý:|Không đồng ý:/);
    expect(await item.getByRole('button', { name: /Nhập ý kiến bằng văn bản/ }).count()).toBe(0);
    await h.screenshot(page, 'council-session-officer');
  });

  it('records the paper tally of the other item: counts only', async () => {
    const { page } = h;
    const item = page.getByTestId('agenda-item').filter({ hasText: 'Trần Văn Phúc' });
    await item.getByRole('button', { name: 'Ghi kết quả kiểm phiếu giấy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kết quả kiểm phiếu giấy' });
    await dialog.getByLabel('Số phiếu đồng ý').fill('5');
    await dialog.getByLabel('Số phiếu không đồng ý').fill('1');
    await dialog.getByLabel('Số phiếu không biểu quyết').fill('0');
    await dialog.getByRole('button', { name: 'Ghi kết quả' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ghi kết quả kiểm phiếu giấy?' });
    await confirm.getByText(/tổng 6 phiếu/).waitFor();
    await confirm.getByRole('button', { name: 'Ghi kết quả' }).click();
    const tally = item.getByTestId('tally');
    await tally.waitFor();
    expect(await tally.innerText()).toMatch(/Đồng ý: 5[\s\S]*Không đồng ý: 1[\s\S]*Được thông qua/);
    await item.getByText('Kết quả kiểm phiếu giấy do Ban kiểm phiếu lập.').waitFor();
    const view = await api(page, 'GET', `/api/v1/council-sessions/${sessionId}`);
    const row = (view.body.items as Json[]).find((i) => i.subjectName === 'Trần Văn Phúc')!;
    expect(row).toMatchObject({ tallyKind: 'paper', ballotsCast: 0, status: 'closed' });
  });

  it('a member sees the deadline and the counts on a 390 px phone, never the close controls', async () => {
    const phone = await h.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await h.signIn(phone, 'hoidong.myquy');
    await phone.goto(h.url(`/council-sessions/${sessionId}`));
    const item = phone.getByTestId('agenda-item').filter({ hasText: 'Nguyễn Thị Thu Hà' });
    await item.getByTestId('voting-deadline').waitFor();
    expect(await item.getByTestId('close-refusal').count()).toBe(0);
    expect(await phone.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).count()).toBe(0);
    expect(await phone.getByRole('button', { name: /Nhập ý kiến/ }).count()).toBe(0);
    expect(await fitsWidth(phone, 390)).toBe(true);
    await h.screenshot(phone, 'council-session-member-phone');

    const officer = await h.newPage();
    await officer.setViewportSize({ width: 390, height: 844 });
    await h.signIn(officer, 'tdkt.myquy');
    await officer.goto(h.url(`/council-sessions/${sessionId}`));
    await officer.getByTestId('close-refusal').waitFor();
    expect(await fitsWidth(officer, 390)).toBe(true);
    await h.screenshot(officer, 'council-session-officer-phone');
  });

  it('raised no page or console errors along the way', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
