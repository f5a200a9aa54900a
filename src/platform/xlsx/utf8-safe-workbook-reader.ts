import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * ExcelJS 4.4's streaming reader decodes each chunk of XML on its own
 * (`lib/utils/parse-sax.js`: `saxesParser.write(bufferToString(chunk))`), so a multi-byte UTF-8
 * character that straddles two chunks becomes two U+FFFD characters. With Vietnamese text that
 * happens a few times per megabyte: a 50,000-row sheet read back 6 cells as "Viên ch��c". The fix
 * here makes every XML stream the reader parses emit strings decoded by Node's StringDecoder
 * (`setEncoding('utf8')`), which keeps a split character until its last byte arrives; the
 * reader's `bufferToString` passes strings through unchanged. Two paths need it:
 * - zip entries parsed directly (shared strings, and worksheets once shared strings are known):
 *   the entry is switched to UTF-8 as the unzip stream hands it out, before anyone reads it;
 * - worksheets the reader first spools to a temporary file (when they come before the shared
 *   strings in the zip, as in Excel's own files, or when there are no shared strings, as in
 *   files from ExcelJS's streaming writer): the temporary file's read stream is switched too.
 * Remove this when ExcelJS decodes with a streaming decoder.
 */
export function openUtf8SafeWorkbookReader(
  source: string | Buffer | Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
): ExcelJS.stream.xlsx.WorkbookReader {
  const input =
    typeof source === 'string'
      ? createReadStream(source)
      : Buffer.isBuffer(source)
        ? Readable.from([source])
        : source;
  const originalPipe = input.pipe.bind(input);
  // The reader pipes our input into its unzip stream; watch the entries that stream yields.
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, pipeOptions?: { end?: boolean }): T => {
    (destination as unknown as Readable).on('data', (entry: unknown) => {
      if (isReadable(entry)) entry.setEncoding('utf8');
    });
    return originalPipe(destination, pipeOptions);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => {
    if (isReadable(iterator)) iterator.setEncoding('utf8');
    return parseWorksheet(iterator, sheetNo);
  };
  return reader;
}

type ReaderInternals = {
  _parseWorksheet: (iterator: unknown, sheetNo: string) => Generator<unknown>;
};

function isReadable(value: unknown): value is Readable {
  return (
    typeof value === 'object' &&
    value !== null &&
    'setEncoding' in value &&
    typeof value.setEncoding === 'function' &&
    'pipe' in value
  );
}
