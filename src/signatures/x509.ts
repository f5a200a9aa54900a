import {
  createHash,
  createPublicKey,
  randomBytes,
  sign as nodeSign,
  type KeyObject,
  X509Certificate,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * X.509 building blocks shared by the instance's own certificates and the verifier. Structures are
 * encoded with pkijs/asn1js; every signature is made and checked by Node's OpenSSL (`node:crypto`),
 * so no cryptography is written here.
 */

export const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  crlReason: '2.5.29.21',
  crlNumber: '2.5.29.20',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

export type KeyUsageName =
  'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';

const KEY_USAGE_BITS: Record<KeyUsageName, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
};

export type DistinguishedName = {
  commonName: string;
  organization?: string;
  country?: string;
  locality?: string;
};

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function parseDer<T extends { fromSchema(schema: unknown): void }>(
  bytes: Uint8Array,
  make: (schema: asn1js.AsnType) => T,
): T | null {
  const asn1 = asn1js.fromBER(toArrayBuffer(bytes));
  if (asn1.offset === -1) return null;
  try {
    return make(asn1.result);
  } catch {
    return null;
  }
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate | null {
  return parseDer(der, (schema) => new pkijs.Certificate({ schema }));
}

export function derOf(cert: pkijs.Certificate): Buffer {
  return Buffer.from(cert.toSchema().toBER());
}

function rdnOf(name: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const parts: [string, string | undefined, 'print' | 'utf8'][] = [
    [OID.country, name.country, 'print'],
    [OID.locality, name.locality, 'utf8'],
    [OID.organization, name.organization, 'utf8'],
    [OID.commonName, name.commonName, 'utf8'],
  ];
  // One attribute per RDN (the usual form; a single multi-valued RDN reads "C=VN+O=…+CN=…").
  const sequence = new asn1js.Sequence({
    value: parts
      .filter((p): p is [string, string, 'print' | 'utf8'] => Boolean(p[1]))
      .map(
        ([type, value, kind]) =>
          new asn1js.Set({
            value: [
              new pkijs.AttributeTypeAndValue({
                type,
                value:
                  kind === 'print' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
              }).toSchema(),
            ],
          }),
      ),
  });
  const parsed = asn1js.fromBER(sequence.toBER(false));
  return new pkijs.RelativeDistinguishedNames({ schema: parsed.result });
}

/** The attribute of a name (CN, O …) as text, or null. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((t) => t.type === oid);
  if (!found) return null;
  const value = found.value as { valueBlock?: { value?: unknown } };
  return typeof value.valueBlock?.value === 'string' ? value.valueBlock.value.normalize('NFC') : null;
}

export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  const labels: [string, string][] = [
    [OID.commonName, 'CN'],
    [OID.organizationalUnit, 'OU'],
    [OID.organization, 'O'],
    [OID.locality, 'L'],
    [OID.country, 'C'],
  ];
  return labels
    .map(([oid, label]) => {
      const v = nameAttribute(name, oid);
      return v ? `${label}=${v}` : null;
    })
    .filter(Boolean)
    .join(', ');
}

export type SignatureScheme = { signatureOid: string; params: asn1js.AsnType | undefined };

/** The X.509/CMS algorithm identifier for a key signing with SHA-256. */
export function schemeFor(key: KeyObject): SignatureScheme {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') return { signatureOid: OID.sha256WithRsa, params: new asn1js.Null() };
  if (type === 'ec') return { signatureOid: OID.ecdsaWithSha256, params: undefined };
  throw new Error(`Unsupported key type ${String(type)}`);
}

export function algorithmId(oid: string, params?: asn1js.AsnType): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier(
    params ? { algorithmId: oid, algorithmParams: params } : { algorithmId: oid },
  );
}

/** SHA-256 signature by Node's crypto: DER ECDSA or PKCS#1 v1.5 RSA, the forms X.509 and CMS carry. */
export function signSha256(key: KeyObject, data: Uint8Array): Buffer {
  return nodeSign('sha256', data, key);
}

function keyUsageExtension(usages: KeyUsageName[]): pkijs.Extension {
  let bits = 0;
  for (const u of usages) bits |= 0x80 >> KEY_USAGE_BITS[u];
  // cRLSign is bit 6: one byte is enough for every bit this module sets.
  const unused = (() => {
    for (let i = 0; i < 8; i++) if (bits & (1 << i)) return i;
    return 0;
  })();
  const bitString = new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: unused });
  return new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: bitString.toBER(false) });
}

export type IssueCertificateInput = {
  subject: DistinguishedName;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  /** A CA certificate (basicConstraints cA) that may sign certificates and CRLs. */
  ca: boolean;
  keyUsage: KeyUsageName[];
  /** Extended key usages by OID (e.g. time stamping for a test TSA). */
  extKeyUsage?: string[];
  /** Absent: self-signed with `signingKey`. */
  issuer?: { certificate: pkijs.Certificate };
  signingKey: KeyObject;
  serial?: Uint8Array;
};

/** Builds and signs one X.509 v3 certificate. */
export function issueCertificate(input: IssueCertificateInput): pkijs.Certificate {
  const scheme = schemeFor(input.signingKey);
  const spkiDer = (
    input.publicKey.type === 'public' ? input.publicKey : createPublicKey(input.publicKey)
  ).export({ type: 'spki', format: 'der' });
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = input.serial ?? randomBytes(12);
  serial[0] = (serial[0] ?? 1) & 0x7f || 1;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.signature = algorithmId(scheme.signatureOid, scheme.params);
  cert.subject = rdnOf(input.subject);
  cert.issuer = input.issuer ? input.issuer.certificate.subject : rdnOf(input.subject);
  cert.notBefore = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: input.notBefore });
  cert.notAfter = new pkijs.Time({
    type: input.notAfter.getUTCFullYear() >= 2050 ? pkijs.TimeType.GeneralizedTime : pkijs.TimeType.UTCTime,
    value: input.notAfter,
  });
  const spki = parseDer(spkiDer, (schema) => new pkijs.PublicKeyInfo({ schema }));
  if (!spki) throw new Error('Cannot parse the public key');
  cert.subjectPublicKeyInfo = spki;
  const keyId = subjectKeyId(spki);
  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints(input.ca ? { cA: true } : {}).toSchema().toBER(false),
    }),
    keyUsageExtension(input.keyUsage),
    new pkijs.Extension({
      extnID: OID.subjectKeyIdentifier,
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }).toBER(false),
    }),
  ];
  if (input.issuer) {
    const issuerKeyId = subjectKeyId(input.issuer.certificate.subjectPublicKeyInfo);
    extensions.push(
      new pkijs.Extension({
        extnID: OID.authorityKeyIdentifier,
        critical: false,
        extnValue: new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(issuerKeyId) }),
        })
          .toSchema()
          .toBER(false),
      }),
    );
  }
  if (input.extKeyUsage?.length) {
    extensions.push(
      new pkijs.Extension({
        extnID: OID.extKeyUsage,
        critical: true,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: input.extKeyUsage }).toSchema().toBER(false),
      }),
    );
  }
  cert.extensions = extensions;
  const tbs = new Uint8Array(cert.encodeTBS().toBER());
  cert.tbsView = tbs;
  cert.signatureAlgorithm = algorithmId(scheme.signatureOid, scheme.params);
  cert.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(signSha256(input.signingKey, tbs)) });
  return cert;
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
export function subjectKeyId(spki: pkijs.PublicKeyInfo): Uint8Array {
  const bits = new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView);
  return new Uint8Array(sha1(bits));
}

function sha1(data: Uint8Array): Buffer {
  return createHash('sha1').update(data).digest();
}

/** The key usage bits a certificate declares, or null when it has no keyUsage extension. */
export function keyUsagesOf(cert: pkijs.Certificate): Set<KeyUsageName> | null {
  const ext = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ext) return null;
  const parsed = asn1js.fromBER(toArrayBuffer(new Uint8Array(ext.extnValue.valueBlock.valueHexView)));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.BitString)) return new Set();
  const bytes = new Uint8Array(parsed.result.valueBlock.valueHexView);
  const out = new Set<KeyUsageName>();
  for (const [name, bit] of Object.entries(KEY_USAGE_BITS) as [KeyUsageName, number][]) {
    const byte = bytes[bit >> 3] ?? 0;
    if (byte & (0x80 >> (bit & 7))) out.add(name);
  }
  return out;
}

export function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  if (!ext) return false;
  const parsed = asn1js.fromBER(toArrayBuffer(new Uint8Array(ext.extnValue.valueBlock.valueHexView)));
  if (parsed.offset === -1) return false;
  try {
    return new pkijs.BasicConstraints({ schema: parsed.result }).cA === true;
  } catch {
    return false;
  }
}

export function serialHex(cert: pkijs.Certificate): string {
  return Buffer.from(cert.serialNumber.valueBlock.valueHexView)
    .toString('hex')
    .replace(/^(00)+/, '')
    .toUpperCase();
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

/** PEM (one or many blocks) or DER → the DER of each certificate. */
export function certificatesFromFile(bytes: Uint8Array): Buffer[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
    return blocks.map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
  }
  return [Buffer.from(bytes)];
}

export function nodeCertificate(cert: pkijs.Certificate): X509Certificate {
  return new X509Certificate(derOf(cert));
}
