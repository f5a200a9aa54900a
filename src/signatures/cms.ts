import { createHash, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { algorithmId, derOf, OID, parseDer, signSha256, toArrayBuffer } from './x509.ts';

/** CMS (RFC 5652) and CAdES attribute identifiers used by PAdES (ETSI EN 319 142-1). */
export const CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** Adobe's revocation archive (PDF 1.7 ext. 3): CRLs and OCSP responses inside the signed attributes. */
  adbeRevocationInfoArchival: '1.2.840.113583.1.1.8',
} as const;

export type BuildCmsInput = {
  content: Uint8Array;
  /** id-data for a PDF signature; id-ct-TSTInfo for a timestamp token. */
  contentType?: string;
  /** Detached (PAdES) leaves the content out; a timestamp token carries it. */
  encapsulate?: boolean;
  signerCertificate: pkijs.Certificate;
  signerKey: KeyObject;
  /** The rest of the chain (intermediates), carried so a verifier can build the path. */
  certificates?: pkijs.Certificate[];
  /** CRLs (DER) carried in the SignedData `crls` field. */
  crls?: Uint8Array[];
  /** A claimed signing time as a signed attribute (PAdES puts it in the PDF's /M instead). */
  signingTime?: Date;
  /** Returns a timestamp token (ContentInfo DER) over the signature value: PAdES B-T. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array> | Uint8Array;
};

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS signing-certificate-v2 (RFC 5035) with SHA-256, the default hash, left implicit. */
function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const hash = createHash('sha256').update(derOf(cert)).digest();
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(hash) })] })],
      }),
    ],
  });
}

/** A CMS SignedData with one signer, signed by Node's crypto over the DER of its signed attributes. */
export async function buildCms(input: BuildCmsInput): Promise<Buffer> {
  const contentType = input.contentType ?? CMS.data;
  const digest = createHash('sha256').update(input.content).digest();
  const attrs = [
    attribute(CMS.contentType, new asn1js.ObjectIdentifier({ value: contentType })),
    ...(input.signingTime
      ? [attribute(CMS.signingTime, new asn1js.UTCTime({ valueDate: input.signingTime }))]
      : []),
    attribute(CMS.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })),
    attribute(CMS.signingCertificateV2, signingCertificateV2(input.signerCertificate)),
  ];
  const signedSet = new asn1js.Set({ value: attrs.map((a) => a.toSchema()) }).toBER(false);
  const signature = signSha256(input.signerKey, new Uint8Array(signedSet));
  const keyType = input.signerKey.asymmetricKeyType;
  const signatureAlgorithm =
    keyType === 'rsa' ? algorithmId(OID.rsaEncryption, new asn1js.Null()) : algorithmId(OID.ecdsaWithSha256);
  const signer = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: input.signerCertificate.issuer,
      serialNumber: input.signerCertificate.serialNumber,
    }),
    digestAlgorithm: algorithmId(OID.sha256),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attrs }),
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  if (input.timestamp) {
    const token = await input.timestamp(signature);
    const parsed = asn1js.fromBER(toArrayBuffer(token));
    if (parsed.offset === -1) throw new Error('Bad timestamp token');
    signer.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(CMS.signatureTimeStampToken, parsed.result)],
    });
  }
  const crls = (input.crls ?? [])
    .map((der) => parseDer(der, (schema) => new pkijs.CertificateRevocationList({ schema })))
    .filter((c): c is pkijs.CertificateRevocationList => c !== null);
  const sd = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [algorithmId(OID.sha256)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: contentType,
      ...(input.encapsulate
        ? { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(input.content) }) }
        : {}),
    }),
    signerInfos: [signer],
    certificates: [input.signerCertificate, ...(input.certificates ?? [])],
    ...(crls.length ? { crls } : {}),
  });
  const info = new pkijs.ContentInfo({ contentType: CMS.signedData, content: sd.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}
