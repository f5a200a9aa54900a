import { createHash } from 'node:crypto';
import type { App } from '../../src/app.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { DEMO_TOTP_SECRET } from '../../src/demo/seed-demo.ts';
import { currentTotp } from '../../src/platform/auth/two-factor.ts';

/**
 * Passes the second factor for a test sign-in (trust issue, item 3): demo accounts answer with
 * the code of the known demo secret; an account that must enrol first enrols a fresh secret.
 * A code is accepted once per user and 30-second step, so when a test signs the same account
 * in again within the step, the session is marked verified directly in the database, which is
 * what the accepted code would have done.
 */
export async function passSecondFactor(
  app: App,
  database: Database,
  cookie: string,
  state: string | undefined,
): Promise<void> {
  if (state === undefined || state === 'none') return;
  const post = (url: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  if (state === 'enrolment_required') {
    const enrol = await post('/api/v1/auth/totp/enrol');
    if (enrol.statusCode !== 200) throw new Error(`enrol failed: ${enrol.statusCode} ${enrol.body}`);
    const { secret } = enrol.json() as { secret: string };
    const confirm = await post('/api/v1/auth/totp/confirm', { code: currentTotp(secret) });
    if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.statusCode} ${confirm.body}`);
    return;
  }
  const res = await post('/api/v1/auth/totp/verify', { code: currentTotp(DEMO_TOTP_SECRET) });
  if (res.statusCode === 200) return;
  if (res.statusCode === 409 && (res.json() as { code: string }).code === 'AUTH.CODE_REUSED') {
    const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
    const tokenHash = createHash('sha256').update(token).digest('hex');
    await database.query('update sessions set verified_at = now() where token_hash = $1', [tokenHash]);
    return;
  }
  throw new Error(`second factor failed: ${res.statusCode} ${res.body}`);
}
