import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombWorkbook } from '../src/platform/xlsx/workbook-bomb.test-helper.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/demo/seed-demo.ts';
import { currentTotp } from '../src/platform/auth/two-factor.ts';
import { multipart } from './support/workbooks.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Resident set size of a process, from the kernel (what the machine really gives it). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /TĐKT đang chạy tại http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out.slice(-2000)}`));
    });
  });
}

/**
 * The real server (the demo start: embedded PGlite, demo accounts), a real officer's session and
 * three hostile workbooks: one whose directory declares 325 MB of shared strings, one that
 * declares 40 MB and expands to 325 MB, and one that declares 95 MB honestly and holds 5.6
 * million entries. Meanwhile the server's RSS is sampled from /proc and /health is timed.
 */
describe('a workbook bomb sent to the running server', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tdkt-bomb-'));
  let server: ChildProcess;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    server = spawn(process.execPath, ['bin/tdkt.mjs', 'start', '--no-build'], {
      cwd: root,
      env: {
        ...process.env,
        TDKT_DATA_DIR: path.join(dir, 'data'),
        TDKT_BACKUP_DIR: path.join(dir, 'backups'),
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    base = `http://127.0.0.1:${await waitForPort(server, 300_000)}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tdkt.myquy', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const session = /tdkt_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    expect(session).toBeDefined();
    cookie = session!;
    const verify = await fetch(`${base}/api/v1/auth/totp/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ code: currentTotp(DEMO_TOTP_SECRET) }),
    });
    expect(verify.status, await verify.text()).toBe(200);
  }, 320_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps RSS growth under 600 MB and /health answering within 2 s, and refuses each in Vietnamese', async () => {
    const files = await Promise.all([
      bombWorkbook({ sharedStrings: 20_000_000 }),
      bombWorkbook({ sharedStrings: 20_000_000, declareSharedStringsBytes: 40 * 1024 * 1024 }),
      bombWorkbook({ sharedStrings: 5_600_000 }),
    ]);
    const pid = server.pid!;
    const baseline = rssMb(pid);
    let peak = baseline;
    let slowestHealth = 0;
    let healthChecks = 0;
    let sampling = true;
    const rssSampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rssMb(pid));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const healthSampler = (async () => {
      while (sampling) {
        const started = performance.now();
        const res = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        slowestHealth = Math.max(slowestHealth, performance.now() - started);
        healthChecks++;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    const send = async (name: string, file: Buffer) => {
      const body = multipart(name, file, { kind: 'people' });
      return fetch(`${base}/api/v1/imports`, {
        method: 'POST',
        headers: { ...body.headers, cookie },
        body: new Uint8Array(body.payload),
      });
    };
    const waitForJob = async (jobId: string) => {
      for (let i = 0; i < 1200; i++) {
        const job = (await (
          await fetch(`${base}/api/v1/imports/${jobId}`, { headers: { cookie } })
        ).json()) as {
          status: string;
          errors: { message: string }[];
        };
        if (!['queued', 'staging', 'publishing'].includes(job.status)) return job;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('import did not finish');
    };

    try {
      const declared = await send('bom.xlsx', files[0]!);
      expect(declared.status).toBe(400);
      expect(((await declared.json()) as { message: string }).message).toMatch(
        /^Tệp Excel vượt giới hạn đọc: bảng chuỗi dùng chung giải nén ra 325 MB/,
      );

      const jobs: string[] = [];
      for (const [name, file] of [
        ['bom-gia.xlsx', files[1]!],
        ['bom-that.xlsx', files[2]!],
      ] as const) {
        const res = await send(name, file);
        expect(res.status).toBe(202);
        jobs.push(((await res.json()) as { jobId: string }).jobId);
      }
      for (const jobId of jobs) {
        const job = await waitForJob(jobId);
        expect(job.status).toBe('failed');
        expect(job.errors[0]!.message).toMatch(
          /^Tệp Excel vượt giới hạn đọc: bảng chuỗi dùng chung có hơn 1\.000\.000 mục/,
        );
      }
    } finally {
      sampling = false;
      await Promise.all([rssSampler, healthSampler]);
    }
    console.log(
      `bomb: server RSS ${baseline.toFixed(0)} MB → peak ${peak.toFixed(0)} MB (growth ${(peak - baseline).toFixed(0)} MB); ` +
        `slowest of ${healthChecks} /health ${slowestHealth.toFixed(0)} ms`,
    );
    expect(healthChecks).toBeGreaterThan(0);
    expect(peak - baseline).toBeLessThan(600);
    expect(slowestHealth).toBeLessThan(2000);
  }, 300_000);
});
