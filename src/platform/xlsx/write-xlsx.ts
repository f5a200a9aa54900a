import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralizeCell } from './neutralize.ts';

export type ExportColumnType = 'text' | 'number' | 'date';

export type ExportColumn<K extends string> = {
  key: K;
  /** The header, in Vietnamese. */
  header: string;
  type: ExportColumnType;
  /** Width in characters. */
  width?: number;
};

/** A date may be given as a Date or as `YYYY-MM-DD`; both are written as a dd/mm/yyyy date cell. */
export type ExportValue = string | number | boolean | Date | null | undefined;

export type ExportSheet<K extends string> = {
  /** Sheet name (Excel: at most 31 characters, none of `: \ / ? * [ ]`). */
  name: string;
  columns: readonly ExportColumn<K>[];
  rows: Iterable<Readonly<Record<K, ExportValue>>> | AsyncIterable<Readonly<Record<K, ExportValue>>>;
};

export const DATE_NUM_FMT = 'dd/mm/yyyy';
const TEXT_NUM_FMT = '@';

/**
 * Writes sheets with ExcelJS's streaming writer: each row is committed as soon as it is written,
 * so an export of 100,000 rows never holds them all. Every string goes through `neutralizeCell`,
 * whatever the column type; dates get the dd/mm/yyyy format; text columns are formatted as text
 * so a re-import keeps leading zeros (CCCD, codes).
 */
export async function writeXlsxToStream(
  sheets: readonly ExportSheet<string>[],
  stream: Writable,
  options: { onProgress?: (rowsWritten: number) => void; progressEvery?: number } = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const every = options.progressEvery ?? 1000;
  let rowsWritten = 0;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({
      key: c.key,
      width: c.width ?? defaultWidth(c.type),
      style: c.type === 'date' ? { numFmt: DATE_NUM_FMT } : c.type === 'text' ? { numFmt: TEXT_NUM_FMT } : {},
    }));
    const header = worksheet.addRow(sheet.columns.map((c) => neutralizeCell(c.header)));
    header.font = { bold: true };
    header.commit();
    for await (const record of sheet.rows) {
      const row = worksheet.addRow(sheet.columns.map((c) => exportCell(c, record[c.key])));
      sheet.columns.forEach((c, i) => {
        if (c.type === 'date') row.getCell(i + 1).numFmt = DATE_NUM_FMT;
      });
      row.commit();
      rowsWritten++;
      if (rowsWritten % every === 0) options.onProgress?.(rowsWritten);
    }
    worksheet.commit();
  }
  await workbook.commit();
  options.onProgress?.(rowsWritten);
}

/** The same, collected into a Buffer (for small exports and tests). */
export async function writeXlsxToBuffer(
  sheets: readonly ExportSheet<string>[],
  options: { onProgress?: (rowsWritten: number) => void; progressEvery?: number } = {},
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeXlsxToStream(sheets, sink, options);
  await ended;
  return Buffer.concat(chunks);
}

function defaultWidth(type: ExportColumnType): number {
  return type === 'text' ? 24 : type === 'date' ? 12 : 10;
}

function exportCell(column: ExportColumn<string>, value: ExportValue): ExportValue {
  if (value === null || value === undefined) return null;
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  }
  if (column.type === 'text' && typeof value === 'number') return neutralizeCell(String(value));
  return neutralizeCell(value);
}
