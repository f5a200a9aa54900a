import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../platform/audit/audit.ts';

/**
 * The package that carries a cluster's data between instances (issue 6, item 6): JSON + files,
 * a SHA-256 manifest of the files, and an Ed25519 signature over the manifest made with the
 * sending instance's own key. The receiver trusts only the public keys it registered for the
 * cluster's members, never a key carried inside the package. Pure apart from node:crypto.
 */
export const PACKAGE_FORMAT = 'tdkt-cluster-package/1';

export type PackageKind = 'member' | 'head';

export type ManifestFile = { path: string; sha256: string; size: number };

export type PackageManifest = {
  format: typeof PACKAGE_FORMAT;
  kind: PackageKind;
  cluster: { name: string; year: number };
  /** The signing ward, by org code: ids differ between instances, codes do not. */
  from: { code: string; name: string };
  createdAt: string;
  keyFingerprint: string;
  files: ManifestFile[];
};

export type ClusterPackage = {
  manifest: PackageManifest;
  /** File contents, base64, by manifest path. */
  files: Record<string, string>;
  /** Ed25519 signature of canonicalJson(manifest), base64. */
  signature: string;
};

export type PackageFile = { path: string; content: Buffer };

export type TrustedKey = { code: string; name: string; publicKeyPem: string };

export type VerifyResult =
  | { ok: true; manifest: PackageManifest; files: Map<string, Buffer> }
  | { ok: false; code: string; message: string };

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Fingerprint of a public key: SHA-256 of its DER (SPKI) form, as 4-hex groups. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return (sha256Hex(der).slice(0, 32).match(/.{4}/g) ?? []).join(':');
}

export function buildPackage(
  header: Omit<PackageManifest, 'format' | 'files' | 'keyFingerprint'>,
  files: readonly PackageFile[],
  key: { privateKey: KeyObject; publicKeyPem: string },
): ClusterPackage {
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    ...header,
    keyFingerprint: keyFingerprint(key.publicKeyPem),
    files: files.map((f) => ({ path: f.path, sha256: sha256Hex(f.content), size: f.content.length })),
  };
  const signature = sign(null, Buffer.from(canonicalJson(manifest), 'utf8'), key.privateKey).toString(
    'base64',
  );
  return {
    manifest,
    files: Object.fromEntries(files.map((f) => [f.path, f.content.toString('base64')])),
    signature,
  };
}

const fail = (code: string, message: string): VerifyResult => ({ ok: false, code, message });

/**
 * Verifies a package against the keys registered for the cluster. Every failure names what is
 * wrong in Vietnamese, for the officer who tried the import.
 */
export function verifyPackage(pkg: ClusterPackage, trusted: readonly TrustedKey[]): VerifyResult {
  const m = pkg.manifest;
  if (m.format !== PACKAGE_FORMAT) {
    return fail(
      'PACKAGE.FORMAT',
      'Tệp không phải gói dữ liệu cụm thi đua của hệ thống TĐKT hoặc thuộc phiên bản không được hỗ trợ.',
    );
  }
  const key = trusted.find((k) => k.code === m.from.code);
  if (!key) {
    return fail(
      'PACKAGE.OUTSIDER',
      `Gói dữ liệu do "${m.from.name}" ký, nhưng đơn vị này không thuộc cụm thi đua hoặc chưa được đăng ký khóa công khai cho năm ${m.cluster.year}. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
    );
  }
  let signatureOk = false;
  try {
    signatureOk = verify(
      null,
      Buffer.from(canonicalJson(m), 'utf8'),
      createPublicKey(key.publicKeyPem),
      Buffer.from(pkg.signature, 'base64'),
    );
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) {
    return fail(
      'PACKAGE.BAD_SIGNATURE',
      `Chữ ký của gói dữ liệu không khớp với khóa công khai đã đăng ký của ${key.name}: gói đã bị sửa sau khi ký hoặc được ký bởi một đơn vị khác. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
    );
  }
  const files = new Map<string, Buffer>();
  for (const f of m.files) {
    const b64 = pkg.files[f.path];
    if (b64 === undefined) {
      return fail(
        'PACKAGE.TAMPERED',
        `Gói dữ liệu thiếu tệp "${f.path}" có trong danh mục đã ký. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
      );
    }
    const content = Buffer.from(b64, 'base64');
    if (content.length !== f.size || sha256Hex(content) !== f.sha256) {
      return fail(
        'PACKAGE.TAMPERED',
        `Tệp "${f.path}" trong gói đã bị thay đổi sau khi ký (mã băm SHA-256 không khớp). Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
      );
    }
    files.set(f.path, content);
  }
  const extra = Object.keys(pkg.files).filter((p) => !m.files.some((f) => f.path === p));
  if (extra.length > 0) {
    return fail(
      'PACKAGE.TAMPERED',
      `Gói dữ liệu có tệp không nằm trong danh mục đã ký: ${extra.join(', ')}. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
    );
  }
  return { ok: true, manifest: m, files };
}
