import ExcelJS from 'exceljs';

export const PEOPLE_HEADERS = [
  'Mã cán bộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Mã đơn vị',
  'Chức vụ',
  'Đối tượng',
  'Ngày bắt đầu công tác tại đơn vị',
] as const;

export type PeopleRow = [
  string | null,
  string,
  string,
  string | null,
  string | null,
  string,
  string | null,
  string,
  string | null,
];

/** A people workbook as an office would type it (text dates dd/mm/yyyy). */
export async function peopleWorkbook(
  rows: readonly PeopleRow[],
  headers: readonly string[] = PEOPLE_HEADERS,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart body for POST /api/v1/imports. */
export function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = `----tdkt${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
