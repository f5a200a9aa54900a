import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { currentTotp, totpStep } from '../src/platform/auth/two-factor.ts';
import { describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

/**
 * Two-factor sign-in in the browser (trust issue, item 3 and its acceptance): a new officer,
 * without TOTP, is held at enrolment until the authenticator is set up; after signing out, the
 * officer signs in with a code computed from the secret shown at enrolment, and a wrong code is
 * refused with the server's Vietnamese sentence.
 */
const USERNAME = 'canbo.totp.moi';
const PASSWORD = 'mat-khau-can-bo-totp';
const STEP_MS = 30_000;

/** A six-digit code that no step within the server's drift window (±1) accepts. */
function wrongCodeFor(secret: string): string {
  for (let n = 135_791; ; n = (n + 7_919) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (totpStep(secret, code) === undefined && totpStep(secret, code, Date.now() + STEP_MS) === undefined)
      return code;
  }
}

/** Waits for the next 30-second step: the server accepts each step's code once per account. */
async function nextStep(after: number): Promise<void> {
  const wait = (Math.floor(after / STEP_MS) + 1) * STEP_MS - Date.now() + 300;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

describeBrowser('Two-factor sign-in in the browser (a new officer)', () => {
  let h: BrowserApp;
  let secret = '';
  let enrolledAt = 0;

  beforeAll(async () => {
    h = await openBrowserApp();
    await insertUser(h.database.db, {
      username: USERNAME,
      displayName: 'Trần Minh Khoa',
      password: PASSWORD,
      roles: ['officer'],
      orgUnitId: h.ids.myQuy,
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function submitPassword(): Promise<void> {
    const { page } = h;
    await page.goto(h.url('/sign-in'));
    await page.getByLabel('Tên đăng nhập').fill(USERNAME);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  it('holds an officer without TOTP at enrolment: no page and no data before it', async () => {
    const { page } = h;
    await submitPassword();
    await page.getByText('Thiết lập xác thực hai lớp').waitFor();
    await page.getByAltText('Mã QR để thêm tài khoản vào ứng dụng xác thực').waitFor();
    secret = (await page.locator('code').first().innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The same secret as an otpauth link, for an authenticator on the device itself.
    const link = await page
      .getByRole('link', { name: 'Mở bằng ứng dụng xác thực trên máy này' })
      .getAttribute('href');
    expect(link).toMatch(/^otpauth:\/\/totp\//);
    expect(link).toContain(`secret=${secret}`);
    expect(decodeURIComponent(link!)).toContain(USERNAME);

    // The API refuses data to this half-signed-in session, and the app sends it back to enrolment.
    const people = await page.request.get(h.url('/api/v1/people'));
    expect(people.status()).toBe(401);
    expect(((await people.json()) as { code: string }).code).toBe('AUTH.ENROLMENT_REQUIRED');
    await page.goto(h.url('/people'));
    await page.waitForURL(/\/sign-in/);
    await page.getByText('Thiết lập xác thực hai lớp').waitFor();
    // Reloading started a new enrolment for this session: read the secret shown now.
    secret = (await page.locator('code').first().innerText()).trim();
    await h.screenshot(page, 'totp-enrol');
  });

  it('enrols with a code from the shown secret and shows ten recovery codes once', async () => {
    const { page } = h;
    await page.getByLabel('Mã xác thực').fill(wrongCodeFor(secret));
    await page.getByRole('button', { name: 'Kích hoạt' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Mã xác thực không đúng hoặc đã hết hạn.');

    enrolledAt = Date.now();
    await page.getByLabel('Mã xác thực').fill(currentTotp(secret, enrolledAt));
    await page.getByRole('button', { name: 'Kích hoạt' }).click();
    await page.getByText('Lưu mã khôi phục').waitFor();
    const codes = await page.locator('.ant-list-item code').allInnerTexts();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-f]{5}-[0-9a-f]{5}$/);
    await h.screenshot(page, 'totp-recovery-codes');
    await page.getByRole('button', { name: 'Tôi đã lưu các mã này, tiếp tục' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain('Trần Minh Khoa');
  });

  it('signs out, refuses a wrong code in Vietnamese, then signs in with the current code', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/sign-in/);

    await submitPassword();
    const codeField = page.getByLabel('Mã xác thực');
    await codeField.waitFor();
    expect(await page.getByText('Xác thực hai lớp', { exact: true }).isVisible()).toBe(true);

    await codeField.fill(wrongCodeFor(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Mã xác thực không đúng hoặc đã hết hạn.');
    expect(await page.getByTestId('current-user').count()).toBe(0);
    const refused = await page.request.get(h.url('/api/v1/people'));
    expect(refused.status()).toBe(401);
    await h.screenshot(page, 'totp-wrong-code');

    // The enrolment used this step's code; the server takes each step once.
    await nextStep(enrolledAt);
    await codeField.fill(currentTotp(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain('Trần Minh Khoa');
    const people = await page.request.get(h.url('/api/v1/people'));
    expect(people.status()).toBe(200);
    expect(h.pageErrors).toEqual([]);
  });
});
