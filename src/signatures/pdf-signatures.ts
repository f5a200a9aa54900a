import * as asn1js from 'asn1js';
import { toArrayBuffer } from './x509.ts';

/** One signature dictionary of a PDF, as its bytes say (ISO 32000-1 §12.8.1). */
export type PdfSignatureField = {
  byteRange: [number, number, number, number];
  /** The CMS SignedData, without the zero padding of the placeholder. */
  cms: Buffer;
  /** The bytes the signature covers: the file less the /Contents hole. */
  signedBytes: Buffer;
  subFilter: string | null;
  /** /M: the time the signer's software wrote, not proof of anything. */
  claimedTime: Date | null;
  /** Whether the byte range reaches the end of the file (nothing appended after signing). */
  coversWholeFile: boolean;
  /** The byte range is not shaped like a signature's (starts at 0, one hole holding /Contents). */
  malformed: boolean;
};

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** "D:20240205093000+07'00'" → Date (PDF date string, ISO 32000-1 §7.9.4). */
export function parsePdfDate(text: string): Date | null {
  const m = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(
    text.trim(),
  );
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000;
  const t = sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc;
  return Number.isFinite(t) ? new Date(t) : null;
}

/**
 * Finds every signature dictionary by its /ByteRange. A signature dictionary cannot live in a
 * compressed object stream (its byte range must point into the file as written), so scanning the
 * raw bytes finds them all, in every incremental revision.
 */
export function findPdfSignatures(pdf: Uint8Array): PdfSignatureField[] {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const out: PdfSignatureField[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [
      number,
      number,
      number,
      number,
    ];
    const [a, b, c, d] = range;
    const objStart = Math.max(0, text.lastIndexOf(' obj', m.index));
    const endObj = text.indexOf('endobj', m.index);
    const objEnd = endObj === -1 ? text.length : endObj;
    const shaped =
      a === 0 && b > 0 && c > b && c + d <= bytes.length && text[b] === '<' && text[c - 1] === '>';
    // The dictionary's own keys, without the long /Contents hex.
    const dict =
      shaped && b >= objStart && c <= objEnd
        ? text.slice(objStart, b) + text.slice(c, objEnd)
        : text.slice(objStart, objEnd);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dict)?.[1] ?? null;
    const claimed = /\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1];
    const signedBytes = shaped
      ? Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)])
      : Buffer.alloc(0);
    let cms = Buffer.alloc(0);
    if (shaped) {
      const hex = text.slice(b + 1, c - 1).replace(/\s+/g, '');
      const raw = /^[0-9a-fA-F]*$/.test(hex)
        ? Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')
        : Buffer.alloc(0);
      const parsed = raw.length ? asn1js.fromBER(toArrayBuffer(raw)) : null;
      cms = parsed && parsed.offset !== -1 ? raw.subarray(0, parsed.offset) : raw;
    }
    out.push({
      byteRange: range,
      cms,
      signedBytes,
      subFilter,
      claimedTime: claimed ? parsePdfDate(claimed) : null,
      coversWholeFile: shaped && c + d === bytes.length,
      malformed: !shaped,
    });
  }
  return out;
}
