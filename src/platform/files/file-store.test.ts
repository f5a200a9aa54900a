import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { FileStore } from './file-store.ts';
import { detectAttachmentType } from './file-type.ts';

const PDF = strToU8('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const DOCX = zipSync({
  '[Content_Types].xml': strToU8('<Types/>'),
  'word/document.xml': strToU8('<w:document/>'),
});
const XLSX = zipSync({
  '[Content_Types].xml': strToU8('<Types/>'),
  'xl/workbook.xml': strToU8('<workbook/>'),
});

describe('attachment type detection', () => {
  it.each([
    ['a PDF', PDF, 'pdf'],
    ['a PNG', PNG, 'png'],
    ['a JPEG', JPEG, 'jpeg'],
    ['a DOCX', DOCX, 'docx'],
  ] as const)('recognises %s by its bytes', (_name, bytes, type) => {
    expect(detectAttachmentType(bytes)).toBe(type);
  });

  it.each([
    ['a ZIP that is a spreadsheet, not a Word file', XLSX],
    ['an executable renamed .pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])],
    ['an HTML page', strToU8('<!doctype html><script>alert(1)</script>')],
    ['a truncated PDF header', strToU8('%PD')],
  ])('refuses %s', (_name, bytes) => {
    expect(detectAttachmentType(bytes)).toBeNull();
  });
});

describe('content-addressed file store', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-files-'));
  const store = new FileStore(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a file under files/ by the SHA-256 of its content and reads it back', async () => {
    const stored = await store.put(PDF);
    expect(stored).toMatchObject({ type: 'pdf', mediaType: 'application/pdf', size: PDF.length });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(store.pathOf(stored.sha256, 'pdf')).toBe(
      path.join(dir, 'files', stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), `${stored.sha256}.pdf`),
    );
    expect(Buffer.from(await store.get(stored.sha256, 'pdf')).equals(Buffer.from(PDF))).toBe(true);
  });

  it('keeps one copy when the same content is stored twice', async () => {
    const a = await store.put(DOCX);
    const b = await store.put(DOCX);
    expect(b.sha256).toBe(a.sha256);
    expect(readdirSync(path.dirname(store.pathOf(a.sha256, 'docx')))).toEqual([`${a.sha256}.docx`]);
  });

  it('refuses a file over the size limit with a Vietnamese message and 413', async () => {
    await expect(store.put(new Uint8Array(2048).fill(0x25), 1024)).rejects.toMatchObject({
      code: 'FILE.TOO_LARGE',
      status: 413,
    });
  });

  it('refuses a type it does not accept and an empty file', async () => {
    await expect(store.put(XLSX)).rejects.toMatchObject({ code: 'FILE.TYPE_NOT_ALLOWED', status: 400 });
    await expect(store.put(new Uint8Array())).rejects.toMatchObject({ code: 'FILE.EMPTY' });
  });

  it('refuses an id that is not a hash, so no path can be smuggled in', () => {
    expect(() => store.pathOf('../../etc/passwd', 'pdf')).toThrow(/không hợp lệ/);
  });

  it('notices a stored file that was changed on disk', async () => {
    const stored = await store.put(PNG);
    writeFileSync(store.pathOf(stored.sha256, 'png'), JPEG);
    await expect(store.get(stored.sha256, 'png')).rejects.toMatchObject({ code: 'FILE.CORRUPT' });
  });
});
