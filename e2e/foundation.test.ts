import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { chooseWorkingYear, describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

/**
 * A people workbook in the template's columns whose row 3 has an impossible birth date. Row 2 is
 * valid, so "nothing imported" really means the good row was held back with the bad one.
 */
async function peopleWorkbookWithBadRow(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cán bộ');
  sheet.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Mã đơn vị', 'Đối tượng']);
  sheet.addRow(['Phan Thị Ngọc Hân', 'Nữ', '15/03/1990', 'MQ-VP', 'Công chức']);
  sheet.addRow(['Đặng Văn Phúc', 'Nam', '31/02/1980', 'MQ-VP', 'Công chức']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeBrowser('Foundation in the browser (Mỹ Quý officer)', () => {
  let h: BrowserApp;

  beforeAll(async () => {
    h = await openBrowserApp();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the server’s Vietnamese message when the password is wrong', async () => {
    const { page } = h;
    await page.goto(h.url('/'));
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Tên đăng nhập').fill('tdkt.myquy');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/mật khẩu/i);
  });

  it('signs the officer in and shows Phường Mỹ Quý in the header', async () => {
    const { page } = h;
    await h.signIn(page, 'tdkt.myquy');
    expect(await page.getByTestId('current-unit').innerText()).toBe('Phường Mỹ Quý');
    await page.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).click();
    await page.waitForURL(/\/org-units/);
    // The ward closed on 01/07/2025; its officer sees its structure as of its last day by default.
    await page
      .getByRole('treeitem', { name: /Phường Mỹ Quý/ })
      .first()
      .waitFor();
    await page.getByRole('treeitem', { name: /Khóm Thới Hòa/ }).waitFor();
    await h.screenshot(page, 'org-units');
  });

  it('finds Liêu Quốc Bình by typing "lieu quoc binh" and opens his record', async () => {
    const { page } = h;
    await page.getByRole('menuitem', { name: 'Cán bộ' }).click();
    await page.waitForURL(/\/people/);
    const search = page.getByRole('searchbox', { name: 'Tìm cán bộ' });
    await search.fill('lieu quoc binh');
    await search.press('Enter');
    const link = page.getByRole('link', { name: 'Liêu Quốc Bình' });
    await link.waitFor();
    // Masked CCCD in the list: only the first and last three digits show.
    const row = page.getByRole('row', { name: /Liêu Quốc Bình/ });
    expect(await row.innerText()).not.toMatch(/\d{12}/);
    await h.screenshot(page, 'people-search');

    await link.click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Liêu Quốc Bình' }).waitFor();
    await page.getByText('Tổng hợp theo năm').waitFor();
    await page.getByRole('tab', { name: /Quá trình công tác/ }).waitFor();
    // His yearly ratings are listed (demo data has 2021–2023).
    await page.getByRole('cell', { name: '2022', exact: true }).waitFor();
    await h.screenshot(page, 'person');
  });

  it('uploads a people workbook with a bad row 3 and shows the row, column and message, importing nothing', async () => {
    const { page } = h;
    await page.getByRole('menuitem', { name: 'Nhập dữ liệu' }).click();
    await page.waitForURL(/\/imports/);
    await page.getByRole('radio', { name: 'Danh sách cán bộ' }).check();
    await page.locator('input[type=file]').setInputFiles({
      name: 'can-bo-co-loi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await peopleWorkbookWithBadRow(),
    });

    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 60_000 });
    await page.getByText('Không có dòng nào được nhập').waitFor();
    const rows = errors.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('C (Ngày sinh)');
    expect(cells[2]).toContain('31/02/1980');
    await h.screenshot(page, 'import-errors');

    // The valid row 2 was not imported either: a file is published whole or not at all.
    const found = await page.request.get(h.url('/api/v1/people?q=phan%20thi%20ngoc%20han'));
    expect(found.status()).toBe(200);
    expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it('shows the 2023 cluster with Phường Đông Xuyên as its head', async () => {
    const { page } = h;
    await page.getByRole('menuitem', { name: 'Cụm thi đua' }).click();
    await page.waitForURL(/\/clusters/);
    await chooseWorkingYear(page, 2023);
    await page.getByText('Cụm thi đua xã, phường thành phố Long Xuyên').waitFor();
    const members = page.locator('.ant-table-row');
    expect(await members.filter({ hasText: 'Phường Đông Xuyên' }).innerText()).toContain('Trưởng cụm');
    expect(await members.filter({ hasText: 'Phường Mỹ Quý' }).innerText()).toContain('Phó cụm');
    await h.screenshot(page, 'clusters');
  });

  it('shows the structure of a date: Mỹ Quý in 2023, nothing of it after the 2025 merge', async () => {
    const { page } = h;
    await page.goto(h.url('/org-units?asOf=2023-12-31'));
    await page.getByRole('treeitem', { name: /Khóm Đông Thạnh/ }).waitFor();
    expect(await page.getByLabel('Ngày xem cơ cấu').inputValue()).toBe('31/12/2023');
    await page.goto(h.url('/org-units?asOf=2025-07-01'));
    await page
      .getByText('Đơn vị của bạn đã kết thúc hoạt động từ ngày 01/07/2025', { exact: false })
      .waitFor();
  });

  it('shows the merged ward among the predecessors of Phường Long Xuyên to its officer', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'tdkt.longxuyen');
    expect(await page.getByTestId('current-unit').innerText()).toBe('Phường Long Xuyên');
    await page.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).click();
    await page.waitForURL(/\/org-units/);
    await page
      .getByRole('treeitem', { name: /Phường Long Xuyên/ })
      .first()
      .click();
    const detail = page.getByTestId('org-unit-detail');
    await detail.getByText('Đơn vị tiền thân').waitFor();
    await detail.getByRole('button', { name: /Phường Mỹ Quý/ }).waitFor();
    await detail.getByText('Sáp nhập').first().waitFor();
    await h.screenshot(page, 'org-unit-merged');
  });

  it('raised no page or console errors along the way', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
