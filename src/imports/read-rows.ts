import { readFileSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorKind } from '../platform/errors.ts';
import {
  checkWorkbookDirectory,
  MAX_WORKBOOK_FILE_BYTES,
  WORKBOOK_LIMIT_CODE,
  type ImportSource,
} from '../platform/xlsx/index.ts';
import type { OrgDirectory } from '../organizations/index.ts';
import type { ImportKind } from './import-kinds.ts';
import type { ReaderInput } from './read-rows-worker.ts';
import { stageContext, stageRows, type ReadEvent } from './stage-rows.ts';

/**
 * The reader thread's code: the compiled copy the server bundle names at build time
 * (bin/server-bundle.mjs defines this variable), else the sources through tsx.
 */
function readerThreadUrl(): URL {
  const bundled = process.env.TDKT_IMPORT_WORKER_FILE;
  return bundled ? new URL(`file://${bundled}`) : new URL('./read-rows-worker.boot.mjs', import.meta.url);
}

/**
 * Below this uncompressed size (the sum its zip directory declares) a workbook is read in place:
 * starting a thread (and loading the reader's modules in it) costs more than reading a few
 * thousand rows. The declared size, not the file's, decides, so a small file that expands far
 * goes to the thread; an entry that expands past what it declared is refused as soon as it does.
 */
export const THREAD_FROM_BYTES = 4 * 1024 * 1024;

/**
 * The reader thread's heap. A legitimate province-sized workbook (100,000 people) needs well
 * under 200 MB in ExcelJS; past this the thread is stopped by V8 and the file refused, while the
 * server's own heap is untouched.
 */
export const READER_HEAP_MB = 256;

/**
 * Reading, validating and batching a large workbook is a few seconds of JavaScript; on the main
 * thread it would share one core with the embedded database and every other request. A file or
 * buffer is therefore read on a thread of its own, with a small heap of its own; a stream (which
 * cannot cross threads) and a small file are read in place. All give the same events.
 */
export function readStagedRows(
  kind: ImportKind,
  source: ImportSource,
  directory: OrgDirectory,
  writeOrgIds: ReadonlySet<string>,
  today: string,
  batchSize: number,
  threadFromBytes = THREAD_FROM_BYTES,
): { events: AsyncIterable<ReadEvent>; acknowledge(): void } {
  const size = typeof source !== 'string' && !Buffer.isBuffer(source) ? 0 : declaredBytes(source);
  if ((typeof source !== 'string' && !Buffer.isBuffer(source)) || size < threadFromBytes) {
    return {
      events: stageRows(stageContext(kind, directory, writeOrgIds, today), source, batchSize),
      acknowledge: () => undefined,
    };
  }
  const input: ReaderInput = {
    kind,
    source,
    units: [...directory.units.values()],
    writeOrgIds,
    today,
    batchSize,
  };
  const worker = new Worker(readerThreadUrl(), {
    workerData: input,
    execArgv: [],
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: READER_HEAP_MB },
  });
  return { events: workerEvents(worker), acknowledge: () => worker.postMessage('ack') };
}

/**
 * What the workbook's zip directory says it expands to; a file that is not a readable zip counts
 * as 0 and is read in place, where reading refuses it with its Vietnamese message.
 */
function declaredBytes(source: string | Buffer): number {
  try {
    if (typeof source === 'string' && statSync(source).size > MAX_WORKBOOK_FILE_BYTES) return 0;
    return checkWorkbookDirectory(typeof source === 'string' ? readFileSync(source) : source).totalBytes;
  } catch {
    return 0;
  }
}

type WorkerMessage =
  | ReadEvent
  | { type: 'fail'; message: string; appError?: { kind: ErrorKind; code: string; userMessage: string } };

const outOfMemory = () =>
  new AppError(
    'validation',
    WORKBOOK_LIMIT_CODE,
    `Tệp Excel vượt giới hạn đọc: cần hơn ${READER_HEAP_MB} MB bộ nhớ để đọc. Không có dòng nào được nhập. ` +
      'Hãy chép dữ liệu sang tệp mẫu tải về từ hệ thống, hoặc chia thành nhiều tệp.',
  );

async function* workerEvents(worker: Worker): AsyncGenerator<ReadEvent> {
  const queue: WorkerMessage[] = [];
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    failure = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (!ended && !failure) failure = new Error(`luồng đọc tệp dừng bất thường (mã ${code}).`);
    wake?.();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next === undefined) {
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      if (next.type === 'fail') {
        const e = next.appError;
        throw e ? new AppError(e.kind, e.code, e.userMessage) : new Error(next.message);
      }
      if (next.type === 'end') ended = true;
      yield next;
      if (ended) return;
    }
  } finally {
    ended = true;
    await worker.terminate();
  }
}
