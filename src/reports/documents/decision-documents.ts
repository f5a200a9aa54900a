// A decision of the body's chairman with its annex (danh sách kèm theo), and the payment list
// (danh sách chi tiền thưởng), pre-filled from the decision's annex lines and award records.
import type { AdministrativeDocument, BodyBlock, TableCell } from '../../platform/documents/index.ts';
import { formatDateVn } from '../../platform/documents/index.ts';
import { amountInWords, catalogueEntry, formatVnd, isAwardCode } from '../../rules/index.ts';
import type { BodyNaming } from './issuing-body.ts';

export type DecisionData = {
  year: number;
  title: string;
  awardCode: string | null;
  numberText: string | null;
  decisionDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
};

export type AnnexLine = {
  name: string;
  subjectKind: string;
  position: string | null;
  unit: string | null;
  amount: number | null;
  revoked: boolean;
};

function numberOf(numberText: string | null, symbol: string) {
  const m = numberText ? /^(\d+)\/(.+)$/.exec(numberText) : null;
  return m ? { number: m[1]!, symbol: m[2]! } : { symbol };
}

function signatureOf(d: DecisionData) {
  const deputy = /^phó/i.test(d.signerTitle ?? '');
  return deputy
    ? {
        authority: 'KT.' as const,
        authorityOf: 'CHỦ TỊCH',
        position: 'PHÓ CHỦ TỊCH',
        signerName: d.signerName ?? '',
      }
    : { position: 'CHỦ TỊCH', signerName: d.signerName ?? '' };
}

function awardName(code: string | null): string {
  if (code === 'advanced_worker') return '“Lao động tiên tiến”';
  return code && isAwardCode(code) ? catalogueEntry(code).name : 'khen thưởng';
}

function centredBold(text: string): BodyBlock {
  return { kind: 'paragraph', content: [{ text, bold: true }], align: 'center', indent: false };
}

function total(lines: readonly AnnexLine[]): number {
  return lines.reduce((s, l) => s + (l.amount ?? 0), 0);
}

/** The decision (quyết định) recognizing a title or granting Giấy khen, with its annex list. */
export function buildDecisionDocument(
  body: BodyNaming,
  d: DecisionData,
  all: readonly AnnexLine[],
): AdministrativeDocument {
  const lines = all.filter((l) => !l.revoked);
  const isTitle = d.awardCode === 'advanced_worker';
  const individuals = lines.filter((l) => l.subjectKind === 'individual').length;
  const collectives = lines.length - individuals;
  const who = [
    collectives > 0 ? `${collectives} tập thể` : null,
    individuals > 0 ? `${individuals} cá nhân` : null,
  ]
    .filter((x): x is string => x !== null)
    .join(' và ');
  const money = total(lines);
  const refText = `(Kèm theo Quyết định số ${d.numberText ?? '      /QĐ-UBND'}${d.decisionDate ? ` ngày ${formatDateVn(d.decisionDate)}` : ''} của Chủ tịch ${body.committeeShort} ${body.inSentence.replace(/^\S+\s/, '')})`;
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
    : `Tặng Giấy khen cho ${who} đã có thành tích trong phong trào thi đua năm ${d.year} (có danh sách kèm theo).`;
  return {
    issuingBody: body.issuingBody,
    numberAndSymbol: numberOf(d.numberText, 'QĐ-UBND'),
    place: body.place,
    issueDate: d.decisionDate ?? new Date().toISOString().slice(0, 10),
    typeName: 'QUYẾT ĐỊNH',
    summaryLines: [d.title],
    body: [
      centredBold(body.chairmanCaps),
      {
        kind: 'paragraph',
        content: [{ text: 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', italic: true }],
      },
      {
        kind: 'paragraph',
        content: [
          {
            text: 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
            italic: true,
          },
        ],
      },
      {
        kind: 'paragraph',
        content: [{ text: 'Theo đề nghị của Hội đồng Thi đua - Khen thưởng.', italic: true }],
      },
      centredBold('QUYẾT ĐỊNH:'),
      { kind: 'paragraph', content: [{ text: 'Điều 1. ', bold: true }, { text: article1 }] },
      {
        kind: 'paragraph',
        content: [
          { text: 'Điều 2. ', bold: true },
          {
            text:
              money > 0
                ? `Kèm theo tiền thưởng theo quy định, tổng số tiền: ${formatVnd(money)} đồng (${amountInWords(money)}), chi từ Quỹ thi đua, khen thưởng năm ${d.year}.`
                : 'Quyết định này có hiệu lực kể từ ngày ký.',
          },
        ],
      },
      {
        kind: 'paragraph',
        content: [
          { text: 'Điều 3. ', bold: true },
          {
            text: `Văn phòng ${body.committeeShort}, công chức phụ trách thi đua, khen thưởng, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`,
          },
        ],
      },
    ],
    recipients: { items: ['Như Điều 3', 'Lưu hồ sơ thi đua, khen thưởng'] },
    signature: signatureOf(d),
    annexes: [
      {
        titleLines: [
          'DANH SÁCH',
          isTitle
            ? `ĐẠT DANH HIỆU ${awardName(d.awardCode).toLocaleUpperCase('vi')} NĂM ${d.year}`
            : `ĐƯỢC TẶNG GIẤY KHEN NĂM ${d.year}`,
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
    summaryLines: [
      'Chi tiền thưởng',
      `theo Quyết định số ${d.numberText ?? '…'}${d.decisionDate ? ` ngày ${formatDateVn(d.decisionDate)}` : ''}`,
    ],
    body: [
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
