import path from 'node:path';

/**
 * Where this run's template databases live. Global setup makes a folder per run and passes it to
 * the workers through the environment, so two runs side by side never read each other's files.
 */
export const TEST_DIR = process.env.TDKT_TEST_DIR ?? path.resolve(import.meta.dirname, '../../.tdkt-test');
export const PG_TEMPLATE_DB = process.env.TDKT_PG_TEMPLATE ?? 'tdkt_test_template';

export const isCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * PostgreSQL tests run when TEST_DATABASE_URL is set. Locally its absence skips them with a loud
 * line; in CI it fails the run (a skipped test proves nothing).
 */
export function requirePostgresInCi(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (isCi) throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot run.');
    console.warn(
      '\n*** TEST_DATABASE_URL is not set: PostgreSQL variants of the API tests are NOT run. ***\n',
    );
  }
  return url;
}
