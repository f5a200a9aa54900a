import path from 'node:path';
import { ensureWebBuilt } from '../../src/cli/start.ts';

export const WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

/**
 * Builds dist/web when src/web or src/contracts changed since the last build. Called once per
 * run from the e2e global setup, before any test file starts a server, so no two builds race
 * and no server serves a half-emptied folder.
 */
export async function buildWebForTests(): Promise<void> {
  const started = Date.now();
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await ensureWebBuilt((line) => console.log(`[e2e] ${line}`));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const ms = Date.now() - started;
  if (ms > 1000) console.log(`[e2e] web app ready in ${ms} ms`);
}
