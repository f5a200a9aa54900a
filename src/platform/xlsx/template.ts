import ExcelJS from 'exceljs';
import type { AnyImportColumn, CellValue, ImportSpec } from './import-spec.ts';
import { columnLetter } from './import-spec.ts';
import { DATE_NUM_FMT } from './write-xlsx.ts';

const INSTRUCTIONS_SHEET = 'Hướng dẫn';
const LISTS_SHEET = 'Danh mục';
/** Rows of the data sheet that get drop-down lists and formats. */
const TEMPLATE_ROWS = 1000;

const GENERAL_INSTRUCTIONS = [
  'Nhập dữ liệu vào trang tính đầu tiên, mỗi dòng một bản ghi, bắt đầu từ dòng 2. Không đổi tên hay xóa dòng tiêu đề; có thể đổi thứ tự cột, cột không có trong mẫu sẽ được bỏ qua.',
  'Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/mm/yyyy (ví dụ 05/02/1980) hoặc dùng ô kiểu ngày của Excel.',
  'Cột có danh sách: chọn giá trị trong danh sách thả xuống (không phân biệt chữ hoa, chữ thường, có dấu hay không dấu).',
  'Văn bản gõ bằng bảng mã cũ TCVN3 (.VnTime) hoặc VNI (VNI-Times) được hệ thống tự nhận ra và chuyển sang Unicode.',
  'Tệp được nhận toàn bộ hoặc không nhận dòng nào: nếu có lỗi, hệ thống liệt kê từng lỗi theo dòng và cột để sửa rồi tải lên lại.',
];

/**
 * The template a user downloads: the data sheet (header row, required headers marked "(*)" and
 * red, a note with the hint on each header, drop-down lists for closed lists, dd/mm/yyyy and text
 * formats), an instructions sheet in Vietnamese, and a hidden sheet holding the lists (a list
 * written inline in the validation is limited to 255 characters and breaks on commas).
 * `exampleRows` (values as the user would type them) are written below the header.
 */
export async function buildImportTemplate<Cols extends readonly AnyImportColumn[]>(
  spec: ImportSpec<Cols>,
  options: { exampleRows?: readonly Partial<Record<Cols[number]['key'], CellValue>>[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TĐKT';
  const data = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  data.columns = spec.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.type === 'date' ? { numFmt: DATE_NUM_FMT } : c.type === 'text' ? { numFmt: '@' } : {},
  }));
  const header = data.getRow(1);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(c);
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.note = c.hint;
  });
  header.commit();

  let listColumn = 0;
  spec.columns.forEach((c, i) => {
    if (c.listLabels === null) return;
    listColumn++;
    const letter = columnLetter(listColumn);
    lists.getCell(`${letter}1`).value = c.header;
    c.listLabels.forEach((label, j) => {
      lists.getCell(`${letter}${j + 2}`).value = label;
    });
    const range = `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${c.listLabels.length + 1}`;
    for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
      data.getRow(r).getCell(i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Giá trị không hợp lệ',
        error: `Chọn một giá trị trong danh sách của cột "${c.header}".`,
      };
    }
  });

  (options.exampleRows ?? []).forEach((example, r) => {
    const row = data.getRow(r + 2);
    spec.columns.forEach((c, i) => {
      const value = (example as Partial<Record<string, CellValue>>)[c.key];
      if (value !== undefined) row.getCell(i + 1).value = value;
    });
  });

  instructions.columns = [{ width: 8 }, { width: 34 }, { width: 10 }, { width: 90 }];
  instructions.addRow([spec.title]).font = { bold: true, size: 14 };
  instructions.addRow([]);
  for (const paragraph of [...GENERAL_INSTRUCTIONS, ...spec.instructions]) {
    const row = instructions.addRow(['•', paragraph]);
    instructions.mergeCells(row.number, 2, row.number, 4);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(15, Math.ceil(paragraph.length / 120) * 15);
  }
  instructions.addRow([]);
  instructions.addRow(['Cột', 'Tiêu đề', 'Bắt buộc', 'Cách nhập']).font = { bold: true };
  spec.columns.forEach((c, i) => {
    const row = instructions.addRow([columnLetter(i + 1), c.header, c.required ? 'Có' : '', c.hint]);
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function headerText(column: AnyImportColumn): string {
  return column.required ? `${column.header} (*)` : column.header;
}
