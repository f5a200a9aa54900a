import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, invalid } from '../errors.ts';
import {
  EXTENSIONS,
  MAX_ATTACHMENT_BYTES,
  MEDIA_TYPES,
  detectAttachmentType,
  type AttachmentType,
} from './file-type.ts';

export type StoredFile = { sha256: string; type: AttachmentType; mediaType: string; size: number };

/**
 * Files kept outside the database, addressed by the SHA-256 of their content, under
 * `<dataDir>/files/ab/cd/<sha256>.<ext>`. Names are generated here only: no client-supplied
 * name or path ever reaches the file system, so there is nothing to traverse with "../".
 * The same content stored twice is one file.
 */
export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(path.resolve(dataDir), 'files');
  }

  /** Checks type (magic bytes) and size, then stores the bytes; returns what to record. */
  async put(bytes: Uint8Array, maxBytes = MAX_ATTACHMENT_BYTES): Promise<StoredFile> {
    if (bytes.length === 0) throw invalid('Tệp đính kèm rỗng.', 'FILE.EMPTY');
    if (bytes.length > maxBytes) {
      throw new AppError(
        'payload_too_large',
        'FILE.TOO_LARGE',
        `Tệp đính kèm vượt quá dung lượng cho phép (${Math.floor(maxBytes / 1024 / 1024)} MB).`,
      );
    }
    const type = detectAttachmentType(bytes);
    if (!type) {
      throw invalid('Chỉ nhận tệp PDF, Word (.docx) hoặc ảnh (PNG, JPEG).', 'FILE.TYPE_NOT_ALLOWED');
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256, type);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes, { flag: 'wx' });
      await rename(tmp, target);
    }
    return { sha256, type, mediaType: MEDIA_TYPES[type], size: bytes.length };
  }

  /** Reads a stored file back and checks its hash (a tampered file is refused). */
  async get(sha256: string, type: AttachmentType): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(sha256, type));
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new AppError('conflict', 'FILE.CORRUPT', 'Tệp lưu trữ đã bị thay đổi, không khớp mã băm.');
    }
    return bytes;
  }

  pathOf(sha256: string, type: AttachmentType): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw invalid('Mã tệp không hợp lệ.', 'FILE.BAD_ID');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.${EXTENSIONS[type]}`);
  }
}

export function attachmentTypeOfMedia(mediaType: string): AttachmentType | null {
  const hit = (Object.entries(MEDIA_TYPES) as [AttachmentType, string][]).find(([, m]) => m === mediaType);
  return hit ? hit[0] : null;
}
