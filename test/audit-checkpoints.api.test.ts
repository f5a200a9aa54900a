import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { queryRows, type Database } from '../src/platform/db/client.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import { DEMO_PASSWORD, type DemoIds } from '../src/demo/seed-demo.ts';
import { auditHash, auditWriteCount } from '../src/platform/audit/audit.ts';
import { AuditCheckpointer } from '../src/platform/audit/checkpointer.ts';
import { latestCheckpoint, readPublicKey, type TrustPaths } from '../src/platform/audit/checkpoint.ts';
import { toHashRow, verifyAudit, type RawAuditRow } from '../src/platform/audit/verify-audit.ts';
import { DRIVERS, openTestDatabase } from './support/test-app.ts';
import { passSecondFactor } from './support/second-factor.ts';

const root = path.resolve(import.meta.dirname, '..');
const EVERY = 3;

type AuditRow = RawAuditRow;

const forHash = toHashRow;

/**
 * What a database superuser can do: turn the append-only triggers off, rewrite one row, then
 * recompute every later hash of its chain and the chain head so the chain is whole again, and
 * turn the triggers back on.
 */
async function rewriteAndRecompute(database: Database, chain: string, position: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    const rows = await queryRows<AuditRow & { prev_hash: string }>(
      tx,
      sql`select seq, chain, at, actor_user_id, actor_name, action, entity, entity_id, org_unit_id,
                 before, after, correlation_id, chain_seq, prev_hash
            from audit_log where chain = ${chain} order by seq`,
    );
    let prev = rows[position - 1]!.prev_hash;
    for (const [i, r] of rows.entries()) {
      if (i < position - 1) continue;
      if (i === position - 1) r.after = { rating: 'excellent', forged: 'bởi quản trị cơ sở dữ liệu' };
      const hash = auditHash(prev, forHash(r));
      await tx.execute(
        sql`update audit_log set after = ${JSON.stringify(r.after)}::jsonb, prev_hash = ${prev}, hash = ${hash}
             where seq = ${r.seq}`,
      );
      prev = hash;
    }
    await tx.execute(sql`update audit_chain_heads set hash = ${prev} where chain = ${chain}`);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

function checkpointFiles(paths: TrustPaths): string[] {
  if (!existsSync(paths.checkpointDir)) return [];
  return readdirSync(paths.checkpointDir).filter((n) => n.startsWith('audit-checkpoint-'));
}

describe.each(DRIVERS)('audit checkpoints every N writes on %s', (driver) => {
  let database: Database;
  let ids: DemoIds;
  let url: string | undefined;
  let drop: () => Promise<void>;
  let app: App;
  let checkpointer: AuditCheckpointer;
  let cookie: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'auth-checkpoints-'));
  // The key outside the data folder, as a single file on its own path.
  const paths: TrustPaths = {
    keyDir: path.join(dir, 'unused-key-dir'),
    keyFile: path.join(dir, 'secrets', 'audit-signing.key'),
    checkpointDir: path.join(dir, 'checkpoints'),
  };

  beforeAll(async () => {
    ({ database, ids, drop, url } = await openTestDatabase(driver));
    checkpointer = new AuditCheckpointer(database.db, paths, EVERY);
    const config = { ...loadConfig({}), dataDir: path.join(dir, 'data') };
    app = await buildApp(
      { config, database, directory: new DirectoryCache(database.db, 0) },
      { auditCheckpointer: checkpointer },
    );
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tdkt.longxuyen', password: DEMO_PASSWORD },
    });
    cookie = `tdkt_session=${login.cookies.find((c) => c.name === 'tdkt_session')!.value}`;
    await passSecondFactor(app, database, cookie, (login.json() as { secondFactor?: string }).secondFactor);
    await checkpointer.idle();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs the chain heads after N audited writes, off the request, and a verifier finds a recomputed rewrite', async () => {
    // Writes through the API; the checkpoint appears once N of them are counted, not before.
    rmSync(paths.checkpointDir, { recursive: true, force: true });
    const counted = auditWriteCount();
    let written = 0;
    for (let i = 0; checkpointFiles(paths).length === 0; i++) {
      expect(i).toBeLessThan(EVERY + 3);
      const res = await app.inject({
        method: 'PUT',
        url: `/api/v1/people/${ids.advancedWorker2022[3]}/ratings`,
        headers: { cookie },
        payload: { year: 2025, rating: i % 2 ? 'good' : 'completed' },
      });
      expect(res.statusCode).toBe(200);
      written++;
      await checkpointer.idle();
      if (checkpointFiles(paths).length === 0) expect(auditWriteCount() - counted).toBeLessThan(EVERY + 1);
    }
    expect(written).toBeLessThanOrEqual(EVERY);
    expect(checkpointFiles(paths)).toHaveLength(1);
    // The key lives where it was put, its public half beside it and beside the checkpoints.
    expect(existsSync(paths.keyFile!)).toBe(true);
    expect(existsSync(path.join(paths.keyDir, 'audit-ed25519.key'))).toBe(false);
    const publicFile = path.join(paths.checkpointDir, 'audit-ed25519.pub');
    expect(readFileSync(publicFile, 'utf8')).toBe(readFileSync(`${paths.keyFile}.pub`, 'utf8'));

    const checkpoint = latestCheckpoint(paths, readPublicKey(publicFile))!;
    const [person] = await queryRows<{ chain: string; seq: string | number }>(
      database.db,
      sql`select chain, chain_seq as seq from audit_log where action = 'person.rating' order by seq desc limit 1`,
    );
    const head = checkpoint.payload.heads.find((h) => h.chain === person!.chain)!;
    expect(head.seq).toBe(Number(person!.seq));
    expect((await verifyAudit(database.db, { checkpoint: checkpoint.payload.heads })).ok).toBe(true);

    // Writes after the checkpoint, then the rewrite of a row the checkpoint covers.
    const later = await app.inject({
      method: 'PUT',
      url: `/api/v1/people/${ids.advancedWorker2022[3]}/ratings`,
      headers: { cookie },
      payload: { year: 2024, rating: 'good' },
    });
    expect(later.statusCode).toBe(200);
    await checkpointer.idle();
    await rewriteAndRecompute(database, person!.chain, Math.max(1, head.seq - 1));

    // Without the checkpoint the recomputed chain looks whole: that is the attack.
    expect((await verifyAudit(database.db)).ok).toBe(true);
    if (driver === 'pglite') {
      const found = await verifyAudit(database.db, { checkpoint: checkpoint.payload.heads });
      expect(found.ok).toBe(false);
      expect(found.chains.find((c) => c.chain === person!.chain)!.firstBreak!.reason).toBe(
        'checkpoint_mismatch',
      );
      return;
    }

    // The real CLI, on another machine's view: only the database URL, the checkpoint folder and
    // the exported public key (copied away, no private key reachable).
    const keyOut = spawnSync(process.execPath, ['bin/tdkt.mjs', 'audit-key', '--public'], {
      cwd: root,
      env: { ...process.env, TDKT_AUDIT_KEY_FILE: paths.keyFile, TDKT_DATA_DIR: path.join(dir, 'data') },
      encoding: 'utf8',
    });
    expect(keyOut.status).toBe(0);
    expect(keyOut.stdout).toBe(readFileSync(publicFile, 'utf8'));
    const verifierDir = mkdtempSync(path.join(dir, 'verifier-'));
    const verifierKey = path.join(verifierDir, 'audit.pub');
    writeFileSync(verifierKey, keyOut.stdout);
    const run = spawnSync(process.execPath, ['bin/tdkt.mjs', 'verify-audit', '--public-key', verifierKey], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        TDKT_DATA_DIR: path.join(verifierDir, 'data'),
        TDKT_KEY_DIR: path.join(verifierDir, 'no-keys-here'),
        TDKT_CHECKPOINT_DIR: paths.checkpointDir,
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(3);
    expect(run.stdout).toContain(`✗ Chuỗi ${person!.chain}: dòng thứ ${head.seq} khác với mốc đã ký`);
    expect(run.stdout).toContain('lịch sử bị viết lại');
    expect(run.stdout).toContain('PHÁT HIỆN NHẬT KÝ KIỂM TOÁN BỊ THAY ĐỔI');
    // The verifier never made a key of its own.
    expect(existsSync(path.join(verifierDir, 'no-keys-here'))).toBe(false);
  }, 180_000);

  it('runs one checkpoint at a time per process: a second call joins the running one', async () => {
    const solo = new AuditCheckpointer(database.db, { ...paths, checkpointDir: path.join(dir, 'solo') }, 0);
    const a = solo.run('start');
    const b = solo.run('writes');
    expect(b).toBe(a);
    await solo.idle();
    expect(readdirSync(path.join(dir, 'solo')).filter((n) => n.startsWith('audit-checkpoint-'))).toHaveLength(
      1,
    );
  });
});
