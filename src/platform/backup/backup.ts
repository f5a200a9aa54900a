import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DbOrTx } from '../db/client.ts';
import { ArchiveFormatError, readTarGz, writeTarEnd, writeTarEntry } from './tar.ts';

/**
 * Backup and restore of a whole instance (trust issue, item 2): every table of the database as
 * JSON lines of each row's text form (`row::text`, read back with a cast to the table's row
 * type, so PGlite 18 and PostgreSQL 15 exchange backups where pg_dump across versions would
 * not) plus the attachment
 * files of `<dataDir>/files`, in one `.tar.gz` whose last entry, `manifest.json`, lists the
 * SHA-256 of every part. A truncated or damaged archive is refused before anything is written.
 */
export const BACKUP_FORMAT = 'tdkt-backup/1';

export type BackupPart = { name: string; size: number; sha256: string };
export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  driver: Database['driver'];
  /** Hashes of the applied migrations: a backup restores only into the same schema. */
  migrations: string[];
  tables: { name: string; rows: number; part: string }[];
  files: number;
  parts: BackupPart[];
};

export class BackupError extends Error {}

const MANIFEST = 'manifest.json';
const FILE_NAME = /^files\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function filesDirOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'files');
}

async function listTables(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.name).filter((n) => TABLE_NAME.test(n));
}

async function listMigrations(db: DbOrTx): Promise<string[]> {
  try {
    const rows = await queryRows<{ hash: string }>(
      db,
      sql`select hash from drizzle.__drizzle_migrations order by id`,
    );
    return rows.map((r) => r.hash);
  } catch {
    return [];
  }
}

function listFiles(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, full));
    else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/**
 * Writes a consistent backup: the rows are read in one REPEATABLE READ, READ ONLY transaction
 * (one snapshot of every table), the file goes to `out.part` and is renamed when complete.
 */
export async function createBackup(
  database: Database,
  dataDir: string,
  out: string,
): Promise<BackupManifest> {
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = `${out}.part`;
  const gzip = createGzip({ level: 6 });
  const sink = createWriteStream(tmp);
  gzip.pipe(sink);
  const parts: BackupPart[] = [];
  const add = async (name: string, data: Buffer) => {
    parts.push({ name, size: data.length, sha256: sha256(data) });
    await writeTarEntry(gzip, name, data);
  };
  try {
    const { tables, migrations } = await database.db.transaction(
      async (tx) => {
        const names = await listTables(tx);
        const tables: BackupManifest['tables'] = [];
        for (const name of names) {
          // The record's own text form, one JSON string per line: it keeps what JSON would
          // blur (a jsonb null apart from SQL NULL, every numeric digit, bytea).
          const rows = await queryRows<{ j: string }>(
            tx,
            sql`select _r::text as j from ${sql.identifier(name)} _r`,
          );
          const part = `db/${name}.jsonl`;
          await add(part, Buffer.from(rows.map((r) => JSON.stringify(r.j)).join('\n'), 'utf8'));
          tables.push({ name, rows: rows.length, part });
        }
        return { tables, migrations: await listMigrations(tx) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const root = filesDirOf(dataDir);
    const files = listFiles(root);
    for (const rel of files) await add(`files/${rel}`, readFileSync(path.join(root, rel)));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      driver: database.driver,
      migrations,
      tables,
      files: files.length,
      parts,
    };
    await writeTarEntry(gzip, MANIFEST, Buffer.from(JSON.stringify(manifest, null, 1), 'utf8'));
    await writeTarEnd(gzip);
    gzip.end();
    await finished(sink);
    renameSync(tmp, out);
    return manifest;
  } catch (err) {
    gzip.destroy();
    sink.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Reads the whole archive and checks every part against the manifest. Returns the manifest;
 * throws BackupError with a Vietnamese message for the operator otherwise.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  if (!existsSync(file)) throw new BackupError(`Không tìm thấy tệp sao lưu ${file}.`);
  const seen = new Map<string, BackupPart>();
  let manifest: BackupManifest | undefined;
  try {
    await readTarGz(file, async (name, data) => {
      if (name === MANIFEST) {
        manifest = JSON.parse(data.toString('utf8')) as BackupManifest;
        return;
      }
      seen.set(name, { name, size: data.length, sha256: sha256(data) });
    });
  } catch (err) {
    if (err instanceof ArchiveFormatError || err instanceof SyntaxError) {
      throw new BackupError(
        `Tệp sao lưu bị hỏng hoặc không đầy đủ (bị cắt ngắn) nên không được khôi phục: ${path.basename(file)}. Chi tiết: ${err.message}`,
      );
    }
    throw err;
  }
  if (!manifest || manifest.format !== BACKUP_FORMAT) {
    throw new BackupError(
      `Tệp ${path.basename(file)} không phải bản sao lưu TĐKT hợp lệ (thiếu bảng kê manifest.json).`,
    );
  }
  for (const part of manifest.parts) {
    const got = seen.get(part.name);
    if (!got) throw new BackupError(`Tệp sao lưu thiếu phần ${part.name}; không khôi phục.`);
    if (got.sha256 !== part.sha256 || got.size !== part.size) {
      throw new BackupError(
        `Phần ${part.name} của tệp sao lưu sai mã kiểm tra SHA-256 (dữ liệu bị hỏng); không khôi phục.`,
      );
    }
    seen.delete(part.name);
  }
  const extra = [...seen.keys()][0];
  if (extra)
    throw new BackupError(`Tệp sao lưu có phần lạ không có trong bảng kê: ${extra}; không khôi phục.`);
  for (const part of manifest.parts) {
    if (!(part.name.startsWith('db/') || FILE_NAME.test(part.name)) || part.name.includes('..')) {
      throw new BackupError(`Tên phần không hợp lệ trong tệp sao lưu: ${part.name}; không khôi phục.`);
    }
  }
  return manifest;
}

/** Parents before children, so foreign keys hold while tables are filled one by one. */
async function insertionOrder(db: DbOrTx, tables: readonly string[]): Promise<string[]> {
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent
          from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const e of edges)
    if (e.child !== e.parent)
      (parents.get(e.child) ?? parents.set(e.child, new Set()).get(e.child)!).add(e.parent);
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, stack: Set<string>) => {
    if (done.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const p of parents.get(t) ?? []) if (tables.includes(p)) visit(p, stack);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/**
 * Restores a verified archive into an empty instance (same migrations, no rows, no files), in
 * one transaction; files are written after the rows commit, under checked names only.
 */
export async function restoreBackup(
  database: Database,
  dataDir: string,
  file: string,
): Promise<BackupManifest> {
  const manifest = await verifyBackup(file);
  const db = database.db;
  const migrations = await listMigrations(db);
  if (migrations.join(',') !== manifest.migrations.join(',')) {
    throw new BackupError(
      'Bản sao lưu được tạo với cấu trúc cơ sở dữ liệu khác phiên bản đang chạy; hãy khôi phục bằng đúng phiên bản phần mềm đã sao lưu.',
    );
  }
  const tables = await listTables(db);
  for (const t of tables) {
    const [row] = await queryRows<{ one: number }>(
      db,
      sql`select 1 as one from ${sql.identifier(t)} limit 1`,
    );
    if (row)
      throw new BackupError(
        `Cơ sở dữ liệu đích không trống (bảng ${t} đã có dữ liệu); chỉ khôi phục vào hệ thống mới.`,
      );
  }
  const root = filesDirOf(dataDir);
  if (listFiles(root).length > 0)
    throw new BackupError(`Thư mục tệp đính kèm ${root} không trống; chỉ khôi phục vào hệ thống mới.`);
  const known = new Set(tables);
  for (const t of manifest.tables) {
    if (!known.has(t.name))
      throw new BackupError(`Bảng ${t.name} trong bản sao lưu không có ở hệ thống đích.`);
  }

  // Second pass: keep the table dumps in memory, files to a staging folder.
  const dumps = new Map<string, Buffer>();
  const staging = `${root}.restore-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await readTarGz(file, async (name, data) => {
    if (name.startsWith('db/')) dumps.set(name, data);
    else if (FILE_NAME.test(name)) {
      const target = path.join(staging, name.slice('files/'.length));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
  });
  try {
    const order = await insertionOrder(
      db,
      manifest.tables.map((t) => t.name),
    );
    await db.transaction(async (tx) => {
      for (const name of order) {
        const entry = manifest.tables.find((t) => t.name === name)!;
        const text = dumps.get(entry.part)?.toString('utf8') ?? '';
        if (entry.rows === 0 || text === '') continue;
        const columns = await queryRows<{ column_name: string }>(
          tx,
          sql`select column_name from information_schema.columns
               where table_schema = 'public' and table_name = ${name} and is_generated = 'NEVER'
               order by ordinal_position`,
        );
        const cols = sql.join(
          columns.map((c) => sql.identifier(c.column_name)),
          sql`, `,
        );
        const fields = sql.join(
          columns.map((c) => sql`(s.r).${sql.identifier(c.column_name)}`),
          sql`, `,
        );
        const json = `[${text.split('\n').join(',')}]`;
        await tx.execute(
          sql`insert into ${sql.identifier(name)} (${cols}) overriding system value
              select ${fields} from (select x::${sql.identifier(name)} as r from json_array_elements_text(${json}::json) x) s`,
        );
      }
      // Sequences continue after the restored rows.
      const serials = await queryRows<{ table_name: string; column_name: string; seq: string }>(
        tx,
        sql`select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
              from information_schema.columns
             where table_schema = 'public' and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`,
      );
      for (const s of serials) {
        await tx.execute(
          sql`select setval(${s.seq}, coalesce((select max(${sql.identifier(s.column_name)}) from ${sql.identifier(s.table_name)}), 0) + 1, false)`,
        );
      }
    });
    if (existsSync(staging)) {
      mkdirSync(path.dirname(root), { recursive: true });
      rmSync(root, { recursive: true, force: true });
      renameSync(staging, root);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return manifest;
}

/** Per table: row count and an order-independent digest of its rows (restore checks, fuzzing). */
export async function tableChecksums(db: DbOrTx): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of await listTables(db)) {
    const [row] = await queryRows<{ n: number | string; h: string | null }>(
      db,
      sql`select count(*) as n, md5(string_agg(_r::text, E'\\n' order by _r::text collate "C")) as h
            from ${sql.identifier(t)} _r`,
    );
    out[t] = { rows: Number(row?.n ?? 0), md5: row?.h ?? '' };
  }
  return out;
}

/** SHA-256 of every file under `<dataDir>/files`, by relative path. */
export function fileChecksums(dataDir: string): Record<string, string> {
  const root = filesDirOf(dataDir);
  const out: Record<string, string> = {};
  for (const rel of listFiles(root)) out[rel] = sha256(readFileSync(path.join(root, rel)));
  return out;
}

/** Backups in a folder, newest first; the older ones beyond `keep` are deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((n) => /^tdkt-backup-.*\.tar\.gz$/.test(n))
    .map((n) => ({ n, t: statSync(path.join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t || (a.n < b.n ? 1 : -1));
  for (const old of names.slice(keep)) rmSync(path.join(dir, old.n), { force: true });
  return names.slice(0, keep).map((x) => x.n);
}

export function backupFileName(at: Date = new Date()): string {
  return `tdkt-backup-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`;
}
