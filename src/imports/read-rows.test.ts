import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { OrgDirectory, type OrgUnitRow } from '../organizations/index.ts';
import { readStagedRows, THREAD_FROM_BYTES } from './read-rows.ts';
import type { ReadEvent } from './stage-rows.ts';

const WARD: OrgUnitRow = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'MQ',
  name: 'Phường Mỹ Quý',
  placeName: null,
  kind: 'ward',
  parentId: null,
  provinceCode: 'AG',
  path: '/MQ/',
  validFrom: '2020-01-01',
  validTo: null,
  memberCount: null,
};
const OTHER: OrgUnitRow = { ...WARD, id: '00000000-0000-4000-8000-000000000002', code: 'DX', path: '/DX/' };

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Mã đơn vị', 'Đối tượng']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads on the thread whatever the size (threadFromBytes 0), unless the source is a stream. */
async function events(
  source: Buffer | Readable,
  batchSize: number,
  threadFromBytes = 0,
): Promise<ReadEvent[]> {
  const directory = new OrgDirectory([WARD, OTHER], []);
  const reader = readStagedRows(
    'people',
    source,
    directory,
    new Set([WARD.id]),
    '2026-01-01',
    batchSize,
    threadFromBytes,
  );
  const out: ReadEvent[] = [];
  for await (const e of reader.events) {
    out.push(e);
    if (e.type === 'batch') reader.acknowledge();
  }
  return out;
}

const rowsOf = (evs: ReadEvent[]) =>
  evs.flatMap((e) => (e.type === 'batch' ? (JSON.parse(e.json) as [number, Record<string, unknown>][]) : []));

describe('reading an import on the reader thread', () => {
  it('gives the same events as reading in place, in batches, with derived columns', async () => {
    const file = await workbook(
      Array.from({ length: 5 }, (_, i) => [`Liêu Quốc Bình ${i}`, 'Nam', '15/06/1985', 'MQ', 'Công chức']),
    );
    const threaded = await events(file, 2);
    const inPlace = await events(Readable.from([file]), 2);
    const smallBuffer = await events(file, 2, THREAD_FROM_BYTES);
    expect(file.length).toBeLessThan(THREAD_FROM_BYTES);
    expect(threaded).toEqual(inPlace);
    expect(smallBuffer).toEqual(inPlace);
    expect(threaded.filter((e) => e.type === 'batch').map((e) => e.type === 'batch' && e.rows)).toEqual([
      2, 2, 1,
    ]);
    const rows = rowsOf(threaded);
    expect(rows.map(([rowNo]) => rowNo)).toEqual([2, 3, 4, 5, 6]);
    expect(rows[0]![1]).toMatchObject({
      fullName: 'Liêu Quốc Bình 0',
      orgUnitId: WARD.id,
      provinceCode: 'AG',
      nameSearch: 'lieu quoc binh 0',
      startDate: '2026-01-01',
    });
    expect(threaded.at(-1)).toEqual({ type: 'end', rowsRead: 5, errorCount: 0, errors: [] });
  });

  it('stages nothing once a row is wrong, and reports every problem with its row and column', async () => {
    const file = await workbook([
      ['Phan Thị Ngọc Hân', 'Nữ', '15/03/1990', 'MQ', 'Công chức'],
      ['Đặng Văn Phúc', 'Nam', '31/02/1980', 'MQ', 'Công chức'],
      ['Trần Thị Lan', 'Nữ', '01/01/1990', 'DX', 'Công chức'],
      ['Lê Văn Tám', 'Nam', '01/01/1990', 'MQ', 'Công chức'],
    ]);
    const threaded = await events(file, 1);
    expect(rowsOf(threaded).map(([rowNo]) => rowNo)).toEqual([2]);
    const end = threaded.at(-1);
    expect(end?.type === 'end' && end.errors.map((e) => [e.rowNumber, e.column])).toEqual([
      [3, 'C'],
      [4, 'D'],
    ]);
    expect(end?.type === 'end' && end.errors[1]!.message).toMatch(/không tìm thấy đơn vị có mã "DX"/);
  });

  it('reports a file that is not a workbook as an error of the file', async () => {
    await expect(events(Buffer.from('not a zip file'), 10)).rejects.toThrow();
  });
});
