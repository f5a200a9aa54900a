import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Writable } from 'node:stream';

/**
 * A minimal POSIX ustar writer and streaming reader: a backup is a plain `.tar.gz` an
 * administrator can also open with `tar xzf` (trust issue, item 2). Entries are regular files
 * only; names are checked by the caller.
 */
const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

export async function writeTarEntry(
  out: Writable,
  name: string,
  data: Buffer,
  mtime = Date.now(),
): Promise<void> {
  await write(out, tarHeader(name, data.length, mtime));
  await write(out, data);
  const pad = padding(data.length);
  if (pad.length > 0) await write(out, pad);
}

export async function writeTarEnd(out: Writable): Promise<void> {
  await write(out, Buffer.alloc(BLOCK * 2, 0));
}

export class ArchiveFormatError extends Error {}

/**
 * Reads a `.tar.gz` entry by entry. Throws ArchiveFormatError when the gzip stream is damaged
 * or cut, a header checksum is wrong, or the end-of-archive blocks are missing (truncation).
 */
export async function readTarGz(
  file: string,
  onEntry: (name: string, data: Buffer) => Promise<void>,
): Promise<void> {
  let buffer = Buffer.alloc(0);
  let ended = false;
  const stream = createReadStream(file).pipe(createGunzip());
  const chunks: Buffer[] = [];
  let pending = 0;
  const take = (n: number): Buffer | undefined => {
    if (pending + buffer.length < n) return undefined;
    if (chunks.length > 0) {
      buffer = Buffer.concat([buffer, ...chunks]);
      chunks.length = 0;
      pending = 0;
    }
    const out = buffer.subarray(0, n);
    buffer = buffer.subarray(n);
    return out;
  };
  let header: { name: string; size: number } | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      pending += chunk.length;
      for (;;) {
        if (ended) break;
        if (!header) {
          const block = take(BLOCK);
          if (!block) break;
          if (block.every((b) => b === 0)) {
            ended = true;
            break;
          }
          header = parseHeader(block);
          continue;
        }
        const total = header.size + padding(header.size).length;
        const body = take(total);
        if (!body) break;
        const entry = header;
        header = undefined;
        await onEntry(entry.name, Buffer.from(body.subarray(0, entry.size)));
      }
    }
  } catch (err) {
    if (err instanceof ArchiveFormatError) throw err;
    throw new ArchiveFormatError(`gzip: ${(err as Error).message}`);
  }
  if (!ended) throw new ArchiveFormatError('archive ends before its end-of-archive marker');
}

function parseHeader(block: Buffer): { name: string; size: number } {
  const stored = parseInt(block.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  if (stored !== sum) throw new ArchiveFormatError('tar header checksum mismatch');
  const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
  const size = parseInt(block.toString('ascii', 124, 136).replace(/\0.*$/, '').trim(), 8);
  if (!Number.isFinite(size) || size < 0) throw new ArchiveFormatError('tar header size invalid');
  const type = block.toString('ascii', 156, 157);
  if (type !== '0' && type !== '\0') throw new ArchiveFormatError(`unsupported tar entry type ${type}`);
  return { name, size };
}
