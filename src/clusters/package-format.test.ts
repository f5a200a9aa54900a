import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPackage, verifyPackage, type ClusterPackage, type TrustedKey } from './package-format.ts';

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const myBinh = newKey();
const outsider = newKey();
const trusted: TrustedKey[] = [{ code: 'MB', name: 'Phường Mỹ Bình', publicKeyPem: myBinh.publicKeyPem }];
const header = {
  kind: 'member' as const,
  cluster: { name: 'Cụm thi đua xã, phường thành phố Long Xuyên', year: 2023 },
  from: { code: 'MB', name: 'Phường Mỹ Bình' },
  createdAt: '2024-01-05T08:00:00.000Z',
};
const files = [
  { path: 'payload.json', content: Buffer.from(JSON.stringify({ reportText: 'Báo cáo tổng kết' })) },
  { path: 'files/bao-cao.pdf', content: Buffer.from('%PDF-1.4 giả lập') },
];

function clone(p: ClusterPackage): ClusterPackage {
  return JSON.parse(JSON.stringify(p)) as ClusterPackage;
}

describe('cluster packages', () => {
  it('verifies a package signed by a registered member and returns its files', () => {
    const r = verifyPackage(buildPackage(header, files, myBinh), trusted);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.files.get('files/bao-cao.pdf')!.toString()).toBe('%PDF-1.4 giả lập');
  });

  it('rejects a file changed after signing', () => {
    const p = clone(buildPackage(header, files, myBinh));
    p.files['payload.json'] = Buffer.from(JSON.stringify({ reportText: 'Báo cáo đã sửa' })).toString(
      'base64',
    );
    const r = verifyPackage(p, trusted);
    expect(r).toMatchObject({ ok: false, code: 'PACKAGE.TAMPERED' });
    if (!r.ok) expect(r.message).toContain('đã bị thay đổi sau khi ký');
  });

  it('rejects a manifest changed after signing', () => {
    const p = clone(buildPackage(header, files, myBinh));
    p.manifest.createdAt = '2023-12-01T08:00:00.000Z';
    expect(verifyPackage(p, trusted)).toMatchObject({ ok: false, code: 'PACKAGE.BAD_SIGNATURE' });
  });

  it('rejects a file added after signing', () => {
    const p = clone(buildPackage(header, files, myBinh));
    p.files['files/them.txt'] = Buffer.from('x').toString('base64');
    expect(verifyPackage(p, trusted)).toMatchObject({ ok: false, code: 'PACKAGE.TAMPERED' });
  });

  it('rejects a package signed by a ward outside the cluster', () => {
    const p = buildPackage({ ...header, from: { code: 'MP', name: 'Phường Mỹ Phước' } }, files, outsider);
    const r = verifyPackage(p, trusted);
    expect(r).toMatchObject({ ok: false, code: 'PACKAGE.OUTSIDER' });
    if (!r.ok) expect(r.message).toContain('không thuộc cụm thi đua');
  });

  it('rejects an outsider key that claims to be a member', () => {
    const r = verifyPackage(buildPackage(header, files, outsider), trusted);
    expect(r).toMatchObject({ ok: false, code: 'PACKAGE.BAD_SIGNATURE' });
  });
});
