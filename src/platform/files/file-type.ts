/**
 * Attachment types accepted for dossiers (hồ sơ), recognised by their first bytes, never by the
 * name or the Content-Type the client sends.
 */
export const ATTACHMENT_TYPES = ['pdf', 'docx', 'png', 'jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const MEDIA_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

export const EXTENSIONS: Record<AttachmentType, string> = {
  pdf: 'pdf',
  docx: 'docx',
  png: 'png',
  jpeg: 'jpg',
};

/** Largest attachment accepted (a scanned dossier of a few dozen pages). */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

const startsWith = (buf: Uint8Array, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

/**
 * The type of a file from its content: PDF by "%PDF-", PNG by its 8-byte signature, JPEG by
 * FF D8 FF, DOCX by a ZIP local header whose archive names word/document.xml (an .xlsx or any
 * other ZIP is refused). Returns null for anything else.
 */
export function detectAttachmentType(buf: Uint8Array): AttachmentType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && zipHasEntry(buf, 'word/document.xml')) return 'docx';
  return null;
}

/** Whether a ZIP's central directory names `entry` (enough to tell a DOCX from other ZIPs). */
function zipHasEntry(buf: Uint8Array, entry: string): boolean {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50) return false;
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    if (name === entry) return true;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return false;
}
