import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildCms, CMS } from '../cms.ts';
import {
  algorithmId,
  derOf,
  issueCertificate,
  type KeyUsageName,
  OID,
  schemeFor,
  signSha256,
  toArrayBuffer,
} from '../x509.ts';
import type { KeyMaterial } from '../signing-provider.ts';

/**
 * A certification authority made inside a test: root → intermediate → signer, with the knobs
 * each failure mode needs (validity, key usage, a CRL, a time-stamping authority). Real keys,
 * real X.509, real CMS: only the names are invented.
 */
export type TestCa = {
  root: pkijs.Certificate;
  rootKey: KeyObject;
  intermediate: pkijs.Certificate;
  intermediateKey: KeyObject;
};

const DAY = 86_400_000;

export function newKey(kind: 'ec' | 'rsa' = 'ec'): { publicKey: KeyObject; privateKey: KeyObject } {
  return kind === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export function makeTestCa(name = 'Ban Cơ yếu thử nghiệm', now = new Date()): TestCa {
  const root = newKey();
  const rootCert = issueCertificate({
    subject: { commonName: `${name} — Root CA`, organization: name, country: 'VN' },
    publicKey: root.publicKey,
    signingKey: root.privateKey,
    notBefore: new Date(now.getTime() - 3650 * DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    ca: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const mid = newKey();
  const midCert = issueCertificate({
    subject: { commonName: `${name} — CA cấp 2`, organization: name, country: 'VN' },
    publicKey: mid.publicKey,
    signingKey: root.privateKey,
    issuer: { certificate: rootCert },
    notBefore: new Date(now.getTime() - 1825 * DAY),
    notAfter: new Date(now.getTime() + 1825 * DAY),
    ca: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  return { root: rootCert, rootKey: root.privateKey, intermediate: midCert, intermediateKey: mid.privateKey };
}

export type SignerOptions = {
  commonName: string;
  organization?: string;
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: KeyUsageName[];
  keyKind?: 'ec' | 'rsa';
  extKeyUsage?: string[];
};

export function issueSigner(ca: TestCa, options: SignerOptions, now = new Date()): KeyMaterial {
  const key = newKey(options.keyKind ?? 'ec');
  const certificate = issueCertificate({
    subject: {
      commonName: options.commonName,
      organization: options.organization ?? 'UBND phường',
      country: 'VN',
    },
    publicKey: key.publicKey,
    signingKey: ca.intermediateKey,
    issuer: { certificate: ca.intermediate },
    notBefore: options.notBefore ?? new Date(now.getTime() - 365 * DAY),
    notAfter: options.notAfter ?? new Date(now.getTime() + 365 * DAY),
    ca: false,
    keyUsage: options.keyUsage ?? ['digitalSignature', 'nonRepudiation'],
    ...(options.extKeyUsage ? { extKeyUsage: options.extKeyUsage } : {}),
  });
  return { certificate, key: key.privateKey, issuers: [ca.intermediate] };
}

/** A CRL (RFC 5280 §5) signed by the intermediate, listing the given certificates as revoked. */
export function makeCrl(
  ca: TestCa,
  revoked: { certificate: pkijs.Certificate; at: Date }[],
  now = new Date(),
): Buffer {
  const scheme = schemeFor(ca.intermediateKey);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.signature = algorithmId(scheme.signatureOid, scheme.params);
  crl.issuer = ca.intermediate.subject;
  crl.thisUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: now });
  crl.nextUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: new Date(now.getTime() + 7 * DAY) });
  crl.revokedCertificates = revoked.map(
    (r) =>
      new pkijs.RevokedCertificate({
        userCertificate: r.certificate.serialNumber,
        revocationDate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: r.at }),
      }),
  );
  crl.signatureAlgorithm = algorithmId(scheme.signatureOid, scheme.params);
  crl.signatureValue = new asn1js.BitString({ valueHex: new ArrayBuffer(1) });
  // The TBSCertList is the first element of the freshly encoded CRL.
  const tbs = new Uint8Array(crl.toSchema(true).valueBlock.value[0]!.toBER(false));
  crl.tbsView = tbs;
  crl.signatureAlgorithm = algorithmId(scheme.signatureOid, scheme.params);
  crl.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(signSha256(ca.intermediateKey, tbs)) });
  return Buffer.from(crl.toSchema().toBER(false));
}

const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/** A time-stamping authority (RFC 3161) under the test CA, answering with a fixed genTime. */
export function makeTsa(ca: TestCa, genTime: Date): (signatureValue: Uint8Array) => Promise<Uint8Array> {
  const tsa = issueSigner(ca, {
    commonName: 'Dịch vụ cấp dấu thời gian thử nghiệm',
    keyUsage: ['digitalSignature'],
    extKeyUsage: [TIME_STAMPING],
  });
  return async (signatureValue) => {
    const tst = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.99999.1',
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: algorithmId(OID.sha256),
        hashedMessage: new asn1js.OctetString({
          valueHex: toArrayBuffer(createHash('sha256').update(signatureValue).digest()),
        }),
      }),
      serialNumber: new asn1js.Integer({ value: 1 }),
      genTime,
    });
    return buildCms({
      content: new Uint8Array(tst.toSchema().toBER(false)),
      contentType: CMS.tstInfo,
      encapsulate: true,
      signerCertificate: tsa.certificate,
      signerKey: tsa.key,
      certificates: tsa.issuers,
    });
  };
}

export { derOf };
