import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { AppError } from '../errors.ts';
import { bombWorkbook } from './workbook-bomb.test-helper.ts';
import { readImportRows } from './read-import.ts';
import { personImportSpec } from './import-kinds.ts';
import { buildImportTemplate } from './template.ts';
import {
  checkWorkbook,
  checkWorkbookContent,
  checkWorkbookDirectory,
  DEFAULT_WORKBOOK_LIMITS,
  TagScanner,
  WORKBOOK_DAMAGED_CODE,
  WORKBOOK_LIMIT_CODE,
  type WorkbookLimits,
} from './workbook-limits.ts';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

const limits = (over: Partial<WorkbookLimits>): WorkbookLimits => ({ ...DEFAULT_WORKBOOK_LIMITS, ...over });

describe('workbook limits', () => {
  it('passes the import template and counts its cells and strings', async () => {
    const template = await buildImportTemplate(personImportSpec);
    const { directory, content } = checkWorkbook(template);
    expect(directory.entries.some((e) => e.name === 'xl/worksheets/sheet1.xml')).toBe(true);
    expect(content.cells).toBeGreaterThan(personImportSpec.columns.length);
    expect(content.totalBytes).toBe(directory.totalBytes);
  });

  it('refuses a bomb whose directory declares a huge shared-strings table, before decompressing', async () => {
    const bomb = await bombWorkbook({ sharedStrings: 7_000_000 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = refusal(() => checkWorkbookDirectory(bomb));
    expect(err.code).toBe(WORKBOOK_LIMIT_CODE);
    expect(err.status).toBe(400);
    expect(err.userMessage).toMatch(
      /^Tệp Excel vượt giới hạn đọc: bảng chuỗi dùng chung giải nén ra 114 MB \(tối đa 100 MB\)/,
    );
    expect(err.userMessage).toContain('không có dòng nào được nhập');
  }, 60_000);

  it('refuses an entry that expands past the size its directory declares, at the first chunk', async () => {
    const bomb = await bombWorkbook({ sharedStrings: 2_000_000, declareSharedStringsBytes: 1000 });
    const directory = checkWorkbookDirectory(bomb); // the lie passes the cheap check
    const err = refusal(() => checkWorkbookContent(bomb, directory));
    expect(err.code).toBe(WORKBOOK_DAMAGED_CODE);
    expect(err.userMessage).toContain('"xl/sharedStrings.xml" giải nén ra nhiều hơn kích thước khai báo');
  }, 60_000);

  it('counts shared strings as they expand and stops at the limit', async () => {
    const file = await bombWorkbook({ sharedStrings: 5000 });
    expect(checkWorkbook(file, limits({ maxSharedStrings: 5000 })).content.sharedStrings).toBe(5000);
    const err = refusal(() => checkWorkbook(file, limits({ maxSharedStrings: 4999 })));
    expect(err.userMessage).toContain('bảng chuỗi dùng chung có hơn 4.999 mục');
  });

  it('counts cells over the sheets and stops at the limit', async () => {
    const file = await bombWorkbook({ sharedStrings: 10, rows: 300, columns: 10 });
    expect(checkWorkbook(file).content.cells).toBe(3000);
    const err = refusal(() => checkWorkbook(file, limits({ maxCells: 2999 })));
    expect(err.userMessage).toContain('có hơn 2.999 ô dữ liệu');
  });

  it('refuses a string longer than an Excel cell can hold', async () => {
    const file = await bombWorkbook({ sharedStrings: 3, text: 'ệ'.repeat(50_000) }); // 150 KB of UTF-8
    const err = refusal(() => checkWorkbook(file));
    expect(err.userMessage).toContain('có chuỗi dài hơn giới hạn của một ô Excel (32.767 ký tự)');
    const fits = await bombWorkbook({ sharedStrings: 3, text: 'ệ'.repeat(30_000) });
    expect(checkWorkbook(fits).content.sharedStrings).toBe(3);
  });

  it('refuses uncompressed sizes over the limits, declared and real', async () => {
    const file = await bombWorkbook({ sharedStrings: 100_000 }); // ≈ 1.7 MB of XML
    const declared = refusal(() => checkWorkbookDirectory(file, limits({ maxTotalBytes: 1024 * 1024 })));
    expect(declared.userMessage).toMatch(/giải nén ra 2 MB \(tối đa 1 MB\)/);
    const sheet = refusal(() => checkWorkbook(file, limits({ maxSharedStringsBytes: 1024 * 1024 })));
    expect(sheet.userMessage).toContain('bảng chuỗi dùng chung giải nén ra 2 MB (tối đa 1 MB)');
  });

  it('refuses too many entries, an entry missing from the directory, and a file that is not a zip', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++) many[`xl/media/image${i}.png`] = strToU8('x');
    expect(
      refusal(() => checkWorkbookDirectory(zipSync(many), limits({ maxEntries: 10 }))).userMessage,
    ).toContain('có 11 mục nén (tối đa 10)');
    const notZip = refusal(() => checkWorkbook(strToU8('PK không phải tệp nén')));
    expect(notZip.code).toBe(WORKBOOK_DAMAGED_CODE);
    expect(notZip.userMessage).toMatch(/^Tệp không phải là tệp Excel \.xlsx đọc được/);
    const hidden = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    const err = refusal(() =>
      checkWorkbookContent(hidden, {
        entries: [{ name: 'other.xml', compressedBytes: 1, bytes: 11 }],
        totalBytes: 11,
      }),
    );
    expect(err.userMessage).toContain('mục "xl/workbook.xml" không có trong danh mục');
  });

  it('makes the reader refuse a bomb with its Vietnamese message before ExcelJS parses it', async () => {
    const bomb = await bombWorkbook({
      sharedStrings: 2_000_000,
      declareSharedStringsBytes: 40 * 1024 * 1024,
    });
    const read = async () => {
      for await (const row of readImportRows(personImportSpec, bomb)) void row;
    };
    await expect(read()).rejects.toMatchObject({
      code: WORKBOOK_LIMIT_CODE,
      userMessage: expect.stringContaining('bảng chuỗi dùng chung có hơn 1.000.000 mục'),
    });
  }, 60_000);
});

describe('TagScanner', () => {
  const xml =
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/><col/><cfRule/>' +
    '<c r="C1"><is><t>dài hơn</t></is></c></row><row r="2"><c r="A2"/></row></sheetData>';

  it('counts cells whatever the chunks, self-closing ones too, and not other names beginning with c', () => {
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const scanner = new TagScanner('c', 'row');
      let count = 0;
      for (let at = 0; at < bytes.length; at += size) {
        scanner.push(bytes.subarray(at, at + size), at + size >= bytes.length);
        count += scanner.takeCount();
      }
      expect(count, `chunks of ${size}`).toBe(4);
      // The longest cell is C1: from "<c r" to its "</c>".
      const c1 = xml.indexOf('<c r="C1"');
      expect(scanner.longest, `chunks of ${size}`).toBe(
        new TextEncoder().encode(xml.slice(c1, xml.indexOf('</c>', c1))).length,
      );
    }
  });
});
