import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { chooseWorkingYear, describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

/**
 * The dashboard of Phường Mỹ Quý for 2023 in Chromium (issue 7, acceptance): the seed's figures
 * (64 LĐTT, Giấy khen to 12 collectives and 50 individuals) from the demo 2023 year, a drill into
 * one unit, and the by-unit table exported to Excel and read back.
 */
describeBrowser('Dashboard in the browser (Mỹ Quý officer)', () => {
  let h: BrowserApp;

  beforeAll(async () => {
    h = await openBrowserApp();
    await h.signIn(h.page, 'tdkt.myquy');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows 64 LĐTT and Giấy khen to 12 collectives and 50 individuals for 2023', async () => {
    const { page } = h;
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    await page.waitForURL(/\/dashboard/);
    // The working year is chosen once in the header; the demo's finished year is 2023.
    await chooseWorkingYear(page, 2023);
    await page.getByText('Phường Mỹ Quý — năm 2023').waitFor();
    const table = page.getByTestId('table-by-award');
    await table.getByRole('row', { name: /Lao động tiên tiến/ }).waitFor();
    const cells = async (name: RegExp) =>
      (await table.getByRole('row', { name }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(await cells(/Lao động tiên tiến/)).toEqual(['Lao động tiên tiến', '0', '64', '0', '64']);
    const gk = await cells(/Giấy khen/);
    expect(gk.slice(1, 3)).toEqual(['12', '50']);
    await h.screenshot(page, 'dashboard');
  });

  it('drills into Hội LHPN and lists its award with the decision number', async () => {
    const { page } = h;
    await page.getByTestId('table-by-unit').getByRole('button', { name: 'Hội LHPN phường Mỹ Quý' }).click();
    const drill = page.getByTestId('table-drill');
    await drill
      .getByRole('cell', { name: /QĐ-UBND/ })
      .first()
      .waitFor();
    expect(await drill.getByRole('row').count()).toBeGreaterThan(1);
  });

  it('exports the by-unit table to Excel and reads the same rows back', async () => {
    const { page } = h;
    const card = page.locator('.ant-card', { has: page.getByTestId('table-by-unit') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Xuất Excel' }).first().click(),
    ]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Đơn vị');
    const shown = await page.getByTestId('table-by-unit').locator('tbody tr').count();
    expect(sheet.rowCount - 1).toBe(shown);
    const names: string[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(String(sheet.getRow(r).getCell(1).value));
    expect(names).toContain('Hội LHPN phường Mỹ Quý');
    expect(h.pageErrors).toEqual([]);
  });
});
