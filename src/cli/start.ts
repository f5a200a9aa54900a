import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { updateLockPort } from '../platform/db/lock.ts';
import { countUsers, insertUser } from '../platform/auth/users.repository.ts';
import { passwordProblem } from '../platform/auth/passwords.ts';
import { DirectoryCache, orgUnits } from '../organizations/index.ts';
import { buildApp } from '../app.ts';
import { startTrustJobs } from '../platform/backup/schedule.ts';
import { trustPaths } from '../platform/audit/checkpoint.ts';
import { AuditCheckpointer, checkpointEveryOf } from '../platform/audit/checkpointer.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../demo/index.ts';
import { discardStaleImports } from '../imports/index.ts';
import { startReminderSweeps } from '../notifications/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when its sources are newer than the last build ("builds what is needed"). */
export async function ensureWebBuilt(log: (s: string) => void = console.log): Promise<void> {
  const index = path.join(root, 'dist/web/index.html');
  const sources = [path.join(root, 'src/web'), path.join(root, 'src/contracts')];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > 0 && sources.every((s) => newestMtime(s) <= built)) return;
  log('Đang dựng giao diện web (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'src/web/vite.config.ts'), logLevel: 'warn' });
}

export type StartOptions = { demo: boolean; buildWeb: boolean };

export async function start(options: StartOptions): Promise<number> {
  const config = loadConfig();
  const started = Date.now();
  if (options.buildWeb) await ensureWebBuilt();
  const database: Database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  await runMigrations(database);
  await discardStaleImports(database.db);

  const empty = (await database.db.select({ id: orgUnits.id }).from(orgUnits).limit(1)).length === 0;
  const demo = options.demo && !config.production;
  if (empty && demo) {
    console.log('Lần chạy đầu: nạp dữ liệu minh họa từ báo cáo năm 2023 của phường Mỹ Quý…');
    await seedDemo(database.db);
  }
  if (!demo && (await countUsers(database.db)) === 0) {
    await createFirstAdmin(database);
  }

  const directory = new DirectoryCache(database.db);
  const checkpointer = new AuditCheckpointer(database.db, trustPaths(config.dataDir), checkpointEveryOf());
  const app = await buildApp(
    { config, database, directory },
    { logger: { level: process.env.LOG_LEVEL ?? 'warn' }, auditCheckpointer: checkpointer },
  );
  const address = await app.listen({ port: config.port, host: config.host });
  // Signed at start in the background: the server answers while the log is verified.
  void checkpointer.run('start');
  const trustJobs = startTrustJobs(database, config, console.log, checkpointer);
  startReminderSweeps(database);
  const port = Number(new URL(address).port);
  if (database.lock) updateLockPort(database.lock, port);

  const shown = `http://localhost:${port}`;
  console.log(
    `\nTĐKT đang chạy tại ${shown} (cơ sở dữ liệu: ${database.driver === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL'}) — khởi động ${Date.now() - started} ms`,
  );
  if (demo) {
    console.log(`Tài khoản minh họa (mật khẩu: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(20)} ${a.description} — ${a.unit}`);
  }

  const stop = async (signal: string) => {
    console.log(`\nNhận ${signal}, đang dừng…`);
    trustJobs.stop();
    await app.close();
    await checkpointer.idle();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return new Promise<number>(() => undefined);
}

/** A production start creates no demo data and asks for the first administrator. */
async function createFirstAdmin(database: Database): Promise<void> {
  let username = process.env.TDKT_ADMIN_USERNAME;
  let password = process.env.TDKT_ADMIN_PASSWORD;
  if (!username || !password) {
    if (!process.stdin.isTTY) {
      throw new Error(
        'Chưa có quản trị viên. Đặt TDKT_ADMIN_USERNAME và TDKT_ADMIN_PASSWORD, hoặc chạy trong terminal để nhập.',
      );
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    username = (await rl.question('Tên đăng nhập của quản trị viên đầu tiên: ')).trim();
    password = await rl.question('Mật khẩu (ít nhất 10 ký tự): ');
    rl.close();
  }
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  const provinceCode = process.env.TDKT_PROVINCE_CODE ?? 'AG';
  const provinceName = process.env.TDKT_PROVINCE_NAME ?? 'Tỉnh An Giang';
  const { insertOrgUnit } = await import('../organizations/index.ts');
  await database.db.transaction(async (tx) => {
    const existing = await tx.select().from(orgUnits).limit(1);
    const rootId =
      existing[0]?.id ??
      (
        await insertOrgUnit(tx, {
          code: provinceCode,
          name: provinceName,
          kind: 'province',
          parentId: null,
          validFrom: '2025-07-01',
        })
      ).id;
    await insertUser(tx, {
      username,
      displayName: 'Quản trị hệ thống',
      password,
      roles: ['admin'],
      orgUnitId: rootId,
    });
  });
  console.log(`Đã tạo quản trị viên "${username}".`);
}
