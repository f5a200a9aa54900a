import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ImportSource } from '../platform/xlsx/index.ts';
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
 * Below this size a workbook is read in place: starting a thread (and loading the reader's
 * modules in it) costs more than reading a few thousand rows. 50,000 people make ≈2 MB.
 */
export const THREAD_FROM_BYTES = 256 * 1024;

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
  const size =
    typeof source === 'string' ? statSync(source).size : Buffer.isBuffer(source) ? source.length : 0;
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
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  return { events: workerEvents(worker), acknowledge: () => worker.postMessage('ack') };
}

type WorkerMessage = ReadEvent | { type: 'fail'; message: string };

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
    failure = err;
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
      if (next.type === 'fail') throw new Error(next.message);
      if (next.type === 'end') ended = true;
      yield next;
      if (ended) return;
    }
  } finally {
    ended = true;
    await worker.terminate();
  }
}
