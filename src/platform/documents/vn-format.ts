import type {
  AdministrativeDocument,
  BodyBlock,
  HeadingBlock,
  NumberAndSymbol,
  Recipients,
  SignatureBlock,
  TableCell,
  TableCellAlign,
} from './document-model.ts';

type DateParts = { year: number; month: number; day: number };

function parseIsoDate(isoDate: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Ngày không hợp lệ: "${isoDate}" (cần dạng YYYY-MM-DD).`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Ngày không tồn tại: "${isoDate}".`);
  }
  return { year, month, day };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "Mỹ Quý, ngày 26 tháng 12 năm 2023".
 * NĐ 30/2020, Phụ lục I: a "0" is written before days 1–9 and months 1 and 2 only
 * ("ngày 05 tháng 02 năm 2024", but "ngày 05 tháng 3 năm 2024").
 */
export function formatPlaceDate(place: string, isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** "ngày 05 tháng 02 năm 2024": a date inside a document's sentence (months 1–2 take a leading 0). */
export function formatLongDateVn(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** "26/12/2023", the short form used inside sentences ("Công văn số 455/UBND-NV ngày 25/12/2023"). */
export function formatDateVn(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * "Số: 184/BC-UBND". NĐ 30/2020, Phụ lục I: numbers below 10 take a leading "0"
 * ("Số: 05/QĐ-UBND"); a draft without a number keeps a blank for the clerk.
 */
export function formatNumberAndSymbol(value: NumberAndSymbol): string {
  if (value.number === undefined || value.number === '') return `Số:      /${value.symbol}`;
  const raw = String(value.number).trim();
  const number = /^\d$/.test(raw) ? `0${raw}` : raw;
  return `Số: ${number}/${value.symbol}`;
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

// Vietnamese enumeration letters skip f, j, w, z and put đ after d, as in legal texts
// (a), b), c), d), đ), e), g) …).
const VN_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
];

export function vietnameseLetter(index: number): string {
  return VN_LETTERS[index] ?? `${index + 1}`;
}

/** The printed label of every heading, in document order: "I.", "1.", "a)". Levels restart under their parent. */
export function headingLabels(blocks: readonly BodyBlock[]): Map<HeadingBlock, string> {
  const counters = [0, 0, 0];
  const labels = new Map<HeadingBlock, string>();
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    const i = block.level - 1;
    counters[i] = (counters[i] ?? 0) + 1;
    for (let j = i + 1; j < counters.length; j++) counters[j] = 0;
    const n = counters[i] ?? 1;
    const auto =
      block.level === 1 ? `${toRoman(n)}.` : block.level === 2 ? `${n}.` : `${vietnameseLetter(n - 1)})`;
    labels.set(block, block.label ?? auto);
  }
  return labels;
}

export function headingText(block: HeadingBlock, label: string | undefined): string {
  const text = block.level === 1 ? upper(block.text) : block.text;
  return label ? `${label} ${text}` : text;
}

/** Vietnamese-aware capitals (Phụ lục I prints body names, type names and positions in capitals). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

export const DEFAULT_ARCHIVE_LINE = 'Lưu: VT.';

/** The printed recipient lines: "- UBND TPLX;" … "- Lưu: VT." (NĐ 30/2020, Phụ lục I, nơi nhận). */
export function recipientLines(recipients: Recipients): string[] {
  const items = recipients.items.map((item) => `- ${item.trim().replace(/[;.,]+$/u, '')};`);
  items.push(`- ${recipients.archiveLine ?? DEFAULT_ARCHIVE_LINE}`);
  return items;
}

/** The signature block's capital lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] or ["CHỦ TỊCH"]. */
export function signatureHeadLines(signature: SignatureBlock): string[] {
  const lines: string[] = [];
  if (signature.authority) {
    lines.push(upper(`${signature.authority} ${signature.authorityOf ?? ''}`.trim()));
  }
  lines.push(upper(signature.position));
  return lines;
}

type NormalizedCell = {
  text: string;
  bold: boolean;
  italic: boolean;
  align: TableCellAlign | undefined;
  colSpan: number;
};

export function normalizeCell(cell: TableCell): NormalizedCell {
  if (typeof cell === 'string')
    return { text: cell, bold: false, italic: false, align: undefined, colSpan: 1 };
  return {
    text: cell.text,
    bold: cell.bold ?? false,
    italic: cell.italic ?? false,
    align: cell.align,
    colSpan: Math.max(1, cell.colSpan ?? 1),
  };
}

export function documentTitle(doc: AdministrativeDocument): string {
  return [doc.typeName ?? 'Công văn', ...doc.summaryLines].join(' ');
}
