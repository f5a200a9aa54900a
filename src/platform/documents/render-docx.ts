import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ParagraphChild } from 'docx';
import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type {
  AdministrativeDocument,
  AnnexSection,
  BodyBlock,
  InlineText,
  RenderOptions,
  TableModel,
  TextAlign,
} from './document-model.ts';
import {
  CLOSING_COLUMNS_MM,
  DEFAULT_SIGNATURE_SPACE_MM,
  FIRST_LINE_INDENT_MM,
  FONT_PT,
  HEADER_COLUMNS_MM,
  MARGINS_MM,
  MOTTO,
  NATIONAL_TITLE,
  PAGE,
  PARAGRAPH_SPACING_PT,
  TEXT_WIDTH_MM,
  mmToTwip,
} from './layout.ts';
import { dataTableXml } from './docx-table-xml.ts';
import {
  documentTitle,
  formatNumberAndSymbol,
  formatPlaceDate,
  headingLabels,
  headingText,
  recipientLines,
  signatureHeadLines,
  upper,
} from './vn-format.ts';

const FONT = 'Times New Roman';
const halfPoints = (pt: number): number => Math.round(pt * 2);
const ptToTwip = (pt: number): number => Math.round(pt * 20);

type RunStyle = { size: number; bold?: boolean; italic?: boolean; underline?: boolean };

/** Plain text into runs; a "\n" becomes a line break. docx escapes XML, so markup stays literal text. */
function runs(text: string, style: RunStyle): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        font: FONT,
        size: halfPoints(style.size),
        bold: style.bold ?? false,
        italics: style.italic ?? false,
        underline: style.underline ? {} : undefined,
        break: i > 0 ? 1 : undefined,
      }),
  );
}

function inlineRuns(content: InlineText, size: number): ParagraphChild[] {
  if (typeof content === 'string') return runs(content, { size });
  return content.flatMap((run) =>
    runs(run.text, { size, bold: run.bold, italic: run.italic, underline: run.underline }),
  );
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<TextAlign, unknown>;

function line(
  text: string,
  style: RunStyle,
  align: TextAlign = 'center',
  spacing: { before?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { before: ptToTwip(spacing.before ?? 0), after: ptToTwip(spacing.after ?? 0) },
    children: runs(text, style),
  });
}

/** A short centred rule: an empty paragraph whose bottom border spans the middle of the column. */
function shortRule(columnMm: number, ruleMm: number): Paragraph {
  const side = mmToTwip((columnMm - ruleMm) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
} as const;

type ColumnPair = readonly [left: Paragraph[], right: Paragraph[]];

function twoColumns(leftMm: number, rightMm: number, rows: readonly ColumnPair[]): Table {
  const cell = (mm: number, children: Paragraph[]): TableCell =>
    new TableCell({
      width: { size: mmToTwip(mm), type: WidthType.DXA },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      children: children.length > 0 ? children : [new Paragraph({ children: [] })],
    });
  return new Table({
    width: { size: mmToTwip(leftMm + rightMm), type: WidthType.DXA },
    columnWidths: [mmToTwip(leftMm), mmToTwip(rightMm)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      ([left, right]) =>
        new TableRow({ cantSplit: true, children: [cell(leftMm, left), cell(rightMm, right)] }),
    ),
  });
}

// NĐ 30/2020, Phụ lục I, ô số 1–4: issuing body (parent upright, body bold, short rule) over the number on the
// left; Quốc hiệu and Tiêu ngữ (underlined) over the place-date (italic) on the right. Two rows keep the number
// and the date on one line.
function headerTable(doc: AdministrativeDocument): Table {
  const body: Paragraph[] = [
    ...doc.issuingBody.parentLines.map((l) => line(upper(l), { size: FONT_PT.issuingBody })),
    ...doc.issuingBody.nameLines.map((l) => line(upper(l), { size: FONT_PT.issuingBody, bold: true })),
    shortRule(HEADER_COLUMNS_MM.left, HEADER_COLUMNS_MM.left / 3),
  ];
  const nation: Paragraph[] = [
    line(NATIONAL_TITLE, { size: FONT_PT.nationalTitle, bold: true }),
    line(MOTTO, { size: FONT_PT.motto, bold: true, underline: true }),
  ];
  const number: Paragraph[] = [
    line(formatNumberAndSymbol(doc.numberAndSymbol), { size: FONT_PT.numberAndSymbol }, 'center', {
      before: 6,
    }),
  ];
  if (doc.typeName === undefined) {
    // Công văn: trích yếu under the number (Phụ lục I, ô số 5b).
    number.push(
      ...doc.summaryLines.map((l, i) =>
        line(i === 0 ? `V/v ${l}` : l, { size: FONT_PT.numberAndSymbol - 1 }),
      ),
    );
  }
  const placeDate = [
    line(formatPlaceDate(doc.place, doc.issueDate), { size: FONT_PT.placeDate, italic: true }, 'center', {
      before: 6,
    }),
  ];
  return twoColumns(HEADER_COLUMNS_MM.left, HEADER_COLUMNS_MM.right, [
    [body, nation],
    [number, placeDate],
  ]);
}

function titleParagraphs(doc: AdministrativeDocument): Paragraph[] {
  if (doc.typeName === undefined) return [];
  const out = [
    line(upper(doc.typeName), { size: FONT_PT.typeName, bold: true }, 'center', { before: 18 }),
    ...doc.summaryLines.map((l) => line(l, { size: FONT_PT.summary, bold: true })),
  ];
  if (doc.summaryLines.length > 0) out.push(shortRule(TEXT_WIDTH_MM, TEXT_WIDTH_MM / 4));
  return out;
}

function bodyParagraph(content: InlineText, align: TextAlign, indent: boolean, size: number): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    indent: indent ? { firstLine: mmToTwip(FIRST_LINE_INDENT_MM) } : undefined,
    spacing: { before: ptToTwip(PARAGRAPH_SPACING_PT), after: 0 },
    children: inlineRuns(content, size),
  });
}

function bodyBlocks(blocks: readonly BodyBlock[], pending: PendingTables): (Paragraph | Table)[] {
  const labels = headingLabels(blocks);
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: mmToTwip(FIRST_LINE_INDENT_MM) },
            spacing: { before: ptToTwip(PARAGRAPH_SPACING_PT), after: 0 },
            keepNext: true,
            children: runs(headingText(block, labels.get(block)), {
              size: FONT_PT.heading,
              bold: true,
              italic: block.level === 3,
            }),
          }),
        );
        break;
      case 'paragraph':
        out.push(bodyParagraph(block.content, block.align ?? 'justify', block.indent ?? true, FONT_PT.body));
        break;
      case 'list':
        for (const item of block.items) {
          const marker = `${block.marker ?? '-'} `;
          const content = typeof item === 'string' ? marker + item : [{ text: marker }, ...item];
          out.push(bodyParagraph(content, 'justify', true, FONT_PT.body));
        }
        break;
      case 'table':
        out.push(dataTable(block.table, pending));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

/**
 * Data tables are written as WordprocessingML directly (`docx-table-xml.ts`): in the document they
 * are first a placeholder paragraph holding a per-render random token, which `spliceTables` then
 * replaces with the table's XML. A 1,000-name annex built from docx objects took ~2.7 s under load,
 * nearly all of it docx building and collecting one object per paragraph, run and property.
 */
type PendingTables = { token: string; xml: string[] };

function dataTable(table: TableModel, pending: PendingTables): Paragraph {
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const widths = table.columnWidths.map((w) => mmToTwip((w / total) * TEXT_WIDTH_MM));
  const index = pending.xml.length;
  pending.xml.push(
    dataTableXml(table, {
      widths,
      totalWidth: mmToTwip(TEXT_WIDTH_MM),
      fontSizePt: table.fontSize ?? FONT_PT.tableDefault,
      // Borders and cell margins are set once on the table, not on each cell.
      cellMargins: { left: 60, right: 60, top: 30, bottom: 30 },
    }),
  );
  return new Paragraph({ children: [new TextRun(`${pending.token}${index}.`)] });
}

/** Replaces each placeholder paragraph of `word/document.xml` with its table and zips the package again. */
function spliceTables(docx: Buffer, pending: PendingTables): Buffer {
  if (pending.xml.length === 0) return docx;
  const files = unzipSync(docx);
  const path = 'word/document.xml';
  let xml = strFromU8(files[path]!);
  pending.xml.forEach((tableXml, index) => {
    const at = xml.indexOf(`${pending.token}${index}.`);
    const start = xml.lastIndexOf('<w:p>', at);
    const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    if (at < 0 || start < 0) throw new Error(`table placeholder ${index} not found in ${path}`);
    xml = xml.slice(0, start) + tableXml + xml.slice(end);
  });
  files[path] = strToU8(xml);
  return Buffer.from(zipSync(files, { level: 6 }));
}

// NĐ 30/2020, Phụ lục I, ô số 7 (signature, right) and ô số 9 (nơi nhận, left, "Nơi nhận:" bold italic 12,
// items upright 11).
function closingTable(doc: AdministrativeDocument): Table {
  const left: Paragraph[] = [
    line('Nơi nhận:', { size: FONT_PT.recipientsLabel, bold: true, italic: true }, 'left', { before: 12 }),
    ...recipientLines(doc.recipients).map((l) => line(l, { size: FONT_PT.recipientsItem }, 'left')),
  ];
  const sig = doc.signature;
  const right: Paragraph[] = [
    ...signatureHeadLines(sig).map((l, i) =>
      line(l, { size: FONT_PT.signature, bold: true }, 'center', { before: i === 0 ? 12 : 0 }),
    ),
    new Paragraph({
      spacing: {
        before: 0,
        after: 0,
        line: mmToTwip(sig.signatureSpaceMm ?? DEFAULT_SIGNATURE_SPACE_MM),
        lineRule: 'exact',
      },
      children: [],
    }),
    line(sig.signerName, { size: FONT_PT.signature, bold: true }),
  ];
  return twoColumns(CLOSING_COLUMNS_MM.left, CLOSING_COLUMNS_MM.right, [[left, right]]);
}

function annexParagraphs(annex: AnnexSection, pending: PendingTables): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ pageBreakBefore: true, children: [] })];
  annex.titleLines.forEach((l) => out.push(line(upper(l), { size: FONT_PT.typeName, bold: true })));
  if (annex.subtitle) out.push(line(annex.subtitle, { size: FONT_PT.body, italic: true }));
  out.push(shortRule(TEXT_WIDTH_MM, TEXT_WIDTH_MM / 4));
  out.push(...bodyBlocks(annex.intro ?? [], pending));
  out.push(new Paragraph({ spacing: { before: ptToTwip(PARAGRAPH_SPACING_PT) }, children: [] }));
  out.push(dataTable(annex.table, pending));
  out.push(...bodyBlocks(annex.closing ?? [], pending));
  return out;
}

/** Word (.docx) in the NĐ 30/2020 layout. */
export async function renderDocx(doc: AdministrativeDocument, options: RenderOptions = {}): Promise<Buffer> {
  const legalBases = (doc.legalBases ?? []).map((text) =>
    bodyParagraph([{ text, italic: true }], 'justify', true, FONT_PT.body),
  );
  const pending: PendingTables = { token: `TDKT-TABLE-${randomUUID()}-`, xml: [] };
  const children: (Paragraph | Table)[] = [
    headerTable(doc),
    ...titleParagraphs(doc),
    ...legalBases,
    ...bodyBlocks(doc.body, pending),
    closingTable(doc),
    ...(doc.annexes ?? []).flatMap((annex) => annexParagraphs(annex, pending)),
  ];
  const pageNumberHeader = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(FONT_PT.pageNumber) }),
        ],
      }),
    ],
  });
  const document = new Document({
    title: options.title ?? documentTitle(doc),
    creator: 'TĐKT',
    lastModifiedBy: 'TĐKT',
    styles: { default: { document: { run: { font: FONT, size: halfPoints(FONT_PT.body) } } } },
    sections: [
      {
        properties: {
          // Phụ lục I: the first page carries no number; numbers sit centred in the top margin.
          titlePage: true,
          page: {
            size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm) },
            margin: {
              top: mmToTwip(MARGINS_MM.top),
              bottom: mmToTwip(MARGINS_MM.bottom),
              left: mmToTwip(MARGINS_MM.left),
              right: mmToTwip(MARGINS_MM.right),
              header: mmToTwip(MARGINS_MM.top / 2),
              footer: mmToTwip(MARGINS_MM.bottom / 2),
            },
          },
        },
        headers: {
          default: pageNumberHeader,
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  // docx always stamps core.xml with the current time; options.metadataDate applies to the PDF renderers only.
  return spliceTables(await Packer.toBuffer(document), pending);
}
