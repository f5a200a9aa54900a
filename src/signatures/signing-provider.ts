import type { KeyObject } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type * as pkijs from 'pkijs';
import { buildCms } from './cms.ts';
import { nameAttribute, OID } from './x509.ts';

/**
 * Who applies a signature. The instance's own key is one provider; a key and certificate the
 * administrator installed is the same provider with other material; a USB token driven by the
 * VGCA Sign Service would be a third that hands the byte range to the browser plug-in (ADR 0010).
 */
export type SigningProvider = {
  readonly kind: 'instance' | 'installed';
  /** The signer's certificate first, then its issuers (the root last, when known). */
  readonly chain: pkijs.Certificate[];
  /** A detached CMS SignedData (CAdES, PAdES B-B) over the given bytes. */
  signDetached(content: Uint8Array): Promise<Buffer>;
};

export type KeyMaterial = {
  certificate: pkijs.Certificate;
  key: KeyObject;
  issuers: pkijs.Certificate[];
  crls?: Uint8Array[];
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array> | Uint8Array;
};

export function keySigningProvider(kind: SigningProvider['kind'], material: KeyMaterial): SigningProvider {
  return {
    kind,
    chain: [material.certificate, ...material.issuers],
    signDetached: (content) =>
      buildCms({
        content,
        signerCertificate: material.certificate,
        signerKey: material.key,
        certificates: material.issuers,
        ...(material.crls ? { crls: material.crls } : {}),
        ...(material.timestamp ? { timestamp: material.timestamp } : {}),
      }),
  };
}

class ProviderSigner extends Signer {
  constructor(private readonly provider: SigningProvider) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return this.provider.signDetached(pdfBuffer);
  }
}

export type SealOptions = {
  reason: string;
  location: string;
  /** The /M entry: the claimed signing time. */
  signingTime?: Date;
};

/** PDF strings in the signature dictionary are PDFDocEncoding: keep them to ASCII. */
const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '');

/**
 * Adds one PAdES signature (SubFilter ETSI.CAdES.detached) to a PDF: a placeholder through pdf-lib,
 * then @signpdf fills the byte range with the provider's CMS. The whole file is rewritten, so this
 * seals a PDF this instance made; an already signed upload is never passed here.
 */
export async function signPdf(
  pdf: Uint8Array,
  provider: SigningProvider,
  options: SealOptions,
): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const signer = provider.chain[0];
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: ascii(options.reason),
    contactInfo: '',
    name: ascii((signer && nameAttribute(signer.subject, OID.commonName)) ?? ''),
    location: ascii(options.location),
    signatureLength: 16_384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ...(options.signingTime ? { signingTime: options.signingTime } : {}),
    appName: 'TDKT',
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(withPlaceholder, new ProviderSigner(provider));
}
