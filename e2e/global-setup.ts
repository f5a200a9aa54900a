import { buildWebForTests } from './support/web-build.ts';

/** Runs once per vitest run, in the main process, before any browser test file. */
export default async function setup(): Promise<void> {
  await buildWebForTests();
}
