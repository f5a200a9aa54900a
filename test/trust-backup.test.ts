import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { writeAudit } from '../src/platform/audit/audit.ts';
import { verifyAudit } from '../src/platform/audit/verify-audit.ts';
import {
  BackupError,
  createBackup,
  fileChecksums,
  restoreBackup,
  tableChecksums,
  verifyBackup,
} from '../src/platform/backup/backup.ts';
import { DRIVERS, openTestDatabase, type Driver } from './support/test-app.ts';

/** An empty, migrated instance of the same driver: where a restore goes. */
async function openEmpty(driver: Driver): Promise<{ database: Database; drop(): Promise<void> }> {
  if (driver === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await runMigrations(database);
    return { database, drop: async () => undefined };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `tdkt_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 2 });
  await runMigrations(database);
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe.each(DRIVERS)('backup and restore on %s', (driver) => {
  let source: Database;
  let dropSource: () => Promise<void>;
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-backup-'));
  const sourceDir = path.join(dir, 'source');
  const archive = path.join(dir, 'backup.tar.gz');

  beforeAll(async () => {
    ({ database: source, drop: dropSource } = await openTestDatabase(driver));
    // Attachments under generated names, one of them larger than a gzip window.
    const files = path.join(sourceDir, 'files');
    mkdirSync(path.join(files, 'ab/cd'), { recursive: true });
    writeFileSync(path.join(files, 'ab/cd', 'a'.repeat(64) + '.pdf'), Buffer.from('%PDF-1.7 tờ trình'));
    writeFileSync(path.join(files, 'ab/cd', 'b'.repeat(64) + '.png'), randomBytes(300_000));
    await source.db.transaction((tx) =>
      writeAudit(
        tx,
        { userId: null, name: 'Sao lưu' },
        { chain: 'system', action: 'test.backup', entity: 'x' },
      ),
    );
  });

  afterAll(async () => {
    await source.close();
    await dropSource();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty instance with every table and every file identical', async () => {
    const manifest = await createBackup(source, sourceDir, archive);
    expect(manifest.tables.length).toBeGreaterThan(10);
    expect(manifest.files).toBe(2);
    expect(manifest.tables.find((t) => t.name === 'people')!.rows).toBeGreaterThan(60);

    const target = await openEmpty(driver);
    const targetDir = path.join(dir, 'target');
    try {
      await restoreBackup(target.database, targetDir, archive);
      const before = await tableChecksums(source.db);
      const after = await tableChecksums(target.database.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const [table, sum] of Object.entries(before))
        expect({ table, ...after[table] }).toEqual({ table, ...sum });
      expect(fileChecksums(targetDir)).toEqual(fileChecksums(sourceDir));
      // The audit chain survives the round trip, and sequences continue after restored rows.
      expect((await verifyAudit(target.database.db)).ok).toBe(true);
      await target.database.db.transaction((tx) =>
        writeAudit(
          tx,
          { userId: null, name: null },
          { chain: 'system', action: 'after.restore', entity: 'x' },
        ),
      );
      expect((await verifyAudit(target.database.db)).ok).toBe(true);

      // A second restore into the now non-empty instance is refused.
      await expect(restoreBackup(target.database, path.join(dir, 'other'), archive)).rejects.toThrow(
        /không trống/,
      );
    } finally {
      if (driver === 'pglite') await target.database.close();
      await target.drop();
    }
  }, 600_000);

  it('refuses a truncated archive and a corrupted one with a Vietnamese message, writing nothing', async () => {
    const bytes = readFileSync(archive);
    const truncated = path.join(dir, 'truncated.tar.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(verifyBackup(truncated)).rejects.toThrow(BackupError);
    await expect(verifyBackup(truncated)).rejects.toThrow(/không đầy đủ|hỏng/);

    const corrupted = path.join(dir, 'corrupted.tar.gz');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)]! ^= 0xff;
    writeFileSync(corrupted, copy);
    await expect(verifyBackup(corrupted)).rejects.toThrow(BackupError);

    const lastByteMissing = path.join(dir, 'short.tar.gz');
    writeFileSync(lastByteMissing, bytes.subarray(0, bytes.length - 1));
    await expect(verifyBackup(lastByteMissing)).rejects.toThrow(BackupError);

    const target = await openEmpty(driver);
    try {
      await expect(restoreBackup(target.database, path.join(dir, 't2'), truncated)).rejects.toThrow(
        BackupError,
      );
      const sums = await tableChecksums(target.database.db);
      expect(Object.values(sums).every((s) => s.rows === 0 || s.rows === undefined)).toBe(true);
    } finally {
      if (driver === 'pglite') await target.database.close();
      await target.drop();
    }
    expect(statSync(archive).size).toBe(bytes.length);
  }, 600_000);
});
