#!/usr/bin/env node
// The `tdkt` command. TypeScript runs through tsx's loader (ADR 0001): no build step for the
// server, and the same sources serve tests, CLI and server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
