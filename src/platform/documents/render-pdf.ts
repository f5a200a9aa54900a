import type {
  AdministrativeDocument,
  AnnexSection,
  BodyBlock,
  InlineText,
  RenderOptions,
  TableModel,
  TextAlign,
  TextRun,
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
  mmToPt,
} from './layout.ts';
import { createPdf, finish, useFont } from './pdf-kit.ts';
import type { PdfDoc } from './pdf-kit.ts';
import {
  documentTitle,
  formatNumberAndSymbol,
  formatPlaceDate,
  headingLabels,
  headingText,
  normalizeCell,
  recipientLines,
  signatureHeadLines,
  upper,
} from './vn-format.ts';

const LEFT = mmToPt(MARGINS_MM.left);
const TOP = mmToPt(MARGINS_MM.top);
const TEXT_WIDTH = mmToPt(TEXT_WIDTH_MM);
const PAGE_HEIGHT = mmToPt(PAGE.heightMm);
const MAX_Y = PAGE_HEIGHT - mmToPt(MARGINS_MM.bottom);
const RULE_WIDTH = 0.75;

function newPage(doc: PdfDoc): void {
  doc.addPage();
  doc.x = LEFT;
  doc.y = TOP;
}

function ensureSpace(doc: PdfDoc, height: number): void {
  if (doc.y + height > MAX_Y) newPage(doc);
}

function lineHeight(doc: PdfDoc, size: number, bold?: boolean, italic?: boolean): number {
  return useFont(doc, size, bold, italic).currentLineHeight(true);
}

/** One centred line (wrapping if it must) in a column; returns the y below it. */
function centred(
  doc: PdfDoc,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  bold?: boolean,
  italic?: boolean,
): number {
  useFont(doc, size, bold, italic);
  doc.text(text, x, y, { width, align: 'center' });
  return doc.y;
}

function horizontalRule(doc: PdfDoc, centreX: number, y: number, length: number): void {
  doc
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .lineWidth(RULE_WIDTH)
    .strokeColor('#000000')
    .stroke();
}

/** Largest size ≤ `size` at which `text` fits on one line of `width`. */
function fittingSize(doc: PdfDoc, text: string, width: number, size: number, bold: boolean): number {
  let s = size;
  while (s > 8 && useFont(doc, s, bold).widthOfString(text) > width) s -= 0.25;
  return s;
}

// NĐ 30/2020, Phụ lục I, ô số 1–4 (see render-docx.ts for the same layout in Word).
function drawHeader(doc: PdfDoc, model: AdministrativeDocument): void {
  const leftW = mmToPt(HEADER_COLUMNS_MM.left);
  const rightW = mmToPt(HEADER_COLUMNS_MM.right);
  const rightX = LEFT + leftW;

  let yl = TOP;
  for (const l of model.issuingBody.parentLines)
    yl = centred(doc, upper(l), LEFT, yl, leftW, FONT_PT.issuingBody);
  for (const l of model.issuingBody.nameLines)
    yl = centred(doc, upper(l), LEFT, yl, leftW, FONT_PT.issuingBody, true);
  yl += 3;
  horizontalRule(doc, LEFT + leftW / 2, yl, leftW / 3);

  let yr = TOP;
  const titleSize = fittingSize(doc, NATIONAL_TITLE, rightW, FONT_PT.nationalTitle, true);
  yr = centred(doc, NATIONAL_TITLE, rightX, yr, rightW, titleSize, true);
  const mottoY = yr;
  yr = centred(doc, MOTTO, rightX, yr, rightW, FONT_PT.motto, true);
  // Phụ lục I: the Tiêu ngữ is underlined by a full rule as long as the line itself.
  const mottoWidth = useFont(doc, FONT_PT.motto, true).widthOfString(MOTTO);
  horizontalRule(doc, rightX + rightW / 2, mottoY + FONT_PT.motto * 1.02, mottoWidth);

  const rowY = Math.max(yl, yr) + PARAGRAPH_SPACING_PT;
  let below = centred(
    doc,
    formatNumberAndSymbol(model.numberAndSymbol),
    LEFT,
    rowY,
    leftW,
    FONT_PT.numberAndSymbol,
  );
  if (model.typeName === undefined) {
    // Công văn: trích yếu under the number (Phụ lục I, ô số 5b).
    model.summaryLines.forEach((l, i) => {
      below = centred(doc, i === 0 ? `V/v ${l}` : l, LEFT, below, leftW, FONT_PT.numberAndSymbol - 1);
    });
  }
  const dateBelow = centred(
    doc,
    formatPlaceDate(model.place, model.issueDate),
    rightX,
    rowY,
    rightW,
    FONT_PT.placeDate,
    false,
    true,
  );
  doc.x = LEFT;
  doc.y = Math.max(below, dateBelow);
}

function drawTitle(doc: PdfDoc, model: AdministrativeDocument): void {
  if (model.typeName === undefined) return;
  let y = doc.y + 18;
  y = centred(doc, upper(model.typeName), LEFT, y, TEXT_WIDTH, FONT_PT.typeName, true);
  for (const l of model.summaryLines) y = centred(doc, l, LEFT, y, TEXT_WIDTH, FONT_PT.summary, true);
  if (model.summaryLines.length > 0) {
    y += 4;
    horizontalRule(doc, LEFT + TEXT_WIDTH / 2, y, TEXT_WIDTH / 4);
  }
  doc.x = LEFT;
  doc.y = y + 2;
}

function toRuns(content: InlineText): TextRun[] {
  const runs = typeof content === 'string' ? [{ text: content }] : content;
  return runs.filter((r) => r.text.length > 0);
}

function drawParagraph(
  doc: PdfDoc,
  content: InlineText,
  options: {
    align: TextAlign;
    indent: boolean;
    size: number;
    x?: number;
    width?: number;
    spaceBefore?: number;
  },
): void {
  const x = options.x ?? LEFT;
  const width = options.width ?? TEXT_WIDTH;
  doc.y += options.spaceBefore ?? PARAGRAPH_SPACING_PT;
  const runs = toRuns(content);
  if (runs.length === 0) {
    doc.y += lineHeight(doc, options.size);
    return;
  }
  ensureSpace(doc, lineHeight(doc, options.size));
  runs.forEach((run, i) => {
    useFont(doc, options.size, run.bold, run.italic);
    const textOptions: PDFKit.Mixins.TextOptions = {
      width,
      align: options.align,
      indent: options.indent ? mmToPt(FIRST_LINE_INDENT_MM) : 0,
      underline: run.underline ?? false,
      continued: i < runs.length - 1,
    };
    if (i === 0) doc.text(run.text, x, doc.y, textOptions);
    else doc.text(run.text, textOptions);
  });
  doc.x = LEFT;
}

function drawBlocks(doc: PdfDoc, blocks: readonly BodyBlock[]): void {
  const labels = headingLabels(blocks);
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        // Keep a heading with the first lines of what follows it.
        ensureSpace(doc, PARAGRAPH_SPACING_PT + 3 * lineHeight(doc, FONT_PT.heading, true));
        const text = headingText(block, labels.get(block));
        drawParagraph(doc, [{ text, bold: true, italic: block.level === 3 }], {
          align: 'justify',
          indent: true,
          size: FONT_PT.heading,
        });
        break;
      }
      case 'paragraph':
        drawParagraph(doc, block.content, {
          align: block.align ?? 'justify',
          indent: block.indent ?? true,
          size: FONT_PT.body,
        });
        break;
      case 'list':
        for (const item of block.items) {
          const marker = `${block.marker ?? '-'} `;
          const content: InlineText = typeof item === 'string' ? marker + item : [{ text: marker }, ...item];
          drawParagraph(doc, content, { align: 'justify', indent: true, size: FONT_PT.body });
        }
        break;
      case 'table':
        doc.y += PARAGRAPH_SPACING_PT;
        drawTable(doc, block.table);
        break;
      case 'pageBreak':
        newPage(doc);
        break;
    }
  }
}

const CELL_PAD_X = 3;
const CELL_PAD_Y = 2.5;

type PlacedCell = {
  text: string;
  x: number;
  width: number;
  bold: boolean;
  italic: boolean;
  align: 'left' | 'center' | 'right';
  /** Height of the wrapped text, measured once and used for the row height and the vertical centring. */
  textHeight: number;
};

/** A table that splits across pages between rows, repeating its header rows on every page. */
export function drawTable(doc: PdfDoc, table: TableModel): void {
  const size = table.fontSize ?? FONT_PT.tableDefault;
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const widths = table.columnWidths.map((w) => (w / total) * TEXT_WIDTH);
  const place = (row: TableModel['rows'][number], header: boolean): PlacedCell[] => {
    let column = 0;
    let x = LEFT;
    return row.map((raw) => {
      const cell = normalizeCell(raw);
      const width = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
      const bold = header || cell.bold;
      const placed: PlacedCell = {
        text: cell.text,
        x,
        width,
        bold,
        italic: cell.italic,
        align: header ? 'center' : (cell.align ?? table.columnAlign?.[column] ?? 'left'),
        textHeight: useFont(doc, size, bold, cell.italic).heightOfString(cell.text, {
          width: width - 2 * CELL_PAD_X,
        }),
      };
      column += cell.colSpan;
      x += width;
      return placed;
    });
  };
  const minHeight = lineHeight(doc, size) + 2 * CELL_PAD_Y;
  const heightOf = (cells: PlacedCell[]): number =>
    Math.max(minHeight, ...cells.map((c) => c.textHeight + 2 * CELL_PAD_Y));
  const drawRow = (cells: PlacedCell[], height: number): void => {
    const y = doc.y;
    for (const c of cells) doc.rect(c.x, y, c.width, height);
    doc.lineWidth(0.5).strokeColor('#000000').stroke();
    for (const c of cells) {
      useFont(doc, size, c.bold, c.italic);
      doc.text(c.text, c.x + CELL_PAD_X, y + (height - c.textHeight) / 2, {
        width: c.width - 2 * CELL_PAD_X,
        align: c.align,
      });
    }
    doc.x = LEFT;
    doc.y = y + height;
  };

  const header = table.headerRows.map((r) => {
    const cells = place(r, true);
    return { cells, height: heightOf(cells) };
  });
  const headerHeight = header.reduce((a, r) => a + r.height, 0);
  const drawHeader = (): void => header.forEach((r) => drawRow(r.cells, r.height));

  const firstRow = table.rows[0];
  ensureSpace(doc, headerHeight + (firstRow ? heightOf(place(firstRow, false)) : 0));
  drawHeader();
  for (const row of table.rows) {
    const cells = place(row, false);
    const height = heightOf(cells);
    if (doc.y + height > MAX_Y) {
      newPage(doc);
      drawHeader();
    }
    drawRow(cells, height);
  }
}

// NĐ 30/2020, Phụ lục I, ô số 7 (signature, right) and 9 (nơi nhận, left), side by side on one row.
function drawClosing(doc: PdfDoc, model: AdministrativeDocument): void {
  const leftW = mmToPt(CLOSING_COLUMNS_MM.left);
  const rightW = mmToPt(CLOSING_COLUMNS_MM.right);
  const rightX = LEFT + leftW;
  const items = recipientLines(model.recipients);
  const sig = model.signature;
  const heads = signatureHeadLines(sig);
  const space = mmToPt(sig.signatureSpaceMm ?? DEFAULT_SIGNATURE_SPACE_MM);

  const leftHeight =
    lineHeight(doc, FONT_PT.recipientsLabel, true, true) +
    items.reduce((a, l) => a + useFont(doc, FONT_PT.recipientsItem).heightOfString(l, { width: leftW }), 0);
  const rightHeight = (heads.length + 1) * lineHeight(doc, FONT_PT.signature, true) + space;
  const gap = 12;
  ensureSpace(doc, gap + Math.max(leftHeight, rightHeight));
  const y0 = doc.y + gap;

  useFont(doc, FONT_PT.recipientsLabel, true, true);
  doc.text('Nơi nhận:', LEFT, y0, { width: leftW });
  let y = doc.y;
  useFont(doc, FONT_PT.recipientsItem);
  for (const l of items) {
    doc.text(l, LEFT, y, { width: leftW });
    y = doc.y;
  }
  const leftEnd = y;

  let yr = y0;
  for (const l of heads) yr = centred(doc, l, rightX, yr, rightW, FONT_PT.signature, true);
  yr = centred(doc, sig.signerName, rightX, yr + space, rightW, FONT_PT.signature, true);
  doc.x = LEFT;
  doc.y = Math.max(leftEnd, yr);
}

function drawAnnex(doc: PdfDoc, annex: AnnexSection): void {
  newPage(doc);
  let y = doc.y;
  for (const l of annex.titleLines) y = centred(doc, upper(l), LEFT, y, TEXT_WIDTH, FONT_PT.typeName, true);
  if (annex.subtitle) y = centred(doc, annex.subtitle, LEFT, y, TEXT_WIDTH, FONT_PT.body, false, true);
  y += 4;
  horizontalRule(doc, LEFT + TEXT_WIDTH / 2, y, TEXT_WIDTH / 4);
  doc.x = LEFT;
  doc.y = y + 2;
  drawBlocks(doc, annex.intro ?? []);
  doc.y += PARAGRAPH_SPACING_PT;
  drawTable(doc, annex.table);
  drawBlocks(doc, annex.closing ?? []);
}

// Phụ lục I: page numbers in Arabic numerals, centred in the top margin, from the second page on.
function drawPageNumbers(doc: PdfDoc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    useFont(doc, FONT_PT.pageNumber);
    doc.text(String(i - range.start + 1), LEFT, TOP / 2 - FONT_PT.pageNumber / 2, {
      width: TEXT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
}

/** PDF in the NĐ 30/2020 layout, pure JavaScript (pdfkit + Tinos). */
export async function renderPdf(model: AdministrativeDocument, options: RenderOptions = {}): Promise<Buffer> {
  const doc = createPdf({
    size: [mmToPt(PAGE.widthMm), PAGE_HEIGHT],
    margins: {
      top: TOP,
      bottom: mmToPt(MARGINS_MM.bottom),
      left: LEFT,
      right: mmToPt(MARGINS_MM.right),
    },
    title: options.title ?? documentTitle(model),
    metadataDate: options.metadataDate,
    bufferPages: true,
  });
  newPage(doc);
  drawHeader(doc, model);
  drawTitle(doc, model);
  for (const basis of model.legalBases ?? []) {
    drawParagraph(doc, [{ text: basis, italic: true }], {
      align: 'justify',
      indent: true,
      size: FONT_PT.body,
    });
  }
  drawBlocks(doc, model.body);
  drawClosing(doc, model);
  for (const annex of model.annexes ?? []) drawAnnex(doc, annex);
  drawPageNumbers(doc);
  return finish(doc);
}
