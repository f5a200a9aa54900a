import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, type UnzipFileInfo } from 'fflate';
import { AppError } from '../errors.ts';

/**
 * Hard limits on what reading one workbook may cost. An .xlsx is a zip of XML: a few megabytes
 * can expand to gigabytes (a "zip bomb"), and a shared-strings table of millions of tiny entries
 * is held whole by any reader (every cell names its string by index). Each limit is far above
 * what the import templates produce for a province — 100,000 people × 9 columns is ≈ 1 M cells,
 * ≈ 40 MB of sheet XML and ≈ 250,000 distinct strings — and far below what would strain the
 * server. Parameters with these defaults; `checkWorkbookDirectory` and `checkWorkbookContent`
 * take others.
 */
export type WorkbookLimits = {
  /** Entries in the zip (a workbook has about 10–20). */
  maxEntries: number;
  /** Sum of every entry's uncompressed size. */
  maxTotalBytes: number;
  /** Uncompressed size of `xl/sharedStrings.xml`. */
  maxSharedStringsBytes: number;
  /** Uncompressed size of one worksheet's XML. */
  maxSheetBytes: number;
  /** Entries (`<si>`) of the shared-strings table. */
  maxSharedStrings: number;
  /** Cells (`<c>`) over all worksheets. */
  maxCells: number;
  /**
   * Bytes of XML in one shared string or one cell. Excel itself stops a cell at 32,767
   * characters; a Vietnamese character is at most 3 bytes of UTF-8, plus room for rich-text runs.
   */
  maxStringBytes: number;
};

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxEntries: 1000,
  maxTotalBytes: 400 * 1024 * 1024,
  maxSharedStringsBytes: 100 * 1024 * 1024,
  maxSheetBytes: 300 * 1024 * 1024,
  maxSharedStrings: 1_000_000,
  maxCells: 5_000_000,
  maxStringBytes: 128 * 1024,
};

export const WORKBOOK_LIMIT_CODE = 'IMPORT.WORKBOOK_LIMIT';
export const WORKBOOK_DAMAGED_CODE = 'IMPORT.WORKBOOK_DAMAGED';

const number = (n: number) => n.toLocaleString('de-DE'); // 1.000.000: Vietnamese thousands
const megabytes = (bytes: number) => `${number(Math.ceil(bytes / (1024 * 1024)))} MB`;

const overLimit = (what: string) =>
  new AppError(
    'validation',
    WORKBOOK_LIMIT_CODE,
    `Tệp Excel vượt giới hạn đọc: ${what}. Tệp có thể bị hỏng hoặc được tạo để làm quá tải máy chủ; ` +
      'không có dòng nào được nhập. Hãy mở tệp bằng Excel, chép dữ liệu sang tệp mẫu tải về từ hệ thống ' +
      'rồi gửi lại (nếu dữ liệu thật sự lớn, chia thành nhiều tệp).',
  );

const damaged = (what: string) =>
  new AppError(
    'validation',
    WORKBOOK_DAMAGED_CODE,
    `Tệp không phải là tệp Excel .xlsx đọc được (${what}). Tệp có thể bị hỏng hoặc được đặt mật khẩu; ` +
      'hãy mở bằng Excel, lưu lại dạng .xlsx (không đặt mật khẩu) rồi gửi lại.',
  );

const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

export type WorkbookDirectory = {
  entries: { name: string; compressedBytes: number; bytes: number }[];
  /** Sum of the declared uncompressed sizes. */
  totalBytes: number;
};

/**
 * Reads the zip's central directory (names and declared sizes, nothing decompressed) and refuses
 * a workbook whose declared sizes are over the limits. Cheap enough to run inside the upload
 * request, so an honest bomb is refused at once. Sizes can lie: `checkWorkbookContent` counts
 * what the entries really expand to.
 */
export function checkWorkbookDirectory(
  file: Uint8Array,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): WorkbookDirectory {
  const entries: WorkbookDirectory['entries'] = [];
  let unsupported: UnzipFileInfo | undefined;
  try {
    unzipSync(file, {
      filter: (info) => {
        if (info.compression !== 0 && info.compression !== 8) unsupported ??= info;
        entries.push({ name: info.name, compressedBytes: info.size, bytes: info.originalSize });
        return false; // list only: decompress nothing
      },
    });
  } catch {
    throw damaged('không đọc được cấu trúc nén');
  }
  if (unsupported) throw damaged(`mục "${unsupported.name}" nén theo cách không hỗ trợ`);
  if (entries.length === 0) throw damaged('tệp nén rỗng');
  if (entries.length > limits.maxEntries) {
    throw overLimit(`có ${number(entries.length)} mục nén (tối đa ${number(limits.maxEntries)})`);
  }
  let totalBytes = 0;
  for (const entry of entries) {
    totalBytes += entry.bytes;
    if (SHARED_STRINGS.test(entry.name) && entry.bytes > limits.maxSharedStringsBytes) {
      throw overLimit(
        `bảng chuỗi dùng chung giải nén ra ${megabytes(entry.bytes)} (tối đa ${megabytes(limits.maxSharedStringsBytes)})`,
      );
    }
    if (WORKSHEET.test(entry.name) && entry.bytes > limits.maxSheetBytes) {
      throw overLimit(
        `trang tính "${entry.name}" giải nén ra ${megabytes(entry.bytes)} (tối đa ${megabytes(limits.maxSheetBytes)})`,
      );
    }
  }
  if (totalBytes > limits.maxTotalBytes) {
    throw overLimit(`giải nén ra ${megabytes(totalBytes)} (tối đa ${megabytes(limits.maxTotalBytes)})`);
  }
  return { entries, totalBytes };
}

export type WorkbookContentFacts = { totalBytes: number; sharedStrings: number; cells: number };

/** Compressed bytes handed to the inflater at a time: deflate expands at most ≈1,032×, so no
 * decompressed chunk is over ≈ 16 MB whatever the file. */
const FEED_BYTES = 16 * 1024;

/**
 * Decompresses every entry as a stream (chunk by chunk, nothing kept) and counts what a reader
 * would face: the real uncompressed bytes (refused when more than the central directory
 * declared, or over the limits), the shared strings, the cells and the longest string or cell.
 * The entries are taken from their local headers, as a streaming reader takes them, so an entry
 * hidden from the central directory is counted too. Runs before any XML is parsed; the memory it
 * needs is one chunk, whatever the file holds.
 */
export function checkWorkbookContent(
  file: Uint8Array,
  directory: WorkbookDirectory,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): WorkbookContentFacts {
  const declared = new Map(directory.entries.map((e) => [e.name, e.bytes]));
  const facts: WorkbookContentFacts = { totalBytes: 0, sharedStrings: 0, cells: 0 };
  let failure: AppError | undefined;
  const fail = (err: AppError) => {
    failure ??= err;
  };
  const unzip = new Unzip((entry) => {
    if (failure) return;
    const declaredBytes = declared.get(entry.name);
    if (declaredBytes === undefined) {
      fail(damaged(`mục "${entry.name}" không có trong danh mục của tệp nén`));
      return;
    }
    const kind = SHARED_STRINGS.test(entry.name) ? 'strings' : WORKSHEET.test(entry.name) ? 'sheet' : 'other';
    const maxBytes = Math.min(
      declaredBytes,
      kind === 'strings' ? limits.maxSharedStringsBytes : kind === 'sheet' ? limits.maxSheetBytes : Infinity,
    );
    const scanner =
      kind === 'other'
        ? undefined
        : kind === 'strings'
          ? new TagScanner('si', 'sst')
          : new TagScanner('c', 'row');
    let bytes = 0;
    entry.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) return fail(damaged(`mục "${entry.name}" giải nén lỗi`));
      bytes += chunk.length;
      facts.totalBytes += chunk.length;
      if (bytes > maxBytes) {
        entry.terminate();
        return fail(
          bytes > declaredBytes
            ? damaged(`mục "${entry.name}" giải nén ra nhiều hơn kích thước khai báo`)
            : overLimit(`mục "${entry.name}" giải nén ra hơn ${megabytes(maxBytes)}`),
        );
      }
      if (facts.totalBytes > limits.maxTotalBytes) {
        entry.terminate();
        return fail(overLimit(`giải nén ra hơn ${megabytes(limits.maxTotalBytes)}`));
      }
      if (!scanner) return;
      scanner.push(chunk, final);
      if (kind === 'strings') facts.sharedStrings += scanner.takeCount();
      else facts.cells += scanner.takeCount();
      if (facts.sharedStrings > limits.maxSharedStrings) {
        entry.terminate();
        return fail(overLimit(`bảng chuỗi dùng chung có hơn ${number(limits.maxSharedStrings)} mục`));
      }
      if (facts.cells > limits.maxCells) {
        entry.terminate();
        return fail(overLimit(`có hơn ${number(limits.maxCells)} ô dữ liệu`));
      }
      if (scanner.longest > limits.maxStringBytes) {
        entry.terminate();
        return fail(
          overLimit(
            kind === 'strings'
              ? 'có chuỗi dài hơn giới hạn của một ô Excel (32.767 ký tự)'
              : 'có ô dài hơn giới hạn của một ô Excel (32.767 ký tự)',
          ),
        );
      }
      if (final && bytes !== declaredBytes) fail(damaged(`mục "${entry.name}" ngắn hơn kích thước khai báo`));
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < file.length && !failure; at += FEED_BYTES) {
      unzip.push(file.subarray(at, at + FEED_BYTES), at + FEED_BYTES >= file.length);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged('không giải nén được');
  }
  if (failure) throw failure;
  return facts;
}

/** Both checks, in order. */
export function checkWorkbook(file: Uint8Array, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS) {
  const directory = checkWorkbookDirectory(file, limits);
  return { directory, content: checkWorkbookContent(file, directory, limits) };
}

const LT = 0x3c;
const SLASH = 0x2f;
const GT = 0x3e;
const isTagEnd = (b: number | undefined) =>
  b === GT || b === SLASH || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Counts the elements of one name (`si` or `c`) in a stream of XML bytes, and the longest span
 * from one's start tag to its end tag, without parsing: a `<` in XML content is always escaped,
 * so every `<` starts markup. Chunks may split a tag; the tail from the last `<` is carried over.
 * A self-closing element (`<c r="B2" s="1"/>`) has no end tag: the next sibling's start or the
 * parent's end tag (`</row>`, `</sst>`) ends its span.
 */
export class TagScanner {
  /** Bytes of the longest element seen. */
  longest = 0;
  private count = 0;
  private carry: Uint8Array = new Uint8Array(0);
  /** Absolute offset of `carry[0]`, then of the current chunk's first byte. */
  private offset = 0;
  private openAt = -1;
  private readonly name: Uint8Array;
  private readonly parent: Uint8Array;

  constructor(name: string, parent: string) {
    this.name = new TextEncoder().encode(name);
    this.parent = new TextEncoder().encode(parent);
  }

  /** Elements counted since the last call. */
  takeCount(): number {
    const n = this.count;
    this.count = 0;
    return n;
  }

  push(chunk: Uint8Array, final: boolean): void {
    let buf = chunk;
    if (this.carry.length > 0) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
    }
    const base = this.offset;
    const need = Math.max(this.name.length, this.parent.length) + 2; // "/", a name, the byte after it
    let at = buf.indexOf(LT);
    let keepFrom = buf.length;
    while (at !== -1) {
      if (!final && at + need >= buf.length) {
        keepFrom = at;
        break;
      }
      const closing = buf[at + 1] === SLASH;
      const start = closing ? at + 2 : at + 1;
      if (closing && this.matches(buf, start, this.parent) && isTagEnd(buf[start + this.parent.length])) {
        this.openAt = -1;
      } else if (this.matches(buf, start, this.name) && isTagEnd(buf[start + this.name.length])) {
        if (closing) {
          if (this.openAt >= 0) this.longest = Math.max(this.longest, base + at - this.openAt);
          this.openAt = -1;
        } else {
          this.count++;
          this.openAt = base + at;
        }
      }
      at = buf.indexOf(LT, at + 1);
    }
    // An element still open across chunks counts towards the longest as it grows.
    if (this.openAt >= 0) this.longest = Math.max(this.longest, base + keepFrom - this.openAt);
    this.carry = keepFrom < buf.length ? buf.slice(keepFrom) : new Uint8Array(0);
    this.offset = base + keepFrom;
  }

  private matches(buf: Uint8Array, start: number, name: Uint8Array): boolean {
    for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) return false;
    return true;
  }
}
