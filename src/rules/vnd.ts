// Amounts of money as written in Vietnamese decisions: "270.000" and "Hai trăm bảy mươi nghìn đồng".

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'] as const;

function digitWord(d: number): string {
  return DIGITS[d] ?? '';
}

/** Reads 0–999; `full` = a higher group precedes, so leading zeros are read ("không trăm linh năm"). */
function readTriple(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(digitWord(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && (full || hundreds > 0)) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digitWord(tens), 'mươi');
  }
  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 4 && tens >= 2) words.push('tư');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else words.push(digitWord(units));
  return words;
}

/** Vietnamese words for a non-negative integer, without the currency. */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Số tiền phải là số nguyên không âm: ${value}`);
  }
  if (value === 0) return 'không';
  // Split into groups of three digits, lowest first; above "tỷ" the groups repeat ("nghìn tỷ").
  const triples: number[] = [];
  let rest = value;
  while (rest > 0) {
    triples.push(rest % 1000);
    rest = Math.floor(rest / 1000);
  }
  const words: string[] = [];
  for (let i = triples.length - 1; i >= 0; i--) {
    const triple = triples[i] ?? 0;
    const isHighest = i === triples.length - 1;
    const groupName = i === 0 ? '' : i % 3 === 0 ? 'tỷ' : (GROUPS[i % 3] ?? '');
    if (triple === 0) {
      // "tỷ" must still be said when its own triple is zero but a higher part exists.
      if (i > 0 && i % 3 === 0 && words.length > 0) words.push('tỷ');
      continue;
    }
    words.push(...readTriple(triple, !isHighest));
    if (groupName) words.push(groupName);
  }
  return words.join(' ');
}

/** "Hai trăm bảy mươi nghìn đồng". */
export function amountInWords(n: number): string {
  const sign = n < 0 ? 'Âm ' : '';
  const text = numberInWords(Math.abs(Math.round(n)));
  const sentence = `${text} đồng`;
  return sign ? `${sign}${sentence}` : sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "270.000": dots between thousands, no currency sign. */
export function formatVnd(n: number): string {
  const rounded = Math.round(n);
  const digits = String(Math.abs(rounded));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits.charAt(i);
  }
  return rounded < 0 ? `-${out}` : out;
}
