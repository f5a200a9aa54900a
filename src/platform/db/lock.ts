import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export type DataDirLock = { file: string; release(): void };

export type LockHolder = { pid: number; port?: number; startedAt: string };

/**
 * PGlite takes no lock on its folder and two processes opening it corrupt it (issue 2, item 13).
 * The owner writes `tdkt.lock` (pid, port) next to the database; a lock whose process is gone
 * (SIGKILL, power loss) is stale and is taken over.
 */
export function lockFilePath(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.tdkt.lock`);
}

export function readLockHolder(dataDir: string): LockHolder | undefined {
  const file = lockFilePath(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return isAlive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirBusyError extends Error {
  constructor(
    readonly holder: LockHolder,
    dataDir: string,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} sử dụng` +
        (holder.port ? ` (máy chủ ở cổng ${holder.port})` : '') +
        '. Hãy dừng tiến trình đó, hoặc dùng lệnh qua API của máy chủ đang chạy.',
    );
  }
}

export function acquireDataDirLock(dataDir: string, port?: number): DataDirLock {
  mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const file = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const holder: LockHolder = { pid: process.pid, startedAt: new Date().toISOString() };
      if (port !== undefined) holder.port = port;
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      return {
        file,
        release() {
          const current = readLockHolderRaw(file);
          if (current?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLockHolderRaw(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid))
        throw new DataDirBusyError(holder, dataDir);
      // Stale lock from a crashed process: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dataDir}.`);
}

export function updateLockPort(lock: DataDirLock, port: number): void {
  const holder = readLockHolderRaw(lock.file);
  if (!holder || holder.pid !== process.pid) return;
  const fd = openSync(lock.file, 'w');
  writeSync(fd, JSON.stringify({ ...holder, port }));
  closeSync(fd);
}

function readLockHolderRaw(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}
