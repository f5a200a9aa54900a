import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import pg from 'pg';

export type PgServer = { url: string; stop(): void };

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const v = versions.find((x) => existsSync(path.join(base, x, 'bin/initdb')));
  if (!v)
    throw new Error('PostgreSQL is not installed (apt-get install postgresql), or set BENCH_DATABASE_URL.');
  return path.join(base, v, 'bin');
}

/**
 * A PostgreSQL server for benchmarks: BENCH_DATABASE_URL or TEST_DATABASE_URL when set, else a
 * private throw-away cluster on 127.0.0.1 (as .ci/run does), stopped at the end.
 */
export async function startPostgres(database: string): Promise<PgServer> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let baseUrl: string;
  let stop = () => undefined as void;
  if (given) {
    baseUrl = given;
  } else {
    const bin = pgBin();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tdkt-bench-pg-'));
    const asRoot = process.getuid?.() === 0;
    const run = (cmd: string, args: string[]) => {
      if (asRoot) {
        const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
        const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
        chownSync(dir, uid, gid);
        execFileSync(
          'su',
          ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map((a) => `'${a}'`).join(' ')],
          { stdio: 'ignore' },
        );
      } else execFileSync(cmd, args, { stdio: 'ignore' });
    };
    const port = String(56000 + Math.floor(Math.random() * 1000));
    run(path.join(bin, 'initdb'), [
      '-D',
      `${dir}/data`,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    run(path.join(bin, 'pg_ctl'), [
      '-D',
      `${dir}/data`,
      '-l',
      `${dir}/log`,
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    baseUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stop = () => {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${database}`;
  return { url: u.toString(), stop };
}
