import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../platform/documents/index.ts';
import { sampleDecisionWithAnnex } from '../platform/documents/samples.ts';
import { keySigningProvider, signPdf } from './signing-provider.ts';
import { issueSigner, makeCrl, makeTestCa, makeTsa, type TestCa } from './testing/test-ca.ts';
import { verifyPdf } from './verify-pdf.ts';
import { derOf } from './x509.ts';

const DAY = 86_400_000;

describe('PAdES verification of an uploaded decision', () => {
  let ca: TestCa;
  let decision: Buffer;
  let roots: Buffer[];

  beforeAll(async () => {
    ca = makeTestCa();
    roots = [derOf(ca.root)];
    decision = await renderPdf(sampleDecisionWithAnnex(3));
  });

  async function sign(options: Parameters<typeof issueSigner>[1], extra: { crl?: boolean; tsa?: Date } = {}) {
    const material = issueSigner(ca, options);
    if (extra.crl)
      material.crls = [makeCrl(ca, [{ certificate: material.certificate, at: new Date(Date.now() - DAY) }])];
    if (extra.tsa) material.timestamp = makeTsa(ca, extra.tsa);
    return signPdf(decision, keySigningProvider('installed', material), {
      reason: 'Ký ban hành quyết định',
      location: 'Phường Mỹ Quý',
    });
  }

  it('passes a decision signed by a chain to an installed root, naming the signer from the certificate', async () => {
    const signed = await sign({ commonName: 'Nguyễn Văn Chủ Tịch', keyKind: 'rsa' });
    const result = await verifyPdf(signed, roots);
    expect(result.kind).toBe('signed');
    const [v] = result.signatures;
    expect(v?.problems).toEqual([]);
    expect(v?.valid).toBe(true);
    expect(v?.signer?.commonName).toBe('Nguyễn Văn Chủ Tịch');
    expect(v?.chain.map((c) => c.commonName)).toEqual([
      'Nguyễn Văn Chủ Tịch',
      'Ban Cơ yếu thử nghiệm — CA cấp 2',
      'Ban Cơ yếu thử nghiệm — Root CA',
    ]);
    expect(v?.coversWholeFile).toBe(true);
    expect(v?.subFilter).toBe('ETSI.CAdES.detached');
    expect(v?.signingTimeSource).toBe('claimed');
    expect(v?.notes.join(' ')).toContain('thời điểm do người ký tự khai');
    expect(v?.revocation).toBe('not_checked');
    expect(v?.notes.join(' ')).toContain('không kèm danh sách thu hồi');
  });

  it('refuses altered bytes', async () => {
    const signed = await sign({ commonName: 'Nguyễn Văn A' });
    const text = signed.toString('latin1');
    const at = text.indexOf('/Producer');
    const altered = Buffer.from(signed);
    altered[at + 2] = altered[at + 2]! ^ 0x01;
    const [v] = (await verifyPdf(altered, roots)).signatures;
    expect(v?.valid).toBe(false);
    expect(v?.problems.map((p) => p.code)).toEqual(['SIGNATURE.ALTERED']);
    expect(v?.problems[0]?.message).toBe(
      'Nội dung tệp đã bị thay đổi sau khi ký: chữ ký số không còn khớp với tệp.',
    );
  });

  it('refuses a chain to a root the administrator did not install', async () => {
    const signed = await sign({ commonName: 'Nguyễn Văn A' });
    const other = makeTestCa('CA lạ');
    const [v] = (await verifyPdf(signed, [derOf(other.root)])).signatures;
    expect(v?.problems.map((p) => p.code)).toEqual(['SIGNATURE.UNTRUSTED']);
    expect(v?.problems[0]?.message).toContain('không thuộc chứng thư gốc tin cậy nào đã cài đặt');
    expect(v?.signer?.commonName).toBe('Nguyễn Văn A');
    expect((await verifyPdf(signed, [])).signatures[0]?.problems[0]?.code).toBe('SIGNATURE.UNTRUSTED');
  });

  it('refuses a certificate that had expired at the signing time', async () => {
    const signed = await sign({
      commonName: 'Nguyễn Văn A',
      notBefore: new Date(Date.now() - 800 * DAY),
      notAfter: new Date(Date.now() - 30 * DAY),
    });
    const [v] = (await verifyPdf(signed, roots)).signatures;
    expect(v?.problems.map((p) => p.code)).toEqual(['SIGNATURE.EXPIRED']);
    expect(v?.problems[0]?.message).toMatch(
      /^Chứng thư số của người ký đã hết hạn ngày \d{2}\/\d{2}\/\d{4}, trước thời điểm ký \d{2}\/\d{2}\/\d{4}\.$/,
    );
  });

  it('refuses a certificate whose key usage is not for signing documents', async () => {
    const signed = await sign({ commonName: 'Nguyễn Văn A', keyUsage: ['keyEncipherment'] });
    const [v] = (await verifyPdf(signed, roots)).signatures;
    expect(v?.problems.map((p) => p.code)).toEqual(['SIGNATURE.KEY_USAGE']);
    expect(v?.problems[0]?.message).toContain('không được cấp cho mục đích ký số văn bản');
  });

  it('refuses a certificate revoked before signing, by the CRL embedded in the signature', async () => {
    const signed = await sign({ commonName: 'Nguyễn Văn A' }, { crl: true });
    const [v] = (await verifyPdf(signed, roots)).signatures;
    expect(v?.revocation).toBe('revoked');
    expect(v?.problems.map((p) => p.code)).toEqual(['SIGNATURE.REVOKED']);
    expect(v?.problems[0]?.message).toMatch(
      /^Chứng thư số của người ký đã bị thu hồi ngày \d{2}\/\d{2}\/\d{4}/,
    );
  });

  it('takes the signing time from a timestamp token when one is present (PAdES B-T)', async () => {
    const genTime = new Date(Date.now() - 2 * DAY);
    genTime.setUTCMilliseconds(0);
    const signed = await sign({ commonName: 'Nguyễn Văn A' }, { tsa: genTime });
    const [v] = (await verifyPdf(signed, roots)).signatures;
    expect(v?.problems).toEqual([]);
    expect(v?.signingTimeSource).toBe('timestamp');
    expect(v?.signingTime).toBe(genTime.toISOString());
    expect(v?.notes.join(' ')).not.toContain('tự khai');
  });

  it('accepts a scan without a digital signature as unsigned', async () => {
    expect((await verifyPdf(decision, roots)).kind).toBe('unsigned');
    expect((await verifyPdf(Buffer.from([0x89, 0x50, 0x4e, 0x47]), roots)).kind).toBe('not_pdf');
  });
});
