// The reader thread of an import (read-rows.ts): reads, validates and batches the workbook's rows
// off the main thread, which meanwhile stages batches and answers other requests. At most two
// batches wait unacknowledged, so a slow database never lets batches pile up in memory.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../platform/errors.ts';
import { OrgDirectory, type OrgUnitRow } from '../organizations/index.ts';
import type { ImportKind } from './import-kinds.ts';
import { stageContext, stageRows } from './stage-rows.ts';

export type ReaderInput = {
  kind: ImportKind;
  source: string | Uint8Array;
  units: OrgUnitRow[];
  writeOrgIds: ReadonlySet<string>;
  today: string;
  batchSize: number;
};

const MAX_UNACKNOWLEDGED = 2;

async function run(port: NonNullable<typeof parentPort>, input: ReaderInput): Promise<void> {
  let unacknowledged = 0;
  let wake: (() => void) | undefined;
  port.on('message', (m) => {
    if (m !== 'ack') return;
    unacknowledged--;
    wake?.();
  });
  const source =
    typeof input.source === 'string'
      ? input.source
      : Buffer.from(input.source.buffer, input.source.byteOffset, input.source.byteLength);
  const ctx = stageContext(input.kind, new OrgDirectory(input.units, []), input.writeOrgIds, input.today);
  try {
    for await (const event of stageRows(ctx, source, input.batchSize)) {
      port.postMessage(event);
      if (event.type !== 'batch') continue;
      unacknowledged++;
      while (unacknowledged >= MAX_UNACKNOWLEDGED) await new Promise<void>((r) => (wake = r));
    }
  } catch (err) {
    // A refusal of the file keeps its code and Vietnamese message across the thread boundary.
    port.postMessage(
      err instanceof AppError
        ? {
            type: 'fail',
            message: err.message,
            appError: { kind: err.kind, code: err.code, userMessage: err.userMessage },
          }
        : { type: 'fail', message: (err as Error).message },
    );
  }
}

if (parentPort) await run(parentPort, workerData as ReaderInput);
