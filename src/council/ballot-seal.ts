import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../platform/errors.ts';
import type { BallotChoice } from './tally.ts';

/**
 * Sealing of secret ballots while an item is open (the secret-ballot ADR in docs/adr). Each ballot is committed to the
 * database when it is cast, but only as AES-256-GCM ciphertext under the instance's ballot key,
 * which lives in a file outside the database (like the audit signing key), so the rows, their
 * xmin/ctid and the backups — which hold the database and `files/`, not `keys/` — cannot be read
 * back into choices. The key file is made on first use, mode 0600, with an exclusive create so
 * two server processes sharing the key folder never each make their own.
 */

const KEY_FILE = 'ballot-aes256.key';
const VERSION = 1;
/**
 * Every plaintext has this length, so the ciphertext's length does not tell "no" (2 letters) from
 * "abstain" (7): GCM keeps the plaintext's length.
 */
const PLAIN_LENGTH = 16;
const CODES: Record<BallotChoice, number> = { yes: 1, no: 2, abstain: 3 };
const CHOICES: Record<number, BallotChoice> = { 1: 'yes', 2: 'no', 3: 'abstain' };

/** TDKT_BALLOT_KEY_FILE, else `ballot-aes256.key` in TDKT_KEY_DIR (default `<data dir>/keys`). */
export function ballotKeyFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.TDKT_BALLOT_KEY_FILE) return path.resolve(env.TDKT_BALLOT_KEY_FILE);
  return path.join(path.resolve(env.TDKT_KEY_DIR ?? path.join(dataDir, 'keys')), KEY_FILE);
}

const cache = new Map<string, Buffer>();

function parseKey(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'unavailable',
      'COUNCIL.BALLOT_KEY_INVALID',
      `Khóa niêm phong phiếu bầu (${file}) không hợp lệ: cần 32 byte mã hóa base64.`,
    );
  }
  return key;
}

/** The instance's ballot key, created on first use. */
export function loadBallotKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const file = ballotKeyFile(dataDir, env);
  const known = cache.get(file);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fresh = randomBytes(32).toString('base64');
    try {
      writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
      text = fresh;
    } catch {
      // Another process made it first: use theirs.
      text = readFileSync(file, 'utf8');
    }
  }
  const key = parseKey(text, file);
  cache.set(file, key);
  return key;
}

/**
 * One ballot sealed for one item: version ‖ IV ‖ tag ‖ ciphertext, base64. The item id is the
 * associated data, so a sealed ballot copied to another item does not open there.
 */
export function sealBallot(key: Buffer, itemId: string, choice: BallotChoice): string {
  const plain = Buffer.alloc(PLAIN_LENGTH);
  plain[0] = CODES[choice];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(itemId, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), data]).toString('base64');
}

export function openBallot(key: Buffer, itemId: string, sealed: string): BallotChoice {
  const raw = Buffer.from(sealed, 'base64');
  const fail = () =>
    new AppError(
      'conflict',
      'COUNCIL.BALLOT_UNREADABLE',
      'Không mở được một phiếu đã niêm phong: khóa niêm phong phiếu bầu của máy chủ đã thay đổi hoặc phiếu bị sửa. Không kiểm phiếu được; cần khôi phục đúng tệp khóa hoặc bỏ phiếu lại.',
    );
  if (raw.length !== 1 + 12 + 16 + PLAIN_LENGTH || raw[0] !== VERSION) throw fail();
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 13));
  decipher.setAAD(Buffer.from(itemId, 'utf8'));
  decipher.setAuthTag(raw.subarray(13, 29));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(raw.subarray(29)), decipher.final()]);
  } catch {
    throw fail();
  }
  const choice = CHOICES[plain[0]!];
  if (!choice) throw fail();
  return choice;
}

/** Fisher–Yates with a CSPRNG: the urn's order says nothing about the order of voting. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
