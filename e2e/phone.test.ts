import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

/**
 * Every page of the web router, and the dialogs its buttons open, at 390×844 (a common phone):
 * the page itself never scrolls sideways (a wide table scrolls inside its own box), the menu is a
 * drawer, and nothing writes a console error. A new route with a parameter fails here until it is
 * given a real record to open, so no page escapes the phone check.
 */

const PHONE = { width: 390, height: 844 } as const;

/**
 * The router's pages, read from the registry's source (a TSX module the test project cannot
 * import): every `page('path', …)` entry.
 */
const ROUTE_PATHS: readonly string[] = [
  ...readFileSync(new URL('../src/web/app/routes.tsx', import.meta.url), 'utf8').matchAll(
    /^\s*page\('([^']+)'/gm,
  ),
].map((m) => m[1]!);

/** Buttons that open a dialog, per route (clicked, measured, closed with Escape). */
const DIALOGS: Readonly<Record<string, readonly string[]>> = {
  emulation: ['Soạn phong trào mới'],
  nominations: ['Xếp loại tập thể'],
  council: ['Thêm phiên họp'],
  decisions: ['Dự thảo quyết định từ danh sách được thông qua'],
  inspections: ['Lập kế hoạch kiểm tra'],
};

type Json = Record<string, unknown>;

async function getJson(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (p) => {
    const res = await fetch(p);
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    return (await res.json()) as unknown;
  }, path);
}

const firstId = (list: unknown): string => {
  const items = Array.isArray(list) ? list : ((list as Json).items as unknown[]);
  const id = (items[0] as Json | undefined)?.id;
  if (typeof id !== 'string') throw new Error('no record to open');
  return id;
};

/** How wide the page's content is, against the viewport. */
async function widths(page: Page): Promise<{ scroll: number; viewport: number }> {
  return page.evaluate<{ scroll: number; viewport: number }>(
    '({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })',
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

describeBrowser('Every page on a 390 px phone', () => {
  let h: BrowserApp;
  let phone: Page;
  const params = new Map<string, string>();

  beforeAll(async () => {
    h = await openBrowserApp({ viewport: PHONE });
    phone = h.page;
    await h.signIn(phone, 'tdkt.myquy');
    // The demo's finished year, so every list has records to lay out.
    await phone.goto(h.url('/dashboard?year=2023'));
    await settle(phone);
    const decisions = await getJson(phone, `/api/v1/decisions?orgUnitId=${h.ids.myQuy}&year=2023`);
    const council = (await getJson(phone, `/api/v1/councils/${h.ids.myQuy}/2023`)) as Json;
    params.set('clusters/:id', h.ids.clusterId);
    params.set('people/:id', h.ids.chairmanPersonId);
    params.set('emulation/:id', firstId(await getJson(phone, '/api/v1/movements?year=2023')));
    params.set('nominations/:id', firstId(await getJson(phone, '/api/v1/nominations?year=2023&limit=1')));
    params.set('council-sessions/:id', firstId(council.sessions));
    params.set('decisions/:id', firstId(decisions));
    params.set('certificates/:decisionId', firstId(decisions));
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('menu is a drawer, and the header holds the working year and the user on one line', async () => {
    await phone.goto(h.url('/dashboard'));
    await settle(phone);
    expect(await phone.locator('.ant-layout-sider').count()).toBe(0);
    const header = await phone.locator('.ant-layout-header').boundingBox();
    expect(header?.height).toBe(64);
    expect(await phone.getByLabel('Năm làm việc').count()).toBe(1);
    await phone.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
    await phone.getByRole('menuitem', { name: 'Quyết định khen thưởng' }).click();
    await phone.waitForURL(/\/decisions/);
    await settle(phone);
    await h.screenshot(phone, 'phone-menu-closed-after-choice');
    expect(await phone.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('reads every route of the registry', () => {
    expect(ROUTE_PATHS.length).toBeGreaterThan(20);
    expect(ROUTE_PATHS).toContain('council-sessions/:id');
  });

  for (const route of ROUTE_PATHS.filter((p) => p !== 'me/record').map((path) => ({ path }))) {
    it(`/${route.path} fits 390 px${DIALOGS[route.path] ? ' with its dialogs' : ''}`, async () => {
      const path = route.path.includes(':')
        ? route.path.replace(/:[a-zA-Z]+/, () => {
            const id = params.get(route.path);
            if (!id) throw new Error(`No record to open for /${route.path}: add one to this test.`);
            return id;
          })
        : route.path;
      const before = h.pageErrors.length;
      await phone.goto(h.url(`/${path}`));
      await settle(phone);
      const name = `phone-${route.path.replace(/[/:]/g, '_')}`;
      await h.screenshot(phone, name);
      const page = await widths(phone);
      expect(page.scroll, `/${path} is ${page.scroll} px wide`).toBeLessThanOrEqual(page.viewport);
      for (const label of DIALOGS[route.path] ?? []) {
        await phone.getByRole('button', { name: label }).click();
        const dialog = phone.getByRole('dialog').last();
        await dialog.waitFor();
        await settle(phone);
        await h.screenshot(phone, `${name}-dialog`);
        const box = await dialog.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, `dialog "${label}" fits`).toBe(true);
        // While a dialog is open antd locks the page's scroll (the layout may widen by the
        // scrollbar's compensation), so what must fit is the dialog and every field in it.
        const fieldsOutside = await dialog.evaluate(
          // A field in a wide table is reached by scrolling that table's own box.
          (d, width) =>
            [...d.querySelectorAll('input, textarea, button, .ant-select')].filter(
              (e) => !e.closest('.ant-table-content') && e.getBoundingClientRect().right > width + 0.5,
            ).length,
          PHONE.width,
        );
        expect(fieldsOutside, `fields of "${label}" outside the screen`).toBe(0);
        await phone.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      }
      expect(h.pageErrors.slice(before)).toEqual([]);
    }, 60_000);
  }

  it('/me/record (a staff member’s own record) fits 390 px', async () => {
    const staff = await h.newPage();
    await h.signIn(staff, 'canbo.myquy');
    await staff.goto(h.url('/me/record'));
    await settle(staff);
    await h.screenshot(staff, 'phone-me_record');
    const w = await widths(staff);
    expect(w.viewport).toBe(PHONE.width);
    expect(w.scroll).toBeLessThanOrEqual(w.viewport);
  }, 60_000);
});
