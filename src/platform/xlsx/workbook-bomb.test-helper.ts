import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * Hostile workbooks for the limit tests, built the way an attacker would: a real .xlsx (it opens
 * as one up to its first sheet) whose shared-strings table expands from a few hundred kilobytes
 * to hundreds of megabytes of tiny entries. Generated as a stream, so the test never holds the
 * expanded XML either.
 */
export type BombOptions = {
  /** Entries of the shared-strings table. */
  sharedStrings: number;
  /** Text of each entry (repeated, so it compresses ≈ 1,000×). */
  text?: string;
  /** Declare this uncompressed size for sharedStrings.xml in the central directory (a lie). */
  declareSharedStringsBytes?: number;
  /** Rows of cells in the first sheet, each cell naming a shared string. */
  rows?: number;
  columns?: number;
};

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const SKELETON: Record<string, string> = {
  '[Content_Types].xml':
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>',
  '_rels/.rels':
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml':
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    '<sheet name="Cán bộ" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
};

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Builds the bomb; resolves to the .xlsx bytes. */
export async function bombWorkbook(options: BombOptions): Promise<Buffer> {
  const text = options.text ?? 'x';
  const rows = options.rows ?? 2;
  const columns = options.columns ?? 5;
  const parts: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      parts.push(chunk);
      if (final) resolve();
    });
    const encoder = new TextEncoder();
    for (const [name, body] of Object.entries(SKELETON)) {
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(encoder.encode(body), true);
    }
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    zip.add(sheet);
    sheet.push(encoder.encode(`${XML}<worksheet xmlns="${MAIN}"><sheetData>`));
    for (let r = 1; r <= rows; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < columns; c++) {
        row += `<c r="${columnName(c)}${r}" t="s"><v>${(r * columns + c) % options.sharedStrings}</v></c>`;
      }
      sheet.push(encoder.encode(`${row}</row>`));
    }
    sheet.push(encoder.encode('</sheetData></worksheet>'), true);

    const strings = new ZipDeflate('xl/sharedStrings.xml', { level: 9 });
    zip.add(strings);
    const n = options.sharedStrings;
    strings.push(encoder.encode(`${XML}<sst xmlns="${MAIN}" count="${n}" uniqueCount="${n}">`));
    const item = `<si><t>${text}</t></si>`;
    const perChunk = Math.max(1, Math.floor((1024 * 1024) / item.length));
    const chunk = encoder.encode(item.repeat(perChunk));
    let written = 0;
    for (; written + perChunk <= n; written += perChunk) strings.push(chunk);
    if (written < n) strings.push(encoder.encode(item.repeat(n - written)));
    strings.push(encoder.encode('</sst>'), true);
    zip.end();
  });
  await done;
  const file = Buffer.concat(parts);
  if (options.declareSharedStringsBytes !== undefined) {
    declareSize(file, 'xl/sharedStrings.xml', options.declareSharedStringsBytes);
  }
  return file;
}

/** Overwrites an entry's uncompressed size in the central directory (a lying header). */
function declareSize(file: Buffer, name: string, bytes: number): void {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = file.readUInt32LE(eocd + 16);
  const entries = file.readUInt16LE(eocd + 10);
  for (let i = 0; i < entries; i++) {
    const nameLength = file.readUInt16LE(at + 28);
    const extra = file.readUInt16LE(at + 30);
    const comment = file.readUInt16LE(at + 32);
    if (file.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      file.writeUInt32LE(bytes, at + 24);
      return;
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`no entry ${name}`);
}
