import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { peopleWorkbook, type PeopleRow } from './support/workbooks.ts';

const root = path.resolve(import.meta.dirname, '..');

function waitForLine(child: ReturnType<typeof spawn>, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`timeout waiting for ${pattern}; got: ${buffer.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = buffer.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (buffer += c.toString()));
    child.on('exit', (code) => {
      if (!pattern.test(buffer)) {
        clearTimeout(timer);
        reject(new Error(`exited ${code} before ${pattern}: ${buffer.slice(-2000)}`));
      }
    });
  });
}

describe('a process killed mid-import (SIGKILL)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tdkt-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves no partial rows, and the next start recovers the data folder and serves', async () => {
    const dataDir = path.join(dir, 'data');
    const workbook = path.join(dir, 'big.xlsx');
    const rows: PeopleRow[] = [];
    for (let i = 0; i < 12_000; i++)
      rows.push([
        null,
        `Phạm Văn Thử ${i}`,
        'Nam',
        '01/01/1990',
        null,
        'MQ-K3',
        null,
        'Người lao động',
        null,
      ]);
    writeFileSync(workbook, await peopleWorkbook(rows));

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/crash-child.ts', dataDir, workbook],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const seeded = await waitForLine(child, /SEEDED (\d+)/, 120_000);
    const seedCount = Number(seeded.split(' ')[1]);
    await waitForLine(child, /STAGING \d+/, 120_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // The real server starts on the same folder: stale lock taken over, stale import discarded.
    const server = spawn(process.execPath, ['bin/tdkt.mjs', 'start', '--no-build', '--no-demo'], {
      cwd: root,
      env: { ...process.env, TDKT_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await waitForLine(server, /http:\/\/localhost:(\d+)/, 120_000);
      const port = line.split(':').at(-1);
      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      expect(health.status).toBe(200);
      // A CLI command beside the running server refuses clearly instead of opening the folder twice.
      const cli = spawn(process.execPath, ['bin/tdkt.mjs', 'migrate'], {
        cwd: root,
        env: { ...process.env, TDKT_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      cli.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise((r) => cli.once('exit', r));
      expect(code).toBe(1);
      expect(stderr).toContain(`đang được tiến trình ${server.pid}`);
      expect(stderr).toContain(`cổng ${port}`);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }

    const { openDatabase } = await import('../src/platform/db/client.ts');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const [people] = await database.query<{ n: number }>('select count(*)::int as n from people');
      const [staging] = await database.query<{ n: number }>('select count(*)::int as n from import_staging');
      const jobs = await database.query<{ status: string }>('select status from import_jobs');
      expect(people!.n).toBe(seedCount);
      expect(staging!.n).toBe(0);
      expect(jobs.map((j) => j.status)).toEqual(['failed']);
    } finally {
      await database.close();
    }
  }, 600_000);
});
