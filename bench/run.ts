// `npm run bench`: runs every benchmark file in its own process, one after another (two cores,
// shared machines: never in parallel), and prints each file's figures beside its floor.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(dir, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed++;
    console.log(`(${file} exited ${run.status})`);
  }
}
console.log(
  `\n${files.length - failed} benchmark file(s) ran, ${failed} failed; figures in bench/results/*.json`,
);
process.exit(failed ? 1 : 0);
