export async function runImportCommand(_argv: string[]): Promise<number> {
  console.error('Lệnh nhập Excel đang được hoàn thiện.');
  return 1;
}
export async function runExportCommand(_argv: string[]): Promise<number> {
  console.error('Lệnh xuất Excel đang được hoàn thiện.');
  return 1;
}
