import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

export function writeResults(name: string, results: unknown): void {
  const dir = path.resolve(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
  );
}

/** Prints one line: the figure, its target, and the floor measured in the same run. */
export function report(label: string, value: string, target: string, floor: string, ok: boolean): void {
  console.log(`${ok ? 'OK  ' : 'MISS'} ${label}: ${value} (target ${target}; floor ${floor})`);
}
