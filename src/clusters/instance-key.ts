import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyFingerprint } from './package-format.ts';

export type InstanceKey = { privateKey: KeyObject; publicKeyPem: string; fingerprint: string };

const PRIVATE_FILE = 'cluster-ed25519.pem';

/** TDKT_KEY_DIR, else `<data dir>/keys`: the key lives with the instance, never in the database. */
export function keyDirOf(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.TDKT_KEY_DIR ? path.resolve(env.TDKT_KEY_DIR) : path.join(dataDir, 'keys');
}

/**
 * This instance's Ed25519 key for signing cluster packages, made on first use. The private key
 * file is written once with mode 0600 and exclusive create, so two processes cannot each make
 * their own.
 */
export function loadInstanceKey(keyDir: string): InstanceKey {
  const file = path.join(keyDir, PRIVATE_FILE);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const fresh = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
      pem = fresh;
    } catch {
      pem = readFileSync(file, 'utf8');
    }
  }
  const privateKey = createPrivateKey(pem);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, fingerprint: keyFingerprint(publicKeyPem) };
}
