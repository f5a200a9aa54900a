import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../src/platform/db/client.ts';
import { writeAudit } from '../src/platform/audit/audit.ts';
import { verifyAudit } from '../src/platform/audit/verify-audit.ts';
import {
  CheckpointSignatureError,
  latestCheckpoint,
  loadOrCreateInstanceKey,
  readCheckpoint,
  writeCheckpoint,
} from '../src/platform/audit/checkpoint.ts';
import { DRIVERS, openTestDatabase } from './support/test-app.ts';

const CHAINS = ['system', 'body-a', 'body-b', 'body-c'];
const EDITABLE = [
  'action',
  'actor_name',
  'before',
  'after',
  'at',
  'entity_id',
  'chain_seq',
  'prev_hash',
  'hash',
] as const;

class Rollback extends Error {}

/** Runs `fn` as a database superuser with the append-only triggers off, then rolls back. */
async function asAttacker<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return result as T;
}

type Row = { seq: number; chain: string };

async function tamper(
  tx: Tx,
  rows: readonly Row[],
  op: { kind: 'edit' | 'delete' | 'reorder'; pick: number; other: number; field: number },
): Promise<string> {
  const target = rows[op.pick % rows.length]!;
  if (op.kind === 'delete') {
    await tx.execute(sql`delete from audit_log where seq = ${target.seq}`);
    return target.chain;
  }
  if (op.kind === 'edit') {
    const field = EDITABLE[op.field % EDITABLE.length]!;
    const change = {
      action: sql`update audit_log set action = action || 'x' where seq = ${target.seq}`,
      actor_name: sql`update audit_log set actor_name = coalesce(actor_name, '') || 'Kẻ giả mạo' where seq = ${target.seq}`,
      before: sql`update audit_log set before = jsonb_build_object('forged', true) where seq = ${target.seq}`,
      after: sql`update audit_log set after = coalesce(after, '{}'::jsonb) || '{"amount": 999}'::jsonb where seq = ${target.seq}`,
      at: sql`update audit_log set at = at + interval '1 second' where seq = ${target.seq}`,
      entity_id: sql`update audit_log set entity_id = coalesce(entity_id, '') || '1' where seq = ${target.seq}`,
      chain_seq: sql`update audit_log set chain_seq = chain_seq + 1 where seq = ${target.seq}`,
      prev_hash: sql`update audit_log set prev_hash = md5(prev_hash) || md5(prev_hash) where seq = ${target.seq}`,
      hash: sql`update audit_log set hash = md5(hash) || md5(hash) where seq = ${target.seq}`,
    }[field];
    await tx.execute(change);
    return target.chain;
  }
  // Reorder: two distinct rows of the same chain trade places.
  const same = rows.filter((r) => r.chain === target.chain && r.seq !== target.seq);
  const other = same[op.other % same.length]!;
  await tx.execute(sql`update audit_log set seq = -1 where seq = ${target.seq}`);
  await tx.execute(sql`update audit_log set seq = ${target.seq} where seq = ${other.seq}`);
  await tx.execute(sql`update audit_log set seq = ${other.seq} where seq = -1`);
  return target.chain;
}

describe.each(DRIVERS)('tamper-evident audit log on %s', (driver) => {
  let database: Database;
  let drop: () => Promise<void>;
  let rows: Row[];
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-audit-'));
  const paths = { keyDir: path.join(dir, 'keys'), checkpointDir: path.join(dir, 'checkpoints') };

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase(driver));
    // 120 more rows over four chains, with nested values, unicode and nulls.
    for (let i = 0; i < 120; i++) {
      await database.db.transaction((tx) =>
        writeAudit(
          tx,
          { userId: null, name: i % 3 === 0 ? null : `Người dùng ${i}` },
          {
            chain: CHAINS[i % CHAINS.length]!,
            action: 'test.write',
            entity: 'thing',
            entityId: String(i),
            before: i % 2 ? null : { n: i, tên: 'Liêu Quốc Bình', list: [1, 'a', null] },
            after: { n: i + 1, nested: { z: 1, a: [true, false] } },
          },
        ),
      );
    }
    rows = (
      await queryRows<{ seq: string | number; chain: string }>(
        database.db,
        sql`select seq, chain from audit_log order by seq`,
      )
    ).map((r) => ({ seq: Number(r.seq), chain: r.chain }));
  });

  afterAll(async () => {
    await database.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an untouched log, every chain intact', async () => {
    const result = await verifyAudit(database.db);
    expect(result.ok).toBe(true);
    expect(result.rowsChecked).toBe(rows.length);
    expect(result.chains.map((c) => c.chain)).toEqual(expect.arrayContaining(CHAINS));
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log for the application', async () => {
    await expect(database.query('update audit_log set action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(database.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(database.query('truncate audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('detects 1,000 of 1,000 random edits, deletions and reorderings, naming the tampered chain', async () => {
    let detected = 0;
    const kinds: Record<string, number> = { edit: 0, delete: 0, reorder: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.constantFrom('edit' as const, 'delete' as const, 'reorder' as const),
          pick: fc.nat(),
          other: fc.nat(),
          field: fc.nat(),
        }),
        async (op) => {
          const { chain, result } = await asAttacker(database, async (tx) => {
            const chain = await tamper(tx, rows, op);
            // The tampered chain is verified alone: a full pass per trial is the same code on
            // four times the rows, and the full pass runs before and after the trials.
            return { chain, result: await verifyAudit(tx, { chains: [chain] }) };
          });
          kinds[op.kind] = (kinds[op.kind] ?? 0) + 1;
          expect(result.ok).toBe(false);
          expect(result.chains.find((c) => c.chain === chain)?.firstBreak).not.toBeNull();
          detected++;
        },
      ),
      { numRuns: 1000, seed: 20231226 },
    );
    expect(detected).toBe(1000);
    expect(kinds.edit! + kinds.delete! + kinds.reorder!).toBe(1000);
    // The attacker's transactions were rolled back: the log verifies again.
    expect((await verifyAudit(database.db)).ok).toBe(true);
  }, 900_000);

  it('catches a deleted tail whose head was rewritten too, against the signed checkpoint', async () => {
    const written = await writeCheckpoint(database.db, paths);
    expect(written.ok).toBe(true);
    const checkpoint = latestCheckpoint(paths);
    expect(checkpoint?.payload.heads.length).toBeGreaterThanOrEqual(CHAINS.length);

    const result = await asAttacker(database, async (tx) => {
      const [last] = await queryRows<{ seq: string; prev_hash: string }>(
        tx,
        sql`select seq, prev_hash from audit_log where chain = 'body-a' order by seq desc limit 1`,
      );
      await tx.execute(sql`delete from audit_log where seq = ${last!.seq}`);
      await tx.execute(
        sql`update audit_chain_heads set hash = ${last!.prev_hash}, seq = seq - 1 where chain = 'body-a'`,
      );
      const without = await verifyAudit(tx);
      const withCheckpoint = await verifyAudit(tx, { checkpoint: checkpoint!.payload.heads });
      return { without, withCheckpoint };
    });
    // Without the signed file the rewrite is self-consistent; with it, it is caught.
    expect(result.without.ok).toBe(true);
    expect(result.withCheckpoint.ok).toBe(false);
    expect(result.withCheckpoint.chains.find((c) => c.chain === 'body-a')?.firstBreak?.reason).toBe(
      'checkpoint_ahead',
    );
  });

  it('refuses a checkpoint file whose heads were edited after signing', () => {
    const file = path.join(paths.checkpointDir, readCheckpointName(paths.checkpointDir));
    const content = JSON.parse(readFileSync(file, 'utf8')) as { payload: { heads: { hash: string }[] } };
    content.payload.heads[0]!.hash = '0'.repeat(64);
    const forged = path.join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify(content));
    const key = loadOrCreateInstanceKey(paths.keyDir);
    expect(() => readCheckpoint(forged, key.publicKey)).toThrow(CheckpointSignatureError);
    expect(() => readCheckpoint(file, key.publicKey)).not.toThrow();
  });
});

function readCheckpointName(dir: string): string {
  return readdirSync(dir)
    .sort()
    .find((n) => n.startsWith('audit-checkpoint-'))!;
}
