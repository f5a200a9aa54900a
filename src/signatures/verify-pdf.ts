import {
  createHash,
  createPublicKey,
  verify as nodeVerify,
  type KeyObject,
  X509Certificate,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CMS } from './cms.ts';
import { findPdfSignatures, isPdf, type PdfSignatureField } from './pdf-signatures.ts';
import {
  derOf,
  describeName,
  isCa,
  keyUsagesOf,
  nameAttribute,
  OID,
  parseCertificate,
  parseDer,
  serialHex,
  subjectKeyId,
} from './x509.ts';

export type CertificateSummary = {
  commonName: string | null;
  organization: string | null;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
};

export type SignatureProblemCode =
  | 'SIGNATURE.MALFORMED'
  | 'SIGNATURE.ALTERED'
  | 'SIGNATURE.BAD_SIGNATURE'
  | 'SIGNATURE.UNSUPPORTED_ALGORITHM'
  | 'SIGNATURE.UNTRUSTED'
  | 'SIGNATURE.EXPIRED'
  | 'SIGNATURE.NOT_YET_VALID'
  | 'SIGNATURE.KEY_USAGE'
  | 'SIGNATURE.CHAIN_INVALID'
  | 'SIGNATURE.REVOKED'
  | 'SIGNATURE.TIMESTAMP_INVALID';

export type SignatureProblem = { code: SignatureProblemCode; message: string };

export type SignatureVerdict = {
  valid: boolean;
  problems: SignatureProblem[];
  /** What was not checked or only partly, in Vietnamese, shown beside the verdict. */
  notes: string[];
  signer: CertificateSummary | null;
  /** Signer first, then each issuer up to the trusted root when one was reached. */
  chain: CertificateSummary[];
  signingTime: string | null;
  signingTimeSource: 'timestamp' | 'claimed' | 'none';
  revocation: 'good' | 'revoked' | 'not_checked';
  coversWholeFile: boolean;
  subFilter: string | null;
};

export type PdfVerification = {
  kind: 'not_pdf' | 'unsigned' | 'signed';
  signatures: SignatureVerdict[];
  checkedAt: string;
};

const HASH_OF_OID: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  '1.2.840.113549.1.1.5': 'sha1',
  [OID.sha256WithRsa]: 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  [OID.ecdsaWithSha256]: 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const PLAIN_KEY_ALGORITHMS = new Set([OID.rsaEncryption, '1.2.840.10045.2.1']);

const dmy = (d: Date): string =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

export function summarize(cert: pkijs.Certificate): CertificateSummary {
  return {
    commonName: nameAttribute(cert.subject, OID.commonName),
    organization: nameAttribute(cert.subject, OID.organization),
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    serialNumber: serialHex(cert),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    sha256: createHash('sha256').update(derOf(cert)).digest('hex'),
  };
}

function publicKeyOf(cert: pkijs.Certificate): KeyObject {
  return createPublicKey({
    key: Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)),
    format: 'der',
    type: 'spki',
  });
}

/** Node's verify for the algorithm a structure names (hash from a combined OID, else the digest). */
function verifyWith(
  key: KeyObject,
  signatureOid: string,
  digestOid: string | null,
  data: Uint8Array,
  signature: Uint8Array,
): boolean | 'unsupported' {
  const hash =
    HASH_OF_OID[signatureOid] ??
    (PLAIN_KEY_ALGORITHMS.has(signatureOid) && digestOid ? HASH_OF_OID[digestOid] : undefined);
  if (!hash) return 'unsupported';
  try {
    return nodeVerify(hash, data, key, signature);
  } catch {
    return false;
  }
}

function octets(value: unknown): Uint8Array | null {
  if (value instanceof asn1js.OctetString) return new Uint8Array(value.getValue());
  return null;
}

type SignerCheck =
  | { ok: true; cert: pkijs.Certificate; signerInfo: pkijs.SignerInfo; claimedTime: Date | null }
  | { ok: false; problem: SignatureProblem; cert: pkijs.Certificate | null };

function findSignerCertificate(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    return (
      certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null
    );
  }
  // [0] SubjectKeyIdentifier.
  const sidBytes = new Uint8Array((si.sid as asn1js.Constructed).valueBeforeDecodeView ?? new Uint8Array());
  return (
    certs.find((c) => {
      const id = Buffer.from(subjectKeyId(c.subjectPublicKeyInfo));
      return Buffer.from(sidBytes).subarray(-id.length).equals(id);
    }) ?? null
  );
}

/** The one signer of a SignedData checked against its content: digest, then signature. */
function checkSigner(sd: pkijs.SignedData, content: Uint8Array, what: 'document' | 'timestamp'): SignerCheck {
  const si = sd.signerInfos[0];
  if (!si) return { ok: false, cert: null, problem: malformed('Chữ ký không có thông tin người ký.') };
  const cert = findSignerCertificate(sd, si);
  if (!cert) {
    return {
      ok: false,
      cert: null,
      problem: malformed('Chữ ký không kèm chứng thư số của người ký nên không kiểm tra được.'),
    };
  }
  const digestOid = si.digestAlgorithm.algorithmId;
  const hash = HASH_OF_OID[digestOid];
  if (!hash) {
    return {
      ok: false,
      cert,
      problem: {
        code: 'SIGNATURE.UNSUPPORTED_ALGORITHM',
        message: `Chữ ký dùng thuật toán băm chưa được hỗ trợ (${digestOid}).`,
      },
    };
  }
  let data = content;
  let claimedTime: Date | null = null;
  if (si.signedAttrs) {
    const attrs = si.signedAttrs.attributes;
    const digest = octets(attrs.find((a) => a.type === CMS.messageDigest)?.values[0]);
    if (!digest) return { ok: false, cert, problem: malformed('Chữ ký thiếu giá trị băm của nội dung.') };
    const actual = createHash(hash).update(content).digest();
    if (!actual.equals(Buffer.from(digest))) {
      return {
        ok: false,
        cert,
        problem:
          what === 'document'
            ? {
                code: 'SIGNATURE.ALTERED',
                message: 'Nội dung tệp đã bị thay đổi sau khi ký: chữ ký số không còn khớp với tệp.',
              }
            : { code: 'SIGNATURE.TIMESTAMP_INVALID', message: 'Dấu thời gian của chữ ký đã bị thay đổi.' },
      };
    }
    const time = attrs.find((a) => a.type === CMS.signingTime)?.values[0];
    if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) claimedTime = time.toDate();
    const encoded = new Uint8Array(si.signedAttrs.encodedValue);
    data = new Uint8Array(encoded);
    data[0] = 0x31; // [0] IMPLICIT → SET OF, as signed (RFC 5652 §5.4).
  }
  const verified = verifyWith(
    publicKeyOf(cert),
    si.signatureAlgorithm.algorithmId,
    digestOid,
    data,
    new Uint8Array(si.signature.valueBlock.valueHexView),
  );
  if (verified === 'unsupported') {
    return {
      ok: false,
      cert,
      problem: {
        code: 'SIGNATURE.UNSUPPORTED_ALGORITHM',
        message: `Chữ ký dùng thuật toán chưa được hỗ trợ (${si.signatureAlgorithm.algorithmId}).`,
      },
    };
  }
  if (!verified) {
    return {
      ok: false,
      cert,
      problem:
        what === 'document'
          ? {
              code: 'SIGNATURE.BAD_SIGNATURE',
              message: 'Chữ ký số không đúng với chứng thư số kèm theo: tệp hoặc chữ ký đã bị sửa.',
            }
          : { code: 'SIGNATURE.TIMESTAMP_INVALID', message: 'Chữ ký của dấu thời gian không hợp lệ.' },
    };
  }
  return { ok: true, cert, signerInfo: si, claimedTime };
}

function malformed(message: string): SignatureProblem {
  return { code: 'SIGNATURE.MALFORMED', message };
}

function parseSignedData(der: Uint8Array): pkijs.SignedData | null {
  const info = parseDer(der, (schema) => new pkijs.ContentInfo({ schema }));
  if (!info || info.contentType !== CMS.signedData) return null;
  try {
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    return null;
  }
}

function fingerprint(cert: pkijs.Certificate): string {
  return createHash('sha256').update(derOf(cert)).digest('hex');
}

type Chain = { path: pkijs.Certificate[]; trusted: boolean };

/**
 * Builds the path from the signer to a trusted root: each issuer is the certificate whose
 * subject names it and whose key verifies its signature (OpenSSL, through X509Certificate).
 */
function buildChain(leaf: pkijs.Certificate, pool: pkijs.Certificate[], roots: pkijs.Certificate[]): Chain {
  const rootPrints = new Set(roots.map(fingerprint));
  const candidates = [...roots, ...pool];
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (rootPrints.has(fingerprint(current))) return { path, trusted: true };
    const node = new X509Certificate(derOf(current));
    const issuer = candidates.find((c) => {
      if (fingerprint(c) === fingerprint(current) && !node.checkIssued(node)) return false;
      const x = new X509Certificate(derOf(c));
      return node.checkIssued(x) && node.verify(x.publicKey);
    });
    if (!issuer || fingerprint(issuer) === fingerprint(current)) return { path, trusted: false };
    path.push(issuer);
    current = issuer;
  }
  return { path, trusted: false };
}

type Revocation = { crls: pkijs.CertificateRevocationList[]; ocspCount: number };

function revocationData(sd: pkijs.SignedData, si: pkijs.SignerInfo): Revocation {
  const crls = (sd.crls ?? []).filter(
    (c): c is pkijs.CertificateRevocationList => c instanceof pkijs.CertificateRevocationList,
  );
  let ocspCount = 0;
  // adbe-revocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRLs, ocsp [1] …, other [2] … }
  const archival = si.signedAttrs?.attributes.find((a) => a.type === CMS.adbeRevocationInfoArchival)
    ?.values[0];
  if (archival instanceof asn1js.Sequence) {
    for (const tagged of archival.valueBlock.value) {
      const inner = (tagged as asn1js.Constructed).valueBlock?.value?.[0] as asn1js.Sequence | undefined;
      const items = inner?.valueBlock?.value ?? [];
      if (tagged.idBlock.tagNumber === 0) {
        for (const item of items) {
          try {
            crls.push(new pkijs.CertificateRevocationList({ schema: item }));
          } catch {
            // An unreadable entry is ignored: revocation is then reported as not checked.
          }
        }
      } else if (tagged.idBlock.tagNumber === 1) {
        ocspCount += items.length;
      }
    }
  }
  return { crls, ocspCount };
}

function crlSignedBy(crl: pkijs.CertificateRevocationList, issuer: pkijs.Certificate): boolean {
  if (!crl.issuer.isEqual(issuer.subject)) return false;
  const ok = verifyWith(
    publicKeyOf(issuer),
    crl.signatureAlgorithm.algorithmId,
    null,
    crl.tbsView,
    new Uint8Array(crl.signatureValue.valueBlock.valueHexView),
  );
  return ok === true;
}

type Timestamp = { time: Date } | { problem: SignatureProblem } | { note: string } | null;

/** PAdES B-T: an RFC 3161 token over the signature value, signed by a TSA the administrator trusts. */
function checkTimestamp(si: pkijs.SignerInfo, roots: pkijs.Certificate[]): Timestamp {
  const token = si.unsignedAttrs?.attributes.find((a) => a.type === CMS.signatureTimeStampToken)?.values[0];
  if (!token) return null;
  const tsd = parseSignedData(new Uint8Array(token.toBER(false)));
  const eContent = tsd?.encapContentInfo.eContent;
  if (!tsd || !eContent || tsd.encapContentInfo.eContentType !== CMS.tstInfo) {
    return {
      problem: { code: 'SIGNATURE.TIMESTAMP_INVALID', message: 'Dấu thời gian kèm chữ ký không đọc được.' },
    };
  }
  const content = new Uint8Array(eContent.getValue());
  const tst = parseDer(content, (schema) => new pkijs.TSTInfo({ schema }));
  if (!tst) {
    return {
      problem: { code: 'SIGNATURE.TIMESTAMP_INVALID', message: 'Dấu thời gian kèm chữ ký không đọc được.' },
    };
  }
  const hash = HASH_OF_OID[tst.messageImprint.hashAlgorithm.algorithmId];
  const imprint = Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (
    !hash ||
    !createHash(hash).update(new Uint8Array(si.signature.valueBlock.valueHexView)).digest().equals(imprint)
  ) {
    return {
      problem: { code: 'SIGNATURE.TIMESTAMP_INVALID', message: 'Dấu thời gian không thuộc về chữ ký này.' },
    };
  }
  const signer = checkSigner(tsd, content, 'timestamp');
  if (!signer.ok) return { problem: signer.problem };
  const pool = (tsd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const chain = buildChain(signer.cert, pool, roots);
  if (!chain.trusted) {
    return {
      note: `Dấu thời gian do "${nameAttribute(signer.cert.subject, OID.commonName) ?? describeName(signer.cert.subject)}" cấp, không thuộc chứng thư gốc tin cậy đã cài đặt, nên không dùng làm thời điểm ký.`,
    };
  }
  return { time: tst.genTime };
}

/** Verifies one signature dictionary of a PDF against the configured roots. */
export async function verifySignatureField(
  field: PdfSignatureField,
  rootsDer: Uint8Array[],
  now: Date = new Date(),
): Promise<SignatureVerdict> {
  const verdict: SignatureVerdict = {
    valid: false,
    problems: [],
    notes: [],
    signer: null,
    chain: [],
    signingTime: null,
    signingTimeSource: 'none',
    revocation: 'not_checked',
    coversWholeFile: field.coversWholeFile,
    subFilter: field.subFilter,
  };
  const fail = (p: SignatureProblem): SignatureVerdict => {
    verdict.problems.push(p);
    return verdict;
  };
  if (field.malformed) return fail(malformed('Vùng chữ ký trong tệp PDF không đúng cấu trúc (ByteRange).'));
  const sd = parseSignedData(field.cms);
  if (!sd) return fail(malformed('Chữ ký số trong tệp không đọc được (không phải CMS/PKCS#7).'));
  const signer = checkSigner(sd, field.signedBytes, 'document');
  if (signer.cert) {
    verdict.signer = summarize(signer.cert);
    verdict.chain = [verdict.signer];
  }
  if (!signer.ok) return fail(signer.problem);
  const roots = rootsDer.map(parseCertificate).filter((c): c is pkijs.Certificate => c !== null);

  const ts = checkTimestamp(signer.signerInfo, roots);
  let at: Date;
  if (ts && 'problem' in ts) return fail(ts.problem);
  if (ts && 'time' in ts) {
    at = ts.time;
    verdict.signingTimeSource = 'timestamp';
  } else {
    if (ts && 'note' in ts) verdict.notes.push(ts.note);
    const claimed = field.claimedTime ?? signer.claimedTime;
    at = claimed ?? now;
    verdict.signingTimeSource = claimed ? 'claimed' : 'none';
    verdict.notes.push(
      claimed
        ? 'Chữ ký không có dấu thời gian (PAdES B-T): thời điểm ký là thời điểm do người ký tự khai.'
        : 'Chữ ký không ghi thời điểm ký: chứng thư được kiểm tra tại thời điểm tải lên.',
    );
  }
  verdict.signingTime = at.toISOString();
  if (!field.coversWholeFile) {
    verdict.notes.push('Tệp có phần được thêm vào sau chữ ký này; phần thêm sau không được chữ ký bảo vệ.');
  }

  const pool = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const chain = buildChain(signer.cert, pool, roots);
  verdict.chain = chain.path.map(summarize);
  if (!chain.trusted) {
    const top = chain.path[chain.path.length - 1]!;
    return fail({
      code: 'SIGNATURE.UNTRUSTED',
      message: `Chứng thư số của người ký không thuộc chứng thư gốc tin cậy nào đã cài đặt (tổ chức cấp: ${describeName(top.issuer)}). Quản trị viên cài chứng thư gốc tại trang "Chứng thư gốc tin cậy".`,
    });
  }
  chain.path.forEach((cert, i) => {
    const who =
      i === 0
        ? 'của người ký'
        : `của tổ chức cấp "${nameAttribute(cert.subject, OID.commonName) ?? describeName(cert.subject)}"`;
    if (at > cert.notAfter.value) {
      verdict.problems.push({
        code: 'SIGNATURE.EXPIRED',
        message: `Chứng thư số ${who} đã hết hạn ngày ${dmy(cert.notAfter.value)}, trước thời điểm ký ${dmy(at)}.`,
      });
    } else if (at < cert.notBefore.value) {
      verdict.problems.push({
        code: 'SIGNATURE.NOT_YET_VALID',
        message: `Chứng thư số ${who} chỉ có hiệu lực từ ngày ${dmy(cert.notBefore.value)}, sau thời điểm ký ${dmy(at)}.`,
      });
    }
    if (i > 0) {
      const usage = keyUsagesOf(cert);
      if (!isCa(cert) || (usage && !usage.has('keyCertSign'))) {
        verdict.problems.push({
          code: 'SIGNATURE.CHAIN_INVALID',
          message: `Chứng thư "${nameAttribute(cert.subject, OID.commonName) ?? describeName(cert.subject)}" không được phép cấp chứng thư số cho người khác.`,
        });
      }
    }
  });
  // RFC 5280 §4.2.1.3: a document signature needs digitalSignature or nonRepudiation.
  const usage = keyUsagesOf(signer.cert);
  if (usage && !usage.has('digitalSignature') && !usage.has('nonRepudiation')) {
    verdict.problems.push({
      code: 'SIGNATURE.KEY_USAGE',
      message:
        'Chứng thư số của người ký không được cấp cho mục đích ký số văn bản (thiếu mục đích sử dụng khóa digitalSignature/nonRepudiation).',
    });
  }

  const revocation = revocationData(sd, signer.signerInfo);
  let unchecked = 0;
  let revoked = false;
  for (let i = 0; i + 1 < chain.path.length; i++) {
    const cert = chain.path[i]!;
    const issuer = chain.path[i + 1]!;
    const crl = revocation.crls.find((c) => crlSignedBy(c, issuer));
    if (!crl) {
      unchecked++;
      continue;
    }
    const serial = serialHex(cert);
    const entry = (crl.revokedCertificates ?? []).find(
      (r) =>
        Buffer.from(r.userCertificate.valueBlock.valueHexView)
          .toString('hex')
          .replace(/^(00)+/, '')
          .toUpperCase() === serial,
    );
    if (!entry) continue;
    const when = entry.revocationDate.value;
    if (when <= at) {
      revoked = true;
      verdict.problems.push({
        code: 'SIGNATURE.REVOKED',
        message: `Chứng thư số ${i === 0 ? 'của người ký' : `"${nameAttribute(cert.subject, OID.commonName) ?? ''}"`} đã bị thu hồi ngày ${dmy(when)}, trước thời điểm ký ${dmy(at)}.`,
      });
    } else {
      verdict.notes.push(`Chứng thư số bị thu hồi ngày ${dmy(when)}, sau thời điểm ký.`);
    }
  }
  verdict.revocation = revoked ? 'revoked' : unchecked === 0 ? 'good' : 'not_checked';
  if (!revoked && unchecked > 0) {
    verdict.notes.push(
      revocation.ocspCount > 0
        ? 'Tệp kèm phản hồi OCSP; hệ thống chưa đọc OCSP nên chưa xác nhận được tình trạng thu hồi.'
        : 'Tệp không kèm danh sách thu hồi (CRL) hay phản hồi OCSP nên chưa kiểm tra được chứng thư có bị thu hồi hay không.',
    );
  }
  verdict.valid = verdict.problems.length === 0;
  return verdict;
}

/** Every signature of a PDF, verified; a file with none is a scan ("không có chữ ký số"). */
export async function verifyPdf(
  bytes: Uint8Array,
  rootsDer: Uint8Array[],
  now: Date = new Date(),
): Promise<PdfVerification> {
  const checkedAt = now.toISOString();
  if (!isPdf(bytes)) return { kind: 'not_pdf', signatures: [], checkedAt };
  const fields = findPdfSignatures(bytes).filter((f) => f.subFilter !== 'ETSI.RFC3161');
  if (fields.length === 0) return { kind: 'unsigned', signatures: [], checkedAt };
  const signatures: SignatureVerdict[] = [];
  for (const f of fields) signatures.push(await verifySignatureField(f, rootsDer, now));
  return { kind: 'signed', signatures, checkedAt };
}
