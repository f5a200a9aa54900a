import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { renderPdf } from '../src/platform/documents/index.ts';
import { sampleDecisionWithAnnex } from '../src/platform/documents/samples.ts';
import { keySigningProvider, signPdf } from '../src/signatures/index.ts';
import { issueSigner, makeTestCa, type TestCa } from '../src/signatures/testing/test-ca.ts';
import { derOf, toPem } from '../src/signatures/x509.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';

type Json = Record<string, unknown>;

/**
 * Signed copies through the API: the administrator installs a root, a decision's signed PDF is
 * verified on upload (refused when its signature fails, nothing changed), a scan is accepted as
 * "không có chữ ký số", and the decision shows the signer read from the certificate.
 */
describe.each(DRIVERS)('digital signatures of signed copies on %s', (driver) => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let chairman: string;
  let ca: TestCa;
  let signed: Buffer;
  let issuedId = '';

  beforeAll(async () => {
    t = await openTestApp(driver);
    admin = await t.login('quantri');
    officer = await t.login('tdkt.myquy');
    chairman = await t.login('chutich.myquy');
    ca = makeTestCa();
    const material = issueSigner(ca, { commonName: 'Liêu Quốc Bình', keyKind: 'rsa' });
    signed = await signPdf(
      await renderPdf(sampleDecisionWithAnnex(2)),
      keySigningProvider('installed', material),
      {
        reason: 'Ban hành',
        location: 'Mỹ Quý',
      },
    );
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from decisions where status = 'issued' and org_unit_id = ${t.ids.myQuy} order by decision_date limit 1`,
    );
    issuedId = row!.id;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: Json) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() as Json };
  };
  const correction = async () => {
    const res = await call('POST', `/api/v1/decisions/${issuedId}/corrections`, officer, {
      kind: 'correction',
      title: 'Đính chính quyết định',
      reason: 'Sai chính tả tên',
      corrections: [{ field: 'Họ tên', from: 'Nguyen', to: 'Nguyễn' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };
  const issue = (id: string, file: Buffer) =>
    call('POST', `/api/v1/decisions/${id}/issue`, chairman, {
      decisionDate: '2024-03-01',
      signerName: 'Liêu Quốc Bình',
      signerTitle: 'Chủ tịch UBND phường',
      signedCopy: { fileName: 'qd-ky.pdf', contentBase64: file.toString('base64') },
    });

  it('refuses a signed copy whose chain reaches no installed root, and changes nothing', async () => {
    const id = await correction();
    const res = await issue(id, signed);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SIGNATURE.UNTRUSTED');
    expect(res.body.message).toMatch(
      /^Chữ ký số trên bản ký không hợp lệ: Chứng thư số của người ký không thuộc/,
    );
    const detail = await call('GET', `/api/v1/decisions/${id}`, officer);
    expect(detail.body.status).toBe('draft');
  });

  it('lets only the administrator install a root, and lists it', async () => {
    const pem = Buffer.from(toPem(derOf(ca.root))).toString('base64');
    expect((await call('POST', '/api/v1/admin/trusted-roots', officer, { contentBase64: pem })).status).toBe(
      403,
    );
    const notCa = Buffer.from(toPem(derOf(issueSigner(ca, { commonName: 'X' }).certificate))).toString(
      'base64',
    );
    const refused = await call('POST', '/api/v1/admin/trusted-roots', admin, { contentBase64: notCa });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('SIGNATURE.ROOT_NOT_CA');
    const ok = await call('POST', '/api/v1/admin/trusted-roots', admin, {
      contentBase64: pem,
      note: 'CA thử nghiệm',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const again = await call('POST', '/api/v1/admin/trusted-roots', admin, { contentBase64: pem });
    expect(again.status).toBe(409);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/trusted-roots',
      headers: { cookie: admin },
    });
    expect((list.json() as Json[]).map((r) => r.commonName)).toContain('Ban Cơ yếu thử nghiệm — Root CA');
  });

  it('checks a file before it is attached: valid, then the same file altered', async () => {
    const ok = await call('POST', '/api/v1/signatures/verify', officer, {
      fileName: 'qd.pdf',
      contentBase64: signed.toString('base64'),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.kind).toBe('signed');
    const [v] = ok.body.signatures as Json[];
    expect(v?.valid).toBe(true);
    const altered = Buffer.from(signed);
    const at = altered.indexOf('/Producer');
    altered[at + 2] = altered[at + 2]! ^ 1;
    const bad = await call('POST', '/api/v1/signatures/verify', officer, {
      fileName: 'qd.pdf',
      contentBase64: altered.toString('base64'),
    });
    expect(((bad.body.signatures as Json[])[0]?.problems as Json[])[0]?.code).toBe('SIGNATURE.ALTERED');
  });

  it('issues with a verified signed copy and shows the signer from the certificate', async () => {
    const id = await correction();
    const res = await issue(id, signed);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const detail = await call('GET', `/api/v1/decisions/${id}`, officer);
    const check = detail.body.signatureCheck as Json;
    expect(check.kind).toBe('signed');
    const [v] = check.signatures as Json[];
    expect((v?.signer as Json).commonName).toBe('Liêu Quốc Bình');
    expect(v?.signingTimeSource).toBe('claimed');
  });

  it('accepts a scan without a digital signature and records it as unsigned', async () => {
    const id = await correction();
    const scan = await renderPdf(sampleDecisionWithAnnex(1));
    const res = await issue(id, scan);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const detail = await call('GET', `/api/v1/decisions/${id}`, officer);
    expect((detail.body.signatureCheck as Json).kind).toBe('unsigned');
  });
});
