import { foldVietnamese } from '../text/index.ts';

/** A cell as the reader hands it to a column: plain data only, never an ExcelJS object. */
export type CellValue = string | number | boolean | Date | null;

export type ColumnType = 'text' | 'integer' | 'date' | 'enum' | 'boolean';

export type ParseResult<V> = { ok: true; value: V } | { ok: false; problem: string };

/** One option of a closed list: the Vietnamese label the user picks, and the code stored. */
export type EnumOption<V extends string> = {
  label: string;
  value: V;
  /** Other spellings accepted on import (abbreviations, older names). */
  aliases?: readonly string[];
};

/**
 * One column of an import template. `V` is the parsed value, `R` whether the column is required
 * (a required column's value is never null in the parsed row).
 */
export type ImportColumn<K extends string, V, R extends boolean> = {
  key: K;
  /** The header as the template writes it, in Vietnamese. */
  header: string;
  /** Other headers accepted on import (older templates, common variants). */
  headerAliases: readonly string[];
  required: R;
  type: ColumnType;
  /** Excel column width in characters, for the template and exports. */
  width: number;
  /** One line for the instructions sheet: what to enter. */
  hint: string;
  /** The labels of a closed list, for the template's drop-down. */
  listLabels: readonly string[] | null;
  /** Parses a non-empty cell. The problem is a Vietnamese sentence about the value. */
  parse: (raw: Exclude<CellValue, null>) => ParseResult<V>;
  /** Marks the type of the value for `RowOf`; never read. */
  readonly _value?: V;
};

/** Any column: `V` only appears in output positions, so every column is assignable to this. */
export type AnyImportColumn = ImportColumn<string, unknown, boolean>;

/** The row a spec produces: one property per column, null when an optional cell is empty. */
export type RowOf<Cols extends readonly AnyImportColumn[]> = {
  [C in Cols[number] as C['key']]: C extends ImportColumn<string, infer V, infer R>
    ? R extends true
      ? V
      : V | null
    : never;
};

/** A problem with a whole row, found by a rule across columns ("Mã cán bộ hoặc số CCCD"). */
export type RowProblem<K extends string> = { column: K | null; message: string };

export type ImportKind = 'org_units' | 'people' | 'yearly_facts' | 'past_commendations';

export type ImportSpec<Cols extends readonly AnyImportColumn[]> = {
  kind: ImportKind;
  /** Name of the data sheet in the template (Excel limit: 31 characters). */
  sheetName: string;
  /** Title line of the instructions sheet. */
  title: string;
  columns: Cols;
  /** Extra paragraphs for the instructions sheet, in Vietnamese. */
  instructions: readonly string[];
  /** Rules across columns, run when every cell parsed. */
  validateRow: (row: RowOf<Cols>) => RowProblem<Cols[number]['key']>[];
};

export function defineImportSpec<const Cols extends readonly AnyImportColumn[]>(spec: {
  kind: ImportKind;
  sheetName: string;
  title: string;
  columns: Cols;
  instructions?: readonly string[];
  validateRow?: (row: RowOf<Cols>) => RowProblem<Cols[number]['key']>[];
}): ImportSpec<Cols> {
  if (spec.sheetName.length > 31) throw new RangeError(`Tên trang tính quá 31 ký tự: ${spec.sheetName}`);
  const seen = new Map<string, string>();
  for (const column of spec.columns) {
    for (const header of [column.header, ...column.headerAliases]) {
      const folded = foldHeader(header);
      const other = seen.get(folded);
      if (other !== undefined && other !== column.key) {
        throw new RangeError(`Tiêu đề cột trùng nhau: "${header}" (${other}, ${column.key})`);
      }
      seen.set(folded, column.key);
    }
  }
  return {
    kind: spec.kind,
    sheetName: spec.sheetName,
    title: spec.title,
    columns: spec.columns,
    instructions: spec.instructions ?? [],
    validateRow: spec.validateRow ?? (() => []),
  };
}

/** Headers match when they fold alike, ignoring a trailing required-mark "*" or "(*)". */
export function foldHeader(header: string): string {
  return foldVietnamese(header)
    .replace(/\s*\(\s*\*\s*\)\s*$|\s*\*\s*$/u, '')
    .trim();
}

type CommonOptions<R extends boolean> = {
  required?: R;
  headerAliases?: readonly string[];
  width?: number;
  hint?: string;
};

function column<K extends string, V, R extends boolean>(
  key: K,
  header: string,
  type: ColumnType,
  options: CommonOptions<R>,
  defaults: { width: number; hint: string; listLabels: readonly string[] | null },
  parse: (raw: Exclude<CellValue, null>) => ParseResult<V>,
): ImportColumn<K, V, NoInfer<R>> {
  return {
    key,
    header,
    headerAliases: options.headerAliases ?? [],
    required: (options.required ?? false) as R,
    type,
    width: options.width ?? defaults.width,
    hint: options.hint ?? defaults.hint,
    listLabels: defaults.listLabels,
    parse,
  };
}

/** How a value appears in a message: dates as dd/mm/yyyy, everything in quotes. */
export function describeValue(raw: Exclude<CellValue, null>): string {
  if (raw instanceof Date) return `'${formatDateVi(raw)}'`;
  return `'${String(raw)}'`;
}

function formatDateVi(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

export type TextOptions<R extends boolean> = CommonOptions<R> & {
  maxLength?: number;
  /** A shape the text must have, and how to say it in Vietnamese ("gồm đúng 12 chữ số"). */
  pattern?: { regex: RegExp; description: string };
  /** A number typed where text was meant loses its leading zeros; pad it back to this length. */
  padNumberTo?: number;
  /** A last check; returns a Vietnamese problem sentence, or null. */
  validate?: (value: string) => string | null;
};

export function textColumn<K extends string, R extends boolean = false>(
  key: K,
  header: string,
  options: TextOptions<R> = {},
): ImportColumn<K, string, NoInfer<R>> {
  const maxLength = options.maxLength ?? 255;
  return column(key, header, 'text', options, { width: 24, hint: 'Văn bản.', listLabels: null }, (raw) => {
    let value: string;
    if (typeof raw === 'number' && options.padNumberTo !== undefined && Number.isInteger(raw) && raw >= 0) {
      value = String(raw).padStart(options.padNumberTo, '0');
    } else if (raw instanceof Date) {
      value = formatDateVi(raw);
    } else if (typeof raw === 'boolean') {
      value = raw ? 'Có' : 'Không';
    } else {
      value = String(raw);
    }
    const length = [...value].length;
    if (length > maxLength) {
      return { ok: false, problem: `dài ${length} ký tự, vượt quá ${maxLength} ký tự cho phép.` };
    }
    if (options.pattern && !options.pattern.regex.test(value)) {
      return { ok: false, problem: `'${value}' không hợp lệ: ${options.pattern.description}.` };
    }
    const problem = options.validate?.(value) ?? null;
    return problem === null ? { ok: true, value } : { ok: false, problem };
  });
}

export type IntegerOptions<R extends boolean> = CommonOptions<R> & {
  min?: number;
  max?: number;
  validate?: (value: number) => string | null;
};

export function integerColumn<K extends string, R extends boolean = false>(
  key: K,
  header: string,
  options: IntegerOptions<R> = {},
): ImportColumn<K, number, NoInfer<R>> {
  const { min, max } = options;
  const range =
    min !== undefined && max !== undefined ? `từ ${min} đến ${max}` : min !== undefined ? `từ ${min}` : '';
  return column(
    key,
    header,
    'integer',
    options,
    { width: 10, hint: range ? `Số nguyên ${range}.` : 'Số nguyên.', listLabels: null },
    (raw) => {
      let value: number;
      if (typeof raw === 'number') value = raw;
      else if (typeof raw === 'string' && /^[+-]?\d+$/u.test(raw.replace(/[.\s]/gu, ''))) {
        value = Number(raw.replace(/[.\s]/gu, ''));
      } else return { ok: false, problem: `${describeValue(raw)} không phải là số nguyên.` };
      if (!Number.isInteger(value))
        return { ok: false, problem: `${describeValue(raw)} không phải là số nguyên.` };
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        return { ok: false, problem: `${describeValue(raw)} nằm ngoài khoảng cho phép (${range}).` };
      }
      const problem = options.validate?.(value) ?? null;
      return problem === null ? { ok: true, value } : { ok: false, problem };
    },
  );
}

/** A date as the system stores it: `YYYY-MM-DD`, no time, no time zone. */
export type IsoDate = string;

export type DateOptions<R extends boolean> = CommonOptions<R> & {
  validate?: (value: IsoDate) => string | null;
};

/** Excel's day 0 in the 1900 date system (with its 1900 leap-year bug), as a UTC epoch. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateColumn<K extends string, R extends boolean = false>(
  key: K,
  header: string,
  options: DateOptions<R> = {},
): ImportColumn<K, IsoDate, NoInfer<R>> {
  return column(
    key,
    header,
    'date',
    options,
    {
      width: 13,
      hint: 'Ngày dạng dd/mm/yyyy (ví dụ 05/02/1980) hoặc ô kiểu ngày của Excel.',
      listLabels: null,
    },
    (raw) => {
      const value = parseDateCell(raw);
      if (value === null) {
        return { ok: false, problem: `${describeValue(raw)} không phải là ngày hợp lệ (dd/mm/yyyy).` };
      }
      const problem = options.validate?.(value) ?? null;
      return problem === null ? { ok: true, value } : { ok: false, problem };
    },
  );
}

/**
 * A date cell: an Excel date (ExcelJS gives a UTC Date), an Excel serial number (a date cell
 * whose format was lost), or text "dd/mm/yyyy" (also with "-" or "." and one-digit day or month)
 * or "yyyy-mm-dd". The calendar is checked: 31/02 is not a date.
 */
export function parseDateCell(raw: Exclude<CellValue, null>): IsoDate | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    // ExcelJS can land a few milliseconds before midnight; round to the nearest day.
    return isoFromUtc(new Date(Math.round(raw.getTime() / DAY_MS) * DAY_MS));
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw >= 2_958_466) return null;
    return isoFromUtc(new Date(EXCEL_EPOCH_MS + Math.round(raw) * DAY_MS));
  }
  if (typeof raw !== 'string') return null;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(raw.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(raw.trim());
  const [year, month, day] = vn
    ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return isoFromUtc(probe);
}

function isoFromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export type EnumOptions<R extends boolean> = CommonOptions<R>;

export function enumColumn<K extends string, V extends string, R extends boolean = false>(
  key: K,
  header: string,
  choices: readonly EnumOption<V>[],
  options: EnumOptions<R> = {},
): ImportColumn<K, V, NoInfer<R>> {
  const byFolded = new Map<string, V>();
  for (const choice of choices) {
    for (const spelling of [choice.label, choice.value, ...(choice.aliases ?? [])]) {
      const folded = foldVietnamese(spelling);
      const existing = byFolded.get(folded);
      if (existing !== undefined && existing !== choice.value) {
        throw new RangeError(`Nhãn trùng nhau trong cột ${header}: "${spelling}"`);
      }
      byFolded.set(folded, choice.value);
    }
  }
  const labels = choices.map((c) => c.label);
  return column(
    key,
    header,
    'enum',
    options,
    {
      width: Math.min(45, Math.max(14, ...labels.map((l) => l.length + 2))),
      hint: `Chọn một trong: ${labels.join('; ')}.`,
      listLabels: labels,
    },
    (raw) => {
      const text = raw instanceof Date ? formatDateVi(raw) : String(raw);
      const value = byFolded.get(foldVietnamese(text));
      if (value !== undefined) return { ok: true, value };
      return {
        ok: false,
        problem: `${describeValue(raw)} không thuộc danh sách cho phép: ${labels.join('; ')}.`,
      };
    },
  );
}

const TRUE_SPELLINGS = new Set(['co', 'x', 'dung', 'true', '1', 'yes']);
const FALSE_SPELLINGS = new Set(['khong', 'sai', 'false', '0', 'no']);

export function booleanColumn<K extends string, R extends boolean = false>(
  key: K,
  header: string,
  options: CommonOptions<R> = {},
): ImportColumn<K, boolean, NoInfer<R>> {
  return column(
    key,
    header,
    'boolean',
    options,
    { width: 10, hint: 'Có hoặc Không (để trống là Không).', listLabels: ['Có', 'Không'] },
    (raw) => {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const folded = foldVietnamese(String(raw));
      if (TRUE_SPELLINGS.has(folded)) return { ok: true, value: true };
      if (FALSE_SPELLINGS.has(folded)) return { ok: true, value: false };
      return { ok: false, problem: `${describeValue(raw)} không hợp lệ: ghi Có hoặc Không.` };
    },
  );
}

/** 1 → A, 27 → AA. */
export function columnLetter(columnNumber: number): string {
  let n = columnNumber;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
