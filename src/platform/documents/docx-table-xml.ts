// WordprocessingML of a data table, written as a string. A 1,000-name annex built from docx's
// objects (a Table, a TableRow per row, a TableCell, Paragraph and TextRun per cell, each with its
// own property objects) spent most of its time building and garbage-collecting those objects; the
// same XML written directly takes a few milliseconds. Only the properties the table needs are
// written: the run font comes from the document's default style (Times New Roman), so a run says
// only its size and whether it is bold or italic.
import type { TableModel, TextAlign } from './document-model.ts';
import { normalizeCell } from './vn-format.ts';

/** XML text content: `& < >` escaped, characters XML 1.0 forbids dropped. Markup stays literal. */
export function escapeXmlText(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (c === '&') out += '&amp;';
    else if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (allowedInXml(code)) out += c;
  }
  return out;
}

/** XML 1.0 Char: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above. */
function allowedInXml(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

const JC: Readonly<Record<TextAlign, string>> = {
  left: 'left',
  center: 'center',
  right: 'right',
  justify: 'both',
};

export type DataTableLayout = {
  /** Column widths in twips. */
  widths: readonly number[];
  /** Total width in twips. */
  totalWidth: number;
  /** Font size in points. */
  fontSizePt: number;
  /** Cell margins in twips. */
  cellMargins: { left: number; right: number; top: number; bottom: number };
};

function runXml(text: string, halfPoints: number, bold: boolean, italic: boolean): string {
  const props = `${bold ? '<w:b/><w:bCs/>' : ''}${italic ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
  // A "\n" in a cell is a line break, as in the rest of the document.
  return text
    .split('\n')
    .map(
      (line, i) =>
        `<w:r><w:rPr>${props}</w:rPr>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXmlText(line)}</w:t></w:r>`,
    )
    .join('');
}

const BORDER = 'w:val="single" w:color="auto" w:sz="4"';

function tablePropertiesXml(layout: DataTableLayout): string {
  const m = layout.cellMargins;
  return (
    `<w:tblPr><w:tblW w:type="dxa" w:w="${layout.totalWidth}"/>` +
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>` +
    `<w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/>` +
    `<w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${layout.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
  );
}

/**
 * The `<w:tbl>` element: thin borders, fixed layout, header rows repeated on every page
 * (`tblHeader`), no row split across pages (`cantSplit`), cells centred vertically.
 */
export function dataTableXml(table: TableModel, layout: DataTableLayout): string {
  const halfPoints = Math.round(layout.fontSizePt * 2);
  const rowXml = (cells: TableModel['rows'][number], header: boolean): string => {
    let column = 0;
    const tcs = cells.map((raw) => {
      const cell = normalizeCell(raw);
      const span = layout.widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
      const align: TextAlign = header ? 'center' : (cell.align ?? table.columnAlign?.[column] ?? 'left');
      column += cell.colSpan;
      return (
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${span}"/>` +
        `${cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>` +
        `<w:p><w:pPr><w:jc w:val="${JC[align]}"/></w:pPr>` +
        `${runXml(cell.text, halfPoints, header || cell.bold, cell.italic)}</w:p></w:tc>`
      );
    });
    return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${tcs.join('')}</w:tr>`;
  };
  const parts = [`<w:tbl>${tablePropertiesXml(layout)}`];
  for (const r of table.headerRows) parts.push(rowXml(r, true));
  for (const r of table.rows) parts.push(rowXml(r, false));
  parts.push('</w:tbl>');
  return parts.join('');
}
