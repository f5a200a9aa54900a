// A decision of the body's chairman with its annex (danh sách kèm theo), and the payment list
// (danh sách chi tiền thưởng), pre-filled from the decision's annex lines and award records.
import type { AdministrativeDocument, BodyBlock, TableCell } from '../../platform/documents/index.ts';
import { formatDateVn, formatLongDateVn } from '../../platform/documents/index.ts';
import {
  amountInWords,
  catalogueEntry,
  formatVnd,
  isAwardCode,
  type DocumentLegalBases,
} from '../../rules/index.ts';
import type { BodyNaming } from './issuing-body.ts';

export type DecisionData = {
  year: number;
  title: string;
  awardCode: string | null;
  numberText: string | null;
  decisionDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
  /** The texts the document cites, chosen by its date and regime (rules/legal-texts.ts). */
  bases: DocumentLegalBases;
  /** A draft prints no number and no signer's name; everything else is what issuing produces. */
  draft?: boolean;
};

export type AnnexLine = {
  name: string;
  subjectKind: string;
  position: string | null;
  unit: string | null;
  amount: number | null;
  revoked: boolean;
};

function numberOf(d: DecisionData, symbol: string) {
  const m = d.numberText && !d.draft ? /^(\d+)\/(.+)$/.exec(d.numberText) : null;
  return m ? { number: m[1]!, symbol: m[2]! } : { symbol };
}

function signatureOf(d: DecisionData) {
  const deputy = /^phó/i.test(d.signerTitle ?? '');
  const signerName = d.draft ? '' : (d.signerName ?? '');
  return deputy
    ? { authority: 'KT.' as const, authorityOf: 'CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName }
    : { position: 'CHỦ TỊCH', signerName };
}

function isTitleAward(code: string | null): boolean {
  return !!code && isAwardCode(code) && catalogueEntry(code).category === 'title';
}

function awardName(code: string | null): string {
  if (code && isAwardCode(code)) {
    const entry = catalogueEntry(code);
    if (entry.category === 'title') return `“${entry.name}”`;
    if (code === 'commune_certificate_of_merit') return 'Giấy khen';
    return entry.name;
  }
  return 'khen thưởng';
}

function centredBold(text: string): BodyBlock {
  return { kind: 'paragraph', content: [{ text, bold: true }], align: 'center', indent: false };
}

function basisParagraph(text: string): BodyBlock {
  return { kind: 'paragraph', content: [{ text, italic: true }] };
}

function total(lines: readonly AnnexLine[]): number {
  return lines.reduce((s, l) => s + (l.amount ?? 0), 0);
}

/** "12 tập thể, 50 cá nhân và 3 hộ gia đình": the subjects of Điều 1, in the annex's usual order. */
export function subjectsPhrase(lines: readonly AnnexLine[]): string {
  const count = (kind: string) => lines.filter((l) => l.subjectKind === kind).length;
  const parts = [
    [count('collective'), 'tập thể'],
    [count('individual'), 'cá nhân'],
    [count('household'), 'hộ gia đình'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${n} ${word}`);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}`;
}

/** The "Căn cứ …;" lines of a document: the texts of its own date and regime. */
export function legalBasisBlocks(bases: DocumentLegalBases): BodyBlock[] {
  return bases.texts.map((t) => basisParagraph(`Căn cứ ${t.basis};`));
}

/** The decision (quyết định) recognizing a title or granting Giấy khen, with its annex list. */
export function buildDecisionDocument(
  body: BodyNaming,
  d: DecisionData,
  all: readonly AnnexLine[],
): AdministrativeDocument {
  const lines = all.filter((l) => !l.revoked);
  const isTitle = isTitleAward(d.awardCode);
  const who =
    subjectsPhrase(lines) || 'các tập thể, cá nhân có tên trong danh sách kèm theo (danh sách trống)';
  const money = total(lines);
  const numberText = d.numberText && !d.draft ? d.numberText : '      /QĐ-UBND';
  const dateText = d.decisionDate && !d.draft ? ` ngày ${formatDateVn(d.decisionDate)}` : '';
  const refText = `(Kèm theo Quyết định số ${numberText}${dateText} của Chủ tịch ${body.committeeShort} ${body.inSentence.replace(/^\S+\s/, '')})`;
  const rows: TableCell[][] = lines.map((l, i) => [
    String(i + 1),
    l.name,
    l.position ?? '',
    l.unit ?? '',
    l.amount === null ? '' : formatVnd(l.amount),
  ]);
  rows.push([
    { text: 'Tổng cộng', colSpan: 4, bold: true, align: 'center' },
    { text: formatVnd(money), bold: true, align: 'right' },
  ]);
  const article1 = isTitle
    ? `Công nhận danh hiệu ${awardName(d.awardCode)} năm ${d.year} cho ${who} (có danh sách kèm theo).`
    : `Tặng ${awardName(d.awardCode)} cho ${who} đã có thành tích trong phong trào thi đua năm ${d.year} (có danh sách kèm theo).`;
  const fundYear = d.decisionDate ? Number(d.decisionDate.slice(0, 4)) : d.year;
  const articles: string[] = [article1];
  if (money > 0)
    articles.push(
      `Kèm theo tiền thưởng theo quy định, tổng số tiền: ${formatVnd(money)} đồng (${amountInWords(money)}), chi từ Quỹ thi đua, khen thưởng năm ${fundYear}.`,
    );
  articles.push(
    `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng ${body.committeeShort}, công chức phụ trách thi đua, khen thưởng, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`,
  );
  return {
    issuingBody: body.issuingBody,
    numberAndSymbol: numberOf(d, 'QĐ-UBND'),
    place: body.place,
    issueDate: d.decisionDate ?? new Date().toISOString().slice(0, 10),
    typeName: 'QUYẾT ĐỊNH',
    summaryLines: [d.title],
    body: [
      centredBold(body.chairmanCaps),
      ...legalBasisBlocks(d.bases),
      basisParagraph('Theo đề nghị của Hội đồng Thi đua - Khen thưởng.'),
      centredBold('QUYẾT ĐỊNH:'),
      ...articles.map((text, i): BodyBlock => ({
        kind: 'paragraph',
        content: [{ text: `Điều ${i + 1}. `, bold: true }, { text }],
      })),
    ],
    recipients: { items: [`Như Điều ${articles.length}`, 'Lưu hồ sơ thi đua, khen thưởng'] },
    signature: signatureOf(d),
    annexes: [
      {
        titleLines: [
          'DANH SÁCH',
          isTitle
            ? `ĐẠT DANH HIỆU ${awardName(d.awardCode).toLocaleUpperCase('vi')} NĂM ${d.year}`
            : `ĐƯỢC TẶNG ${awardName(d.awardCode).toLocaleUpperCase('vi')} NĂM ${d.year}`,
        ],
        subtitle: refText,
        table: {
          columnWidths: [7, 30, 22, 27, 14],
          headerRows: [['STT', 'Họ và tên / Tập thể', 'Chức vụ', 'Đơn vị', 'Số tiền (đồng)']],
          rows,
          columnAlign: ['center', 'left', 'left', 'left', 'right'],
        },
        closing: [
          { kind: 'paragraph', content: `Số tiền bằng chữ: ${amountInWords(money)}.`, indent: false },
        ],
      },
    ],
  };
}

/** Danh sách chi tiền thưởng: one line per awardee with the amount and a column to sign on receipt. */
export function buildPaymentList(
  body: BodyNaming,
  d: DecisionData,
  all: readonly AnnexLine[],
): AdministrativeDocument {
  const lines = all.filter((l) => !l.revoked && (l.amount ?? 0) > 0);
  const money = total(lines);
  const decisionRef =
    d.numberText && !d.draft
      ? `${d.numberText}${d.decisionDate ? ` ${formatLongDateVn(d.decisionDate)}` : ''}`
      : '      /QĐ-UBND';
  const rows: TableCell[][] = lines.map((l, i) => [
    String(i + 1),
    l.name,
    l.unit ?? '',
    formatVnd(l.amount ?? 0),
    '',
  ]);
  rows.push([
    { text: 'Tổng cộng', colSpan: 3, bold: true, align: 'center' },
    { text: formatVnd(money), bold: true, align: 'right' },
    '',
  ]);
  return {
    issuingBody: body.issuingBody,
    numberAndSymbol: { symbol: 'UBND' },
    place: body.place,
    issueDate: d.decisionDate ?? new Date().toISOString().slice(0, 10),
    typeName: 'DANH SÁCH',
    summaryLines: ['Chi tiền thưởng', `theo Quyết định số ${decisionRef}`],
    body: [
      basisParagraph(`Căn cứ ${d.bases.shortLine};`),
      basisParagraph(
        `Căn cứ Quyết định số ${decisionRef} của Chủ tịch ${body.committeeFull} ${d.title.replace(/^Về việc/u, 'về việc')}.`,
      ),
      {
        kind: 'table',
        table: {
          columnWidths: [7, 33, 30, 15, 15],
          headerRows: [['STT', 'Họ và tên / Tập thể', 'Đơn vị', 'Số tiền (đồng)', 'Ký nhận']],
          rows,
          columnAlign: ['center', 'left', 'left', 'right', 'center'],
        },
      },
      { kind: 'paragraph', content: `Tổng số tiền bằng chữ: ${amountInWords(money)}.`, indent: false },
    ],
    recipients: { items: ['Bộ phận Kế toán', 'Lưu hồ sơ'] },
    signature: {
      authority: 'TL.',
      authorityOf: 'CHỦ TỊCH',
      position: 'CÔNG CHỨC PHỤ TRÁCH TĐKT',
      signerName: '',
    },
  };
}
