import { describe, it, expect } from 'vitest';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralizeCell, restoreNeutralizedText } from './neutralize.ts';
import { writeXlsxToBuffer } from './write-xlsx.ts';

describe('neutralizeCell', () => {
  it('prefixes text starting with = + - @ tab or CR with a single quote', () => {
    expect(neutralizeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeCell('+84 123')).toBe("'+84 123");
    expect(neutralizeCell('-2+3')).toBe("'-2+3");
    expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCell('\t=1')).toBe("'\t=1");
    expect(neutralizeCell('\r=1')).toBe("'\r=1");
  });

  it('leaves ordinary text, numbers, dates and booleans untouched', () => {
    const date = new Date(Date.UTC(2023, 11, 26));
    expect(neutralizeCell('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(neutralizeCell('a=b')).toBe('a=b');
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(date)).toBe(date);
    expect(neutralizeCell(true)).toBe(true);
    expect(neutralizeCell(null)).toBe(null);
  });

  it('is undone on re-import only where the export added the quote', () => {
    expect(restoreNeutralizedText(neutralizeCell('=1+1'))).toBe('=1+1');
    expect(restoreNeutralizedText("'quoted'")).toBe("'quoted'");
  });
});

describe('writeXlsxToBuffer', () => {
  it('writes dangerous text as plain strings and numbers and dates as such, read back by ExcelJS', async () => {
    const buffer = await writeXlsxToBuffer([
      {
        name: 'Xuất',
        columns: [
          { key: 'text', header: 'Nội dung', type: 'text' },
          { key: 'amount', header: 'Số tiền', type: 'number' },
          { key: 'day', header: 'Ngày', type: 'date' },
        ],
        rows: [
          { text: '=HYPERLINK("http://x","bấm")', amount: -1500, day: '2023-12-26' },
          { text: '+1', amount: 2, day: new Date(Date.UTC(1980, 1, 5)) },
          { text: '-1', amount: 3, day: null },
          { text: '@x', amount: null, day: null },
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([buffer]));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Xuất');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Nội dung', 'Số tiền', 'Ngày']);
    const texts = [2, 3, 4, 5].map((r) => sheet?.getRow(r).getCell(1));
    expect(texts.map((c) => c?.value)).toEqual(['\'=HYPERLINK("http://x","bấm")', "'+1", "'-1", "'@x"]);
    for (const cell of texts) {
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.formula).toBeUndefined();
    }
    expect(sheet?.getRow(2).getCell(2).value).toBe(-1500);
    expect(sheet?.getRow(2).getCell(3).value).toEqual(new Date(Date.UTC(2023, 11, 26)));
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.getRow(3).getCell(3).value).toEqual(new Date(Date.UTC(1980, 1, 5)));
  });

  it('reports progress while streaming rows from an async iterable', async () => {
    async function* rows() {
      for (let i = 0; i < 2500; i++) yield { n: i, name: `Người ${i}` };
    }
    const seen: number[] = [];
    const buffer = await writeXlsxToBuffer(
      [
        {
          name: 'Danh sách',
          columns: [
            { key: 'n', header: 'STT', type: 'number' },
            { key: 'name', header: 'Họ và tên', type: 'text' },
          ],
          rows: rows(),
        },
      ],
      { onProgress: (n) => seen.push(n), progressEvery: 1000 },
    );
    expect(seen).toEqual([1000, 2000, 2500]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([buffer]));
    expect(workbook.worksheets[0]?.rowCount).toBe(2501);
    expect(workbook.worksheets[0]?.getRow(2501).getCell(2).value).toBe('Người 2499');
  });
});
