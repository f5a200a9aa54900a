/**
 * Browser end-to-end harness: the real server in-process on a free port, on a fresh copy of the
 * demo database (PGlite, loaded from the run's template), with the built web app, driven by
 * Debian's Chromium through playwright-core.
 *
 * A test file:
 *
 *   import { describe, it, beforeAll, afterAll, expect } from 'vitest';
 *   import { describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';
 *
 *   describeBrowser('Đề nghị khen thưởng', () => {
 *     let h: BrowserApp;
 *     beforeAll(async () => { h = await openBrowserApp(); });
 *     afterAll(async () => { await h?.close(); });
 *     it('an officer submits a nomination', async () => {
 *       await h.signIn(h.page, 'tdkt.myquy');
 *       await h.page.goto(h.url('/nominations'));
 *       …
 *     });
 *   });
 *
 * Without Chromium the file is skipped with a loud line locally, and fails in CI (CI=true):
 * a skipped browser test proves nothing there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { DirectoryCache } from '../../src/organizations/index.ts';
import { DEMO_PASSWORD, type DemoIds } from '../../src/demo/seed-demo.ts';
import { openTestDatabase } from '../../test/support/test-app.ts';
import { TEST_DIR, isCi } from '../../test/support/env.ts';
import { WEB_INDEX } from './web-build.ts';

/** Flags measured on this machine (stack probe §5): no sandbox in containers, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/** Outside the per-run test folder (removed after the run), so screenshots can be looked at. */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../.tdkt-test/screenshots');

/** CHROMIUM_PATH, else `command -v chromium` (Debian's package), else undefined. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

export const chromiumPath = findChromium();

/**
 * True only outside CI when Chromium is missing. In CI this stays false, so the tests run and
 * `openBrowserApp` fails them with a clear message.
 */
export const skipBrowserTests: boolean = !chromiumPath && !isCi;
if (skipBrowserTests) {
  console.warn(
    '\n*** Chromium not found (apt-get install chromium, or set CHROMIUM_PATH): ' +
      'browser end-to-end tests are NOT run. In CI this is a failure. ***\n',
  );
}

/** `describe` for browser tests: skipped (loudly) when Chromium is missing outside CI. */
export const describeBrowser = describe.skipIf(skipBrowserTests);

export type BrowserApp = {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  app: App;
  /** The server's database, to set up a case the demo data lacks (e.g. an account). */
  database: Database;
  ids: DemoIds;
  browser: Browser;
  /** A fresh context (locale vi-VN, 1280×800) and a page in it. */
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far, to assert none happened. */
  pageErrors: string[];
  url(pathname: string): string;
  /** A further isolated context, e.g. to act as a second user. */
  newPage(): Promise<Page>;
  /** Signs in through the sign-in page and waits for the app shell. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** Saves a full-page PNG under .tdkt-test/screenshots and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
};

export type BrowserAppOptions = { viewport?: { width: number; height: number } };

export async function openBrowserApp(options: BrowserAppOptions = {}): Promise<BrowserApp> {
  if (!chromiumPath) {
    throw new Error(
      'Chromium is not installed (CI=true): browser tests cannot run. Install Debian\'s "chromium" or set CHROMIUM_PATH.',
    );
  }
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `The web app is not built (${WEB_INDEX} missing). The e2e global setup builds it; run "npm run build".`,
    );
  }
  const { database, ids, drop } = await openTestDatabase('pglite');
  const config = { ...loadConfig({}), dataDir: path.join(TEST_DIR, 'unused') };
  const app = await buildApp({ config, database, directory: new DirectoryCache(database.db, 0) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = address.replace(/\/$/, '');

  const browser = await chromium
    .launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] })
    .catch(async (error: unknown) => {
      await app.close();
      await database.close();
      await drop();
      throw error;
    });
  const pageErrors: string[] = [];
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const openContext = async () => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport,
      baseURL: baseUrl,
    });
    context.setDefaultTimeout(30_000);
    context.on('page', (p) => watch(p, pageErrors));
    return context;
  };
  const context = await openContext();
  const page = await context.newPage();
  const extraContexts: BrowserContext[] = [];

  return {
    baseUrl,
    app,
    database,
    ids,
    browser,
    context,
    page,
    pageErrors,
    url: (pathname) => `${baseUrl}${pathname.startsWith('/') ? '' : '/'}${pathname}`,
    async newPage() {
      const extra = await openContext();
      extraContexts.push(extra);
      return extra.newPage();
    },
    async signIn(p, username, password = DEMO_PASSWORD) {
      await p.goto(`${baseUrl}/sign-in`);
      await p.getByLabel('Tên đăng nhập').fill(username);
      await p.getByLabel('Mật khẩu').fill(password);
      await p.getByRole('button', { name: 'Đăng nhập' }).click();
      const shell = p.getByTestId('current-user');
      const codeField = p.getByLabel('Mã xác thực');
      await shell.or(codeField).first().waitFor();
      if (await codeField.isVisible()) {
        await codeField.fill(await totpFor(username));
        await p.getByRole('button', { name: 'Xác nhận' }).click();
        await shell.waitFor();
      }
    },
    async screenshot(p, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await p.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      for (const c of extraContexts) await c.close().catch(() => undefined);
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** Chooses the working year in the header, as a user does (antd's visible option, by its title). */
export async function chooseWorkingYear(page: Page, year: number): Promise<void> {
  await page.getByLabel('Năm làm việc').click();
  await page.locator(`.ant-select-item-option[title="Năm ${year}"]`).click();
}

const TOTP_PERIOD_MS = 30_000;
const lastTotpStep = new Map<string, number>();

/**
 * The current TOTP code of a demo account (they share a known secret, src/demo). The server
 * refuses a code twice in the same 30-second step, so a second sign-in of the same account
 * within one step waits for the next.
 */
async function totpFor(username: string): Promise<string> {
  const demo: Record<string, unknown> = await import('../../src/demo/seed-demo.ts');
  const secret = demo.DEMO_TOTP_SECRET;
  if (typeof secret !== 'string')
    throw new Error('The demo data has no DEMO_TOTP_SECRET: cannot pass the second factor.');
  let step = Math.floor(Date.now() / TOTP_PERIOD_MS);
  if (lastTotpStep.get(username) === step) {
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * TOTP_PERIOD_MS - Date.now() + 200));
    step = Math.floor(Date.now() / TOTP_PERIOD_MS);
  }
  lastTotpStep.set(username, step);
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * TOTP_PERIOD_MS + 1 });
}

function watch(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    // A failed request is reported by the page itself (a message on screen); these are bugs.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text()))
      errors.push(`console: ${msg.text()}`);
  });
}
