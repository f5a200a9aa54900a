import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import {
  BackupError,
  backupFileName,
  createBackup,
  restoreBackup,
  verifyBackup,
} from '../platform/backup/backup.ts';
import { openForCli } from './open.ts';

/**
 * `tdkt backup [--out FILE]`. On an embedded install the server holds the PGlite folder, so the
 * command refuses while it runs (openForCli says which process and port); the running server
 * makes its own nightly backups, and an administrator can ask it for one with
 * POST /api/v1/admin/backups.
 */
export async function runBackupCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  const config = loadConfig();
  const out = path.resolve(values.out ?? path.join(config.dataDir, '..', 'backups', backupFileName()));
  const database = await openForCli(config);
  try {
    const manifest = await createBackup(database, config.dataDir, out);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Đã sao lưu ${manifest.tables.length} bảng (${rows} dòng) và ${manifest.files} tệp vào ${out}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

/** `tdkt restore FILE [--check]`: checks the archive, then restores it into an empty instance. */
export async function runRestoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { check: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    console.error('Cần đường dẫn tệp sao lưu: tdkt restore TỆP.tar.gz');
    return 2;
  }
  try {
    if (values.check) {
      const manifest = await verifyBackup(path.resolve(file));
      console.log(`Tệp sao lưu hợp lệ: ${manifest.parts.length} phần, tạo lúc ${manifest.createdAt}.`);
      return 0;
    }
    const config = loadConfig();
    const database = await openForCli(config);
    try {
      const manifest = await restoreBackup(database, config.dataDir, path.resolve(file));
      console.log(
        `Đã khôi phục ${manifest.tables.length} bảng và ${manifest.files} tệp từ bản sao lưu ${manifest.createdAt}.`,
      );
      return 0;
    } finally {
      await database.close();
    }
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(err.message);
      return 4;
    }
    throw err;
  }
}
