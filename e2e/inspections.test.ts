import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

/**
 * Inspections in Chromium (issue 7, item 4): the Mỹ Quý officer lays down a 2023 inspection plan
 * (which units, when, by whom, about what) through the form, sees it listed, records one unit's
 * checklist and findings, and adds a follow-up task with an owner and a deadline.
 */
describeBrowser('Inspections in the browser (Mỹ Quý officer)', () => {
  let h: BrowserApp;

  beforeAll(async () => {
    h = await openBrowserApp();
    await h.signIn(h.page, 'tdkt.myquy');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Types a dd/mm/yyyy date into an antd date picker and confirms it. */
  async function typeDate(page: Page, label: string, ddmmyyyy: string) {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(ddmmyyyy);
    await input.press('Enter');
    expect(await input.inputValue()).toBe(ddmmyyyy);
  }

  /** Clicks an option of the open antd select (its visible list, not the hidden accessible one). */
  async function pickOption(page: Page, text: string) {
    await page.locator('.ant-select-item-option', { hasText: text }).first().click();
  }

  it('shows an empty year with what to do next', async () => {
    const { page } = h;
    await page.goto(h.url('/inspections?year=2023'));
    await page.getByText('Chưa có kế hoạch kiểm tra năm 2023.').waitFor();
    await page.getByText('Bấm “Lập kế hoạch kiểm tra”', { exact: false }).waitFor();
  });

  it('creates a plan in the form and sees it listed with its dates as dd/mm/yyyy', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Lập kế hoạch kiểm tra' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Lập kế hoạch kiểm tra năm 2023 — Phường Mỹ Quý').waitFor();
    // Saving an empty form says what is missing, in Vietnamese, and saves nothing.
    await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await dialog.getByText('Nhập tên kế hoạch kiểm tra.').waitFor();

    await page.getByLabel('Tên kế hoạch').fill('Kiểm tra công tác thi đua, khen thưởng quý I/2023');
    await page.getByLabel('Nội dung kiểm tra').fill('Đăng ký thi đua, giao ước thi đua, báo cáo, quỹ');
    await page.getByLabel('Thành phần đoàn kiểm tra').fill('Phó Chủ tịch UBND phường, công chức Văn phòng');
    await typeDate(page, 'Từ ngày', '01/03/2023');
    await typeDate(page, 'Đến ngày', '31/03/2023');
    const units = page.getByLabel('Đơn vị được kiểm tra');
    await units.click();
    await units.fill('Hội LHPN');
    await pickOption(page, 'Hội LHPN phường Mỹ Quý');
    await page.keyboard.press('Escape');
    await typeDate(page, 'Ngày kiểm tra Hội LHPN phường Mỹ Quý', '15/03/2023');
    await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /Kiểm tra công tác thi đua, khen thưởng quý I\/2023/ });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells).toContain('01/03/2023');
    expect(cells).toContain('31/03/2023');
    expect(cells).toContain('Phó Chủ tịch UBND phường, công chức Văn phòng');
    const detail = page.getByTestId('inspection-detail');
    await detail.getByText('Hội LHPN phường Mỹ Quý — ngày 15/03/2023').waitFor();
    await detail.getByText('Chưa có việc cần khắc phục.').waitFor();
    await h.screenshot(page, 'inspections-plan');
  });

  it('records the checklist and findings of a unit and adds a follow-up task', async () => {
    const { page } = h;
    const detail = page.getByTestId('inspection-detail');
    await detail.getByRole('button', { name: 'Ghi kết quả' }).click();
    const result = page.getByLabel('Kết quả: Đã ký kết giao ước thi đua');
    await result.click();
    await pickOption(page, 'Chưa đạt');
    await page.getByLabel('Ghi chú: Đã ký kết giao ước thi đua').fill('Chưa ký giao ước với khóm');
    await page.getByLabel('Kết luận kiểm tra').fill('Cần ký giao ước thi đua trước 30/4/2023.');
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    await detail.getByText('Kết luận: Cần ký giao ước thi đua trước 30/4/2023.').waitFor();
    await detail.getByText('Chưa ký giao ước với khóm').waitFor();

    await detail.getByRole('button', { name: 'Thêm việc cần khắc phục' }).click();
    await page.getByLabel('Việc cần khắc phục', { exact: true }).fill('Ký giao ước thi đua với các khóm');
    await page.getByLabel('Người chịu trách nhiệm').fill('Chủ tịch Hội LHPN phường');
    await typeDate(page, 'Hạn hoàn thành', '30/04/2023');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    const task = detail.getByRole('row', { name: /Ký giao ước thi đua với các khóm/ });
    await task.waitFor();
    expect(await task.innerText()).toContain('30/04/2023');
    expect(await task.innerText()).toContain('Đang thực hiện');
    await task.getByRole('button', { name: 'Đã khắc phục' }).click();
    await task.getByRole('button', { name: 'Đã khắc phục' }).waitFor({ state: 'detached' });
    expect(await task.innerText()).toContain('Đã khắc phục');
    await h.screenshot(page, 'inspections-results');
    expect(h.pageErrors).toEqual([]);
  });
});
