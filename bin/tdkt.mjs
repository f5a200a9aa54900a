#!/usr/bin/env node
// The `tdkt` command. The sources run from a bundle esbuild builds on first use and rebuilds
// when a source changes (bin/server-bundle.mjs: it saves seconds of every start); with
// TDKT_NO_BUNDLE=1, or when the bundle cannot be built, TypeScript runs through tsx's loader
// (ADR 0001). Either way there is no build step to remember: tests, CLI and server run the same
// sources.
import { loadBundledMain } from './server-bundle.mjs';

let main = process.env.TDKT_NO_BUNDLE === '1' ? undefined : await loadBundledMain();
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
