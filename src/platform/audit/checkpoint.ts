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
 * Checkpoints of every chain head (at server start, after every N audited writes and nightly),
 * signed with the instance's Ed25519 key and written outside the database (ASVS 5.0 16.4.3): someone who rewrites the audit
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

export type TrustPaths = {
  keyDir: string;
  checkpointDir: string;
  /** The private signing key; its public half is `<keyFile>.pub`. */
  keyFile?: string;
};

/**
 * Key and checkpoint locations. The signing key is `TDKT_AUDIT_KEY_FILE` when set (a file on
 * another disk or a mounted secret, so whoever copies the data folder does not get it), else
 * `audit-ed25519.key` in `TDKT_KEY_DIR`, else in `<dataDir>/keys`.
 */
export function trustPaths(dataDir: string, env: NodeJS.ProcessEnv = process.env): TrustPaths {
  const keyFile = env.TDKT_AUDIT_KEY_FILE ? path.resolve(env.TDKT_AUDIT_KEY_FILE) : undefined;
  return {
    keyDir: path.resolve(env.TDKT_KEY_DIR ?? path.join(dataDir, 'keys')),
    checkpointDir: path.resolve(env.TDKT_CHECKPOINT_DIR ?? path.join(dataDir, 'audit-checkpoints')),
    ...(keyFile ? { keyFile } : {}),
  };
}

function keyFilesOf(where: string | TrustPaths): { privateFile: string; publicFile: string } {
  if (typeof where !== 'string' && where.keyFile)
    return { privateFile: where.keyFile, publicFile: `${where.keyFile}.pub` };
  const dir = typeof where === 'string' ? where : where.keyDir;
  return { privateFile: path.join(dir, PRIVATE_FILE), publicFile: path.join(dir, PUBLIC_FILE) };
}

export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

/** Loads the instance key (a key folder or the trust paths), creating it (mode 0600) on first use. */
export function loadOrCreateInstanceKey(where: string | TrustPaths): InstanceKey {
  const { privateFile, publicFile } = keyFilesOf(where);
  if (!existsSync(privateFile)) {
    mkdirSync(path.dirname(privateFile), { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    // `wx`: two processes starting together must not each write a different key.
    try {
      writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
      writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
      chmodSync(privateFile, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const privateKey = createPrivateKey(readFileSync(privateFile));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** The public half as PEM, what a verifier without access to the server needs. */
export function publicKeyPem(key: InstanceKey): string {
  return key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * One file per checkpoint, named by its time (and process, for two servers on one folder), so
 * names sort in time order. Older daily names (`…-YYYY-MM-DD.json`) sort before the same day's.
 */
function checkpointName(at: Date): string {
  return `audit-checkpoint-${at.toISOString().replace(/[:.]/g, '-')}-${process.pid}.json`;
}

const CHECKPOINT_NAME = /^audit-checkpoint-\d{4}-\d{2}-\d{2}(T[\d-]+Z-\d+)?\.json$/;

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
  const key = loadOrCreateInstanceKey(paths);
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
    publicKey: publicKeyPem(key),
  };
  mkdirSync(paths.checkpointDir, { recursive: true });
  // The public half beside the checkpoints: whoever copies the folder off the machine can verify.
  const pub = path.join(paths.checkpointDir, PUBLIC_FILE);
  if (!existsSync(pub) || readFileSync(pub, 'utf8') !== content.publicKey)
    writeFileSync(pub, content.publicKey);
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

/** Reads an exported public key (PEM), for a verifier that has no access to the private key. */
export function readPublicKey(file: string): KeyObject {
  return createPublicKey(readFileSync(file));
}

/**
 * The newest checkpoint in the folder, signature checked against `publicKey` (an exported copy)
 * or the instance key; undefined when there is none.
 */
export function latestCheckpoint(paths: TrustPaths, publicKey?: KeyObject): CheckpointFile | undefined {
  if (!existsSync(paths.checkpointDir)) return undefined;
  const names = readdirSync(paths.checkpointDir)
    .filter((n) => CHECKPOINT_NAME.test(n))
    .sort();
  const newest = names[names.length - 1];
  if (!newest) return undefined;
  return readCheckpoint(
    path.join(paths.checkpointDir, newest),
    publicKey ?? loadOrCreateInstanceKey(paths).publicKey,
  );
}
