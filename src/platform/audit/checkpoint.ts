import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { canonicalJson } from './audit.ts';
import { verifyAudit, type CheckpointHead } from './verify-audit.ts';

/**
 * Daily checkpoints of every chain head, signed with the instance's Ed25519 key and written
 * outside the database (trust issue, item 1; ASVS 5.0 16.4.3): someone who rewrites the audit
 * table and its heads cannot rewrite a signed file they have no key for. Copy the checkpoint
 * folder (or the public key fingerprint) off the machine for the strongest guarantee.
 */
export type InstanceKey = { privateKey: KeyObject; publicKey: KeyObject; fingerprint: string };

export type CheckpointPayload = {
  format: 'tdkt-audit-checkpoint/1';
  at: string;
  keyFingerprint: string;
  heads: CheckpointHead[];
};

export type CheckpointFile = { payload: CheckpointPayload; signature: string; publicKey: string };

const PRIVATE_FILE = 'audit-ed25519.key';
const PUBLIC_FILE = 'audit-ed25519.pub';

export type TrustPaths = { keyDir: string; checkpointDir: string };

/** Key and checkpoint folders: TDKT_KEY_DIR / TDKT_CHECKPOINT_DIR, else inside the data dir. */
export function trustPaths(dataDir: string, env: NodeJS.ProcessEnv = process.env): TrustPaths {
  return {
    keyDir: path.resolve(env.TDKT_KEY_DIR ?? path.join(dataDir, 'keys')),
    checkpointDir: path.resolve(env.TDKT_CHECKPOINT_DIR ?? path.join(dataDir, 'audit-checkpoints')),
  };
}

export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

/** Loads the instance key, creating it (mode 0600) on first use. */
export function loadOrCreateInstanceKey(keyDir: string): InstanceKey {
  const privateFile = path.join(keyDir, PRIVATE_FILE);
  if (!existsSync(privateFile)) {
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(path.join(keyDir, PUBLIC_FILE), publicKey.export({ type: 'spki', format: 'pem' }));
    chmodSync(privateFile, 0o600);
  }
  const privateKey = createPrivateKey(readFileSync(privateFile));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

function checkpointName(at: Date): string {
  return `audit-checkpoint-${at.toISOString().slice(0, 10)}.json`;
}

/**
 * Verifies the chains, then signs their heads into `<checkpointDir>/audit-checkpoint-DATE.json`.
 * A broken chain is not checkpointed (signing it would bless the tampering): the caller gets
 * the verification and the file is not written.
 */
export async function writeCheckpoint(
  db: DbOrTx,
  paths: TrustPaths,
  now: Date = new Date(),
): Promise<{ file: string | null; heads: CheckpointHead[]; ok: boolean }> {
  const previous = latestCheckpoint(paths);
  const verification = await verifyAudit(db, previous ? { checkpoint: previous.payload.heads } : {});
  if (!verification.ok) return { file: null, heads: [], ok: false };
  const rows = await queryRows<{ chain: string; hash: string; seq: string | number }>(
    db,
    sql`select chain, hash, seq from audit_chain_heads order by chain`,
  );
  const heads = rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash }));
  const key = loadOrCreateInstanceKey(paths.keyDir);
  const payload: CheckpointPayload = {
    format: 'tdkt-audit-checkpoint/1',
    at: now.toISOString(),
    keyFingerprint: key.fingerprint,
    heads,
  };
  const signature = sign(null, Buffer.from(canonicalJson(payload)), key.privateKey).toString('base64');
  const content: CheckpointFile = {
    payload,
    signature,
    publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  mkdirSync(paths.checkpointDir, { recursive: true });
  const file = path.join(paths.checkpointDir, checkpointName(now));
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(content, null, 2));
  renameSync(tmp, file);
  return { file, heads, ok: true };
}

export class CheckpointSignatureError extends Error {}

/**
 * Reads a checkpoint and checks its signature against the instance key (never against the key
 * written in the file, which whoever forged the file could have replaced).
 */
export function readCheckpoint(file: string, publicKey: KeyObject): CheckpointFile {
  const content = JSON.parse(readFileSync(file, 'utf8')) as CheckpointFile;
  const ok =
    content.payload?.format === 'tdkt-audit-checkpoint/1' &&
    typeof content.signature === 'string' &&
    verify(
      null,
      Buffer.from(canonicalJson(content.payload)),
      publicKey,
      Buffer.from(content.signature, 'base64'),
    );
  if (!ok) throw new CheckpointSignatureError(`Mốc kiểm tra ${path.basename(file)} có chữ ký không hợp lệ.`);
  return content;
}

/** The newest checkpoint in the folder, signature checked; undefined when there is none. */
export function latestCheckpoint(paths: TrustPaths): CheckpointFile | undefined {
  if (!existsSync(paths.checkpointDir)) return undefined;
  const names = readdirSync(paths.checkpointDir)
    .filter((n) => /^audit-checkpoint-\d{4}-\d{2}-\d{2}\.json$/.test(n))
    .sort();
  const newest = names[names.length - 1];
  if (!newest) return undefined;
  const key = loadOrCreateInstanceKey(paths.keyDir);
  return readCheckpoint(path.join(paths.checkpointDir, newest), key.publicKey);
}
