#!/usr/bin/env node
// Runs every test (unit, API on PGlite and PostgreSQL, browser end-to-end) and ends with the
// plain line CI reads: "N passed, N failed". In CI a skipped test fails the run: a skipped test
// proves nothing (README, DESIGN §6).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
rmSync(report, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });

if (!existsSync(report)) {
  console.log('0 passed, 1 failed');
  process.exit(run.status || 1);
}
const r = JSON.parse(readFileSync(report, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
const failedSuites = (r.testResults ?? []).filter(
  (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
).length;
const failed = r.numFailedTests + failedSuites;
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (ci && skipped > 0) console.log(`CI: ${skipped} test(s) skipped — in CI nothing may be skipped.`);
console.log(`${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
const ok = run.status === 0 && r.success && r.numTotalTests > 0 && failed === 0 && !(ci && skipped > 0);
process.exit(ok ? 0 : 1);
