import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import { convertToUnicode, decideEncoding, normalizeText, weighEncodingEvidence } from '../text/index.ts';
import type { TextEncoding } from '../text/index.ts';
import { columnLetter, foldHeader } from './import-spec.ts';
import type { AnyImportColumn, CellValue, ImportSpec, RowOf } from './import-spec.ts';
import { restoreNeutralizedText } from './neutralize.ts';
import { openUtf8SafeWorkbookReader } from './utf8-safe-workbook-reader.ts';
import { checkWorkbook, DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from './workbook-limits.ts';

/** One problem, with everything the user needs to find it in the file. */
export type ImportIssue = {
  /** The Excel row number (1 is the first row of the sheet). */
  rowNumber: number;
  /** The column letter ("D"), or null for a problem with the whole row or file. */
  column: string | null;
  /** The column's Vietnamese header, or null. */
  header: string | null;
  /** The full Vietnamese sentence: "Dòng 7, cột D (Ngày sinh): '31/02/1980' không phải …". */
  message: string;
};

export type ImportRowResult<Row> =
  { ok: true; rowNumber: number; values: Row } | { ok: false; rowNumber: number; errors: ImportIssue[] };

export type ImportProgress = { rowsRead: number; done: boolean };

export type ImportSheetInfo = {
  encoding: TextEncoding;
  headerRowNumber: number;
  /** The spec's columns found in the file, with their letters. */
  columns: { key: string; header: string; letter: string }[];
};

export type ReadImportOptions = {
  /** Called every `progressEvery` rows read from the sheet, and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  progressEvery?: number;
  /** Called once the header row is found and the encoding decided. */
  onSheetInfo?: (info: ImportSheetInfo) => void;
  /** 'auto' (default) detects TCVN3 / VNI once, from the text of the first `detectionRows` rows. */
  encoding?: TextEncoding | 'auto';
  detectionRows?: number;
  /** What reading may cost at most (`DEFAULT_WORKBOOK_LIMITS`). */
  limits?: WorkbookLimits;
};

export type ImportSource = string | Buffer | Readable;

/** Rows above the header that may hold a title ("DANH SÁCH CÁN BỘ …"). */
const MAX_ROWS_BEFORE_HEADER = 10;

/**
 * Reads the first sheet of a workbook with ExcelJS's streaming reader and yields, for each
 * non-empty data row, either the parsed row or its errors. Memory stays flat: each ExcelJS row is
 * turned into plain values at once, and only the first `detectionRows` rows are held (as plain
 * values) while the text encoding is decided.
 *
 * Every text cell is converted from the sheet's legacy encoding when it has one, NFC-normalized,
 * trimmed with its whitespace collapsed, and stripped of the quote a formula-neutralizing export
 * put before "=", "+", "-" or "@". The header row is found by its texts (folded: case, diacritics
 * and a trailing "(*)" ignored), so columns may be reordered, extra columns are ignored, and a
 * title may stand above it. A file whose header lacks a required column yields one error and
 * nothing else.
 */
export async function* readImportRows<Cols extends readonly AnyImportColumn[]>(
  spec: ImportSpec<Cols>,
  source: ImportSource,
  options: ReadImportOptions = {},
): AsyncGenerator<ImportRowResult<RowOf<Cols>>> {
  const progressEvery = options.progressEvery ?? 1000;
  const detectionRows = options.detectionRows ?? 200;
  const file = await workbookBytes(source);
  // Every entry's real size, the shared strings, the cells and the longest string are counted
  // before ExcelJS parses anything: it holds the whole shared-strings table, so a small file
  // whose table expands to millions of entries would otherwise take gigabytes.
  checkWorkbook(file, options.limits ?? DEFAULT_WORKBOOK_LIMITS);
  const reader = openUtf8SafeWorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell a date cell from a number
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  const state = new SheetState(spec, options);
  let rowsRead = 0;
  let sawSheet = false;
  for await (const worksheet of reader) {
    sawSheet = true;
    const pending: RawRow[] = [];
    let encoding: TextEncoding | null =
      options.encoding === undefined || options.encoding === 'auto' ? null : options.encoding;
    for await (const row of worksheet) {
      rowsRead++;
      if (rowsRead % progressEvery === 0) options.onProgress?.({ rowsRead, done: false });
      const raw: RawRow = { rowNumber: row.number, cells: plainCells(row.values) };
      if (encoding === null) {
        pending.push(raw);
        if (pending.length < detectionRows) continue;
        encoding = detectSheetEncoding(pending);
        for (const r of pending.splice(0)) yield* state.accept(r, encoding);
      } else {
        yield* state.accept(raw, encoding);
      }
      if (state.finished) break;
    }
    if (encoding === null) {
      encoding = detectSheetEncoding(pending);
      for (const r of pending.splice(0)) yield* state.accept(r, encoding);
    }
    break; // the data is on the first sheet; the others are instructions and lists
  }
  if (!sawSheet) {
    yield fileError(1, `Tệp không có trang tính nào.`);
  } else {
    yield* state.end();
  }
  options.onProgress?.({ rowsRead, done: true });
}

type RawRow = { rowNumber: number; cells: CellValue[] };

/** A workbook is read whole before it is checked; the upload route already stops at 20 MB. */
export const MAX_WORKBOOK_FILE_BYTES = 32 * 1024 * 1024;

const tooLargeFile = () =>
  new AppError(
    'payload_too_large',
    'IMPORT.FILE_TOO_LARGE',
    `Tệp quá lớn (tối đa ${MAX_WORKBOOK_FILE_BYTES / (1024 * 1024)} MB); hãy chia thành nhiều tệp.`,
  );

async function workbookBytes(source: ImportSource): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source;
  if (typeof source === 'string') {
    if ((await stat(source)).size > MAX_WORKBOOK_FILE_BYTES) throw tooLargeFile();
    return readFile(source);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_WORKBOOK_FILE_BYTES) {
      source.destroy();
      throw tooLargeFile();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function fileError(
  rowNumber: number,
  message: string,
): { ok: false; rowNumber: number; errors: ImportIssue[] } {
  return { ok: false, rowNumber, errors: [{ rowNumber, column: null, header: null, message }] };
}

function detectSheetEncoding(rows: readonly RawRow[]): TextEncoding {
  const text = rows.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string')).join('\n');
  return decideEncoding(weighEncodingEvidence(text));
}

/** ExcelJS row values (1-based, sparse, rich text and formula objects) → plain cells. */
function plainCells(values: unknown): CellValue[] {
  if (!Array.isArray(values)) return [];
  const cells: CellValue[] = [];
  for (let i = 0; i < values.length; i++) cells[i] = plainCell(values[i]);
  return cells;
}

function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((part: unknown) => textOf(part)).join('');
    }
    if ('result' in value) return plainCell(value.result); // formula: its cached result
    if ('formula' in value || 'sharedFormula' in value) return null; // formula never calculated
    if ('text' in value) return plainCell(value.text); // hyperlink
    if ('error' in value && typeof value.error === 'string') return value.error;
  }
  return null;
}

function textOf(part: unknown): string {
  return typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string'
    ? part.text
    : '';
}

class SheetState<Cols extends readonly AnyImportColumn[]> {
  finished = false;
  private header: { rowNumber: number; indexOf: Map<string, number> } | null = null;
  private rowsBeforeHeader = 0;
  private bestCandidate: { rowNumber: number; missing: string[] } | null = null;

  constructor(
    private readonly spec: ImportSpec<Cols>,
    private readonly options: ReadImportOptions,
  ) {}

  *accept(raw: RawRow, encoding: TextEncoding): Generator<ImportRowResult<RowOf<Cols>>> {
    if (this.finished) return;
    const cells = raw.cells.map((c) => cleanCell(c, encoding));
    if (cells.every((c) => c === null)) return;
    if (this.header === null) {
      yield* this.seekHeader(raw.rowNumber, cells, encoding);
      return;
    }
    yield this.parseRow(raw.rowNumber, cells, this.header.indexOf);
  }

  *end(): Generator<ImportRowResult<RowOf<Cols>>> {
    if (this.header === null && !this.finished) yield this.missingHeader();
  }

  private *seekHeader(
    rowNumber: number,
    cells: CellValue[],
    encoding: TextEncoding,
  ): Generator<ImportRowResult<RowOf<Cols>>> {
    const byFolded = new Map<string, number>();
    cells.forEach((c, i) => {
      if (typeof c === 'string' && !byFolded.has(foldHeader(c))) byFolded.set(foldHeader(c), i);
    });
    const indexOf = new Map<string, number>();
    for (const column of this.spec.columns) {
      for (const header of [column.header, ...column.headerAliases]) {
        const index = byFolded.get(foldHeader(header));
        if (index !== undefined) {
          indexOf.set(column.key, index);
          break;
        }
      }
    }
    const missing = this.spec.columns.filter((c) => c.required && !indexOf.has(c.key)).map((c) => c.header);
    if (indexOf.size > 0 && missing.length === 0) {
      this.header = { rowNumber, indexOf };
      this.options.onSheetInfo?.({
        encoding,
        headerRowNumber: rowNumber,
        columns: this.spec.columns.flatMap((c) => {
          const index = indexOf.get(c.key);
          return index === undefined ? [] : [{ key: c.key, header: c.header, letter: columnLetter(index) }];
        }),
      });
      return;
    }
    if (
      indexOf.size > 0 &&
      (this.bestCandidate === null || missing.length < this.bestCandidate.missing.length)
    ) {
      this.bestCandidate = { rowNumber, missing };
    }
    this.rowsBeforeHeader++;
    if (this.rowsBeforeHeader >= MAX_ROWS_BEFORE_HEADER) {
      this.finished = true;
      yield this.missingHeader();
    }
  }

  private missingHeader(): ImportRowResult<RowOf<Cols>> {
    if (this.bestCandidate !== null) {
      const { rowNumber, missing } = this.bestCandidate;
      return fileError(
        rowNumber,
        `Dòng ${rowNumber} (dòng tiêu đề): thiếu cột bắt buộc ${missing.map((h) => `'${h}'`).join(', ')}.`,
      );
    }
    const expected = this.spec.columns.filter((c) => c.required).map((c) => `'${c.header}'`);
    return fileError(
      1,
      `Không tìm thấy dòng tiêu đề của mẫu "${this.spec.sheetName}" (cần các cột ${expected.join(', ')}). ` +
        `Hãy dùng tệp mẫu tải về từ hệ thống.`,
    );
  }

  private parseRow(
    rowNumber: number,
    cells: CellValue[],
    indexOf: Map<string, number>,
  ): ImportRowResult<RowOf<Cols>> {
    const values: Record<string, unknown> = {};
    const errors: ImportIssue[] = [];
    const issue = (column: AnyImportColumn, message: string): ImportIssue => {
      const index = indexOf.get(column.key);
      const letter = index === undefined ? null : columnLetter(index);
      const where =
        letter === null
          ? `Dòng ${rowNumber} (${column.header})`
          : `Dòng ${rowNumber}, cột ${letter} (${column.header})`;
      return { rowNumber, column: letter, header: column.header, message: `${where}: ${message}` };
    };
    for (const column of this.spec.columns) {
      const index = indexOf.get(column.key);
      const raw = index === undefined ? null : (cells[index] ?? null);
      if (raw === null) {
        values[column.key] = null;
        if (column.required) errors.push(issue(column, 'không được để trống.'));
        continue;
      }
      const parsed = column.parse(raw);
      if (parsed.ok) values[column.key] = parsed.value;
      else errors.push(issue(column, parsed.problem));
    }
    if (errors.length === 0) {
      // Every required cell parsed, so the record has the shape RowOf<Cols> promises.
      const row = values as RowOf<Cols>;
      for (const problem of this.spec.validateRow(row)) {
        const column = this.spec.columns.find((c) => c.key === problem.column);
        errors.push(
          column === undefined
            ? { rowNumber, column: null, header: null, message: `Dòng ${rowNumber}: ${problem.message}` }
            : issue(column, problem.message),
        );
      }
      if (errors.length === 0) return { ok: true, rowNumber, values: row };
    }
    return { ok: false, rowNumber, errors };
  }
}

function cleanCell(cell: CellValue, encoding: TextEncoding): CellValue {
  if (typeof cell !== 'string') return cell;
  const text = restoreNeutralizedText(normalizeText(convertToUnicode(cell, encoding)));
  return text === '' ? null : text;
}
