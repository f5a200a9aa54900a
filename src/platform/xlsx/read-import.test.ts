import { describe, it, expect } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
// Test-only encoders live beside the decoders they exercise.
import { encodeAsTcvn3ForTests, encodeAsVniForTests } from '../text/legacy-encoders.test-helper.ts';
import { readImportRows } from './read-import.ts';
import type { ImportProgress, ImportRowResult, ImportSheetInfo, ReadImportOptions } from './read-import.ts';
import { buildImportTemplate } from './template.ts';
import { writeXlsxToBuffer, writeXlsxToStream } from './write-xlsx.ts';
import type { ExportValue } from './write-xlsx.ts';
import type { AnyImportColumn, CellValue, ImportSpec, RowOf } from './import-spec.ts';
import {
  orgUnitImportSpec,
  pastCommendationImportSpec,
  personImportSpec,
  yearlyFactImportSpec,
} from './import-kinds.ts';
import type { PersonImportRow } from './import-kinds.ts';

async function collect<Cols extends readonly AnyImportColumn[]>(
  spec: ImportSpec<Cols>,
  source: Buffer,
  options: ReadImportOptions = {},
): Promise<ImportRowResult<RowOf<Cols>>[]> {
  const results: ImportRowResult<RowOf<Cols>>[] = [];
  for await (const result of readImportRows(spec, source, options)) results.push(result);
  return results;
}

/** A workbook as a user would fill it: the given header texts, then rows of cells. */
async function workbookOf(
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const PEOPLE_HEADERS = [
  'Mã cán bộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Mã đơn vị',
  'Chức vụ',
  'Đối tượng',
  'Ngày bắt đầu công tác tại đơn vị',
];

const PEOPLE_ROWS: (readonly CellValue[])[] = [
  [
    'CB001',
    'Liêu Quốc Bình',
    'Nam',
    '12/03/1975',
    '089075001234',
    'MYQUY',
    'Chủ tịch UBND phường',
    'Cán bộ',
    '01/07/2021',
  ],
  [
    'CB002',
    'Nguyễn Thị Ngọc Hân',
    'Nữ',
    '05/02/1988',
    null,
    'MYQUY',
    'Công chức Văn phòng - Thống kê',
    'Công chức',
    null,
  ],
  [
    'CB003',
    'Trần Văn Dũng',
    'Nam',
    '20/11/1990',
    null,
    'KHOM3',
    'Trưởng khóm',
    'Người hoạt động không chuyên trách',
    null,
  ],
  ['CB004', 'Phạm Thị Lụa', 'Nữ', '31/12/1979', null, 'MYQUY', 'Kế toán', 'Công chức', '15/08/2015'],
  ['CB005', 'Đặng Văn Đức', 'Nam', '01/01/1985', null, 'MYQUY', 'Bảo vệ', 'Người lao động', null],
  ['CB006', 'Huỳnh Thị Mỹ Quý', 'Nữ', '09/09/1992', null, 'TRUONGMQ', 'Giáo viên', 'Viên chức', null],
];

const EXPECTED_PEOPLE: PersonImportRow[] = [
  {
    personCode: 'CB001',
    fullName: 'Liêu Quốc Bình',
    gender: 'male',
    birthDate: '1975-03-12',
    citizenId: '089075001234',
    unitCode: 'MYQUY',
    position: 'Chủ tịch UBND phường',
    staffCategory: 'cadre',
    startDate: '2021-07-01',
  },
  {
    personCode: 'CB002',
    fullName: 'Nguyễn Thị Ngọc Hân',
    gender: 'female',
    birthDate: '1988-02-05',
    citizenId: null,
    unitCode: 'MYQUY',
    position: 'Công chức Văn phòng - Thống kê',
    staffCategory: 'civil_servant',
    startDate: null,
  },
];

function okValues<Row>(results: ImportRowResult<Row>[]): Row[] {
  return results.flatMap((r) => (r.ok ? [r.values] : []));
}

describe('readImportRows', () => {
  it('reads back a filled template of each of the four kinds', async () => {
    const people = await buildImportTemplate(personImportSpec, {
      exampleRows: [
        {
          ...EXPECTED_PEOPLE[0],
          gender: 'Nam',
          staffCategory: 'Cán bộ',
          birthDate: '12/03/1975',
          startDate: new Date(Date.UTC(2021, 6, 1)),
        },
      ],
    });
    const results = await collect(personImportSpec, people);
    expect(results).toEqual([{ ok: true, rowNumber: 2, values: EXPECTED_PEOPLE[0] }]);

    const units = await buildImportTemplate(orgUnitImportSpec, {
      exampleRows: [
        { code: 'AG', name: 'Tỉnh An Giang', kind: 'Tỉnh' },
        {
          code: 'LX',
          name: 'Thành phố Long Xuyên',
          kind: 'Thành phố thuộc tỉnh',
          parentCode: 'AG',
          validTo: '30/06/2025',
        },
        {
          code: 'MYQUY',
          name: 'Phường Mỹ Quý',
          kind: 'phuong',
          parentCode: 'LX',
          validFrom: '01/01/1999',
          validTo: '30/06/2025',
        },
      ],
    });
    expect(okValues(await collect(orgUnitImportSpec, units))).toEqual([
      {
        code: 'AG',
        name: 'Tỉnh An Giang',
        kind: 'province',
        parentCode: null,
        validFrom: null,
        validTo: null,
      },
      {
        code: 'LX',
        name: 'Thành phố Long Xuyên',
        kind: 'district',
        parentCode: 'AG',
        validFrom: null,
        validTo: '2025-06-30',
      },
      {
        code: 'MYQUY',
        name: 'Phường Mỹ Quý',
        kind: 'ward',
        parentCode: 'LX',
        validFrom: '1999-01-01',
        validTo: '2025-06-30',
      },
    ]);

    const facts = await buildImportTemplate(yearlyFactImportSpec, {
      exampleRows: [
        {
          personCode: 'CB004',
          year: 2022,
          rating: 'Hoàn thành xuất sắc nhiệm vụ',
          monthsWorked: 12,
          initiativeScope: 'Cấp cơ sở',
          initiativeRecognizedOn: '15/11/2022',
          initiativeDecision: '45/QĐ-UBND',
        },
        {
          citizenId: 89075001234,
          year: 2022,
          rating: 'HTTNV',
          absenceKind: 'Nghỉ thai sản',
          absenceFrom: '01/03/2022',
          absenceTo: '31/08/2022',
          disciplineForm: 'Khiển trách',
          disciplineFrom: '01/10/2022',
          disciplinePending: 'Không',
        },
      ],
    });
    expect(okValues(await collect(yearlyFactImportSpec, facts))).toEqual([
      {
        personCode: 'CB004',
        citizenId: null,
        fullName: null,
        year: 2022,
        rating: 'excellent',
        monthsWorked: 12,
        absenceKind: null,
        absenceFrom: null,
        absenceTo: null,
        disciplineForm: null,
        disciplineFrom: null,
        disciplineTo: null,
        disciplinePending: null,
        initiativeScope: 'grassroots',
        initiativeRecognizedOn: '2022-11-15',
        initiativeDecision: '45/QĐ-UBND',
      },
      {
        personCode: null,
        citizenId: '089075001234',
        fullName: null,
        year: 2022,
        rating: 'good',
        monthsWorked: null,
        absenceKind: 'maternity',
        absenceFrom: '2022-03-01',
        absenceTo: '2022-08-31',
        disciplineForm: 'reprimand',
        disciplineFrom: '2022-10-01',
        disciplineTo: null,
        disciplinePending: false,
        initiativeScope: null,
        initiativeRecognizedOn: null,
        initiativeDecision: null,
      },
    ]);

    const awards = await buildImportTemplate(pastCommendationImportSpec, {
      exampleRows: [
        {
          personCode: 'CB001',
          year: 2022,
          award: 'Chiến sĩ thi đua cơ sở',
          decisionNumber: '12/QĐ-UBND',
          decisionDate: '20/12/2022',
          issuer: 'UBND thành phố Long Xuyên',
        },
        { unitCode: 'KHOM3', year: 2023, award: 'Giấy khen của Chủ tịch UBND phường' },
      ],
    });
    expect(okValues(await collect(pastCommendationImportSpec, awards))).toEqual([
      {
        personCode: 'CB001',
        citizenId: null,
        unitCode: null,
        recipientName: null,
        year: 2022,
        award: 'grassroots_emulation_fighter',
        decisionNumber: '12/QĐ-UBND',
        decisionDate: '2022-12-20',
        issuer: 'UBND thành phố Long Xuyên',
      },
      {
        personCode: null,
        citizenId: null,
        unitCode: 'KHOM3',
        recipientName: null,
        year: 2023,
        award: 'commune_certificate_of_merit',
        decisionNumber: null,
        decisionDate: null,
        issuer: null,
      },
    ]);
  });

  it('builds a template with the header row, instructions and drop-down lists', async () => {
    const buffer = await buildImportTemplate(personImportSpec);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([buffer]));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Cán bộ', 'Hướng dẫn', 'Danh mục']);
    const [data, instructions, lists] = workbook.worksheets;
    expect(data?.getRow(1).getCell(2).value).toBe('Họ và tên (*)');
    expect(data?.getRow(1).getCell(1).value).toBe('Mã cán bộ');
    expect(data?.getRow(2).getCell(3).dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$A$2:$A$3"],
    });
    expect(data?.getRow(500).getCell(8).dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$B$2:$B$6"],
    });
    expect([2, 3].map((r) => lists?.getRow(r).getCell(1).value)).toEqual(['Nam', 'Nữ']);
    expect(lists?.getRow(6).getCell(2).value).toBe('Người lao động');
    expect(lists?.state).toBe('hidden');
    const instructionText = instructions?.getSheetValues().flat().join(' ') ?? '';
    expect(instructionText).toContain('TCVN3');
    expect(instructionText).toContain('dd/mm/yyyy');
  });

  it('reports exactly the bad row, naming its row number, column letter and header', async () => {
    const rows = PEOPLE_ROWS.map((r) => [...r]);
    // row 7 of the sheet (header is row 1): an impossible birth date in column D
    rows[5] = [
      'CB006',
      'Huỳnh Thị Mỹ Quý',
      'Nữ',
      '31/02/1980',
      null,
      'TRUONGMQ',
      'Giáo viên',
      'Viên chức',
      null,
    ];
    const results = await collect(personImportSpec, await workbookOf(PEOPLE_HEADERS, rows));
    const failures = results.filter((r) => !r.ok);
    expect(results).toHaveLength(6);
    expect(failures).toEqual([
      {
        ok: false,
        rowNumber: 7,
        errors: [
          {
            rowNumber: 7,
            column: 'D',
            header: 'Ngày sinh',
            message: "Dòng 7, cột D (Ngày sinh): '31/02/1980' không phải là ngày hợp lệ (dd/mm/yyyy).",
          },
        ],
      },
    ]);
  });

  it('reports every problem of a row: empty required cells, unknown labels, bad CCCD, rules across columns', async () => {
    const buffer = await workbookOf(PEOPLE_HEADERS, [
      [null, '  ', 'Nammm', 'abc', '12345', 'MYQUY', null, 'Công chức', null],
      ['CB9', 'Lê Văn Tám', 'nam', '01/01/1990', null, 'MYQUY', null, 'cong chuc', '01/01/1980'],
    ]);
    const [first, second] = await collect(personImportSpec, buffer);
    expect(first?.ok).toBe(false);
    expect(first && !first.ok ? first.errors.map((e) => e.message) : []).toEqual([
      'Dòng 2, cột B (Họ và tên): không được để trống.',
      "Dòng 2, cột C (Giới tính): 'Nammm' không thuộc danh sách cho phép: Nam; Nữ.",
      "Dòng 2, cột D (Ngày sinh): 'abc' không phải là ngày hợp lệ (dd/mm/yyyy).",
      "Dòng 2, cột E (Số CCCD): '12345' không hợp lệ: số CCCD gồm đúng 12 chữ số.",
    ]);
    expect(second && !second.ok ? second.errors.map((e) => e.message) : []).toEqual([
      'Dòng 3, cột I (Ngày bắt đầu công tác tại đơn vị): ngày bắt đầu công tác trước ngày sinh.',
    ]);
  });

  it('finds a reordered header below a title, ignores extra columns and skips empty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['DANH SÁCH CÁN BỘ PHƯỜNG MỸ QUÝ NĂM 2023']);
    sheet.addRow([]);
    sheet.addRow(['STT', 'ĐỐI TƯỢNG', 'giới tính', 'HỌ VÀ TÊN (*)', 'Mã đơn vị', 'Ghi chú']);
    sheet.addRow([1, 'Cán bộ', 'Nam', 'Liêu Quốc Bình', 'MYQUY', 'x']);
    sheet.addRow([]);
    sheet.addRow([2, 'Viên chức', 'Nữ', '  Võ   Thị  Hồng ', 'MYQUY', '']);
    const infos: ImportSheetInfo[] = [];
    const results = await collect(personImportSpec, Buffer.from(await workbook.xlsx.writeBuffer()), {
      onSheetInfo: (info) => infos.push(info),
    });
    expect(results.map((r) => r.rowNumber)).toEqual([4, 6]);
    expect(okValues(results).map((r) => [r.fullName, r.gender, r.staffCategory, r.birthDate])).toEqual([
      ['Liêu Quốc Bình', 'male', 'cadre', null],
      ['Võ Thị Hồng', 'female', 'public_employee', null],
    ]);
    expect(infos).toEqual([
      {
        encoding: 'unicode',
        headerRowNumber: 3,
        columns: [
          { key: 'fullName', header: 'Họ và tên', letter: 'D' },
          { key: 'gender', header: 'Giới tính', letter: 'C' },
          { key: 'unitCode', header: 'Mã đơn vị', letter: 'E' },
          { key: 'staffCategory', header: 'Đối tượng', letter: 'B' },
        ],
      },
    ]);
  });

  it('refuses a file whose header lacks a required column, with one error', async () => {
    const buffer = await workbookOf(
      ['Họ và tên', 'Giới tính', 'Mã đơn vị'],
      [['Lê Văn Tám', 'Nam', 'MYQUY']],
    );
    expect(await collect(personImportSpec, buffer)).toEqual([
      {
        ok: false,
        rowNumber: 1,
        errors: [
          {
            rowNumber: 1,
            column: null,
            header: null,
            message: "Dòng 1 (dòng tiêu đề): thiếu cột bắt buộc 'Đối tượng'.",
          },
        ],
      },
    ]);
  });

  it('reads Excel date cells, serial numbers and numeric CCCD with its leading zero restored', async () => {
    const buffer = await workbookOf(PEOPLE_HEADERS, [
      [
        'CB1',
        'Lê Văn Tám',
        'Nam',
        new Date(Date.UTC(1980, 1, 29)),
        89075001234,
        'MYQUY',
        null,
        'Cán bộ',
        44927,
      ],
    ]);
    const [result] = await collect(personImportSpec, buffer);
    expect(result?.ok && result.values).toMatchObject({
      birthDate: '1980-02-29',
      citizenId: '089075001234',
      startDate: '2023-01-01',
    });
  });

  it('undoes the quote an export added before "=", "+", "-" or "@"', async () => {
    const buffer = await writeXlsxToBuffer([
      {
        name: 'Cán bộ',
        columns: [
          { key: 'fullName', header: 'Họ và tên', type: 'text' },
          { key: 'gender', header: 'Giới tính', type: 'text' },
          { key: 'unitCode', header: 'Mã đơn vị', type: 'text' },
          { key: 'staffCategory', header: 'Đối tượng', type: 'text' },
          { key: 'position', header: 'Chức vụ', type: 'text' },
        ],
        rows: [
          {
            fullName: 'Lê Văn Tám',
            gender: 'Nam',
            unitCode: 'MYQUY',
            staffCategory: 'Cán bộ',
            position: '-',
          },
        ],
      },
    ]);
    const [result] = await collect(personImportSpec, buffer);
    expect(result?.ok && result.values.position).toBe('-');
  });

  for (const [name, encode, encoding] of [
    ['TCVN3 (.VnTime)', encodeAsTcvn3ForTests, 'tcvn3'],
    ['VNI (VNI-Times)', encodeAsVniForTests, 'vni'],
  ] as const) {
    it(`imports a workbook typed in ${name} with correct diacritics, detected once for the sheet`, async () => {
      const encodeRow = (row: readonly CellValue[]) =>
        row.map((c) => (typeof c === 'string' ? encode(c) : c));
      const buffer = await workbookOf(PEOPLE_HEADERS.map(encode), PEOPLE_ROWS.map(encodeRow));
      const infos: ImportSheetInfo[] = [];
      const results = await collect(personImportSpec, buffer, { onSheetInfo: (i) => infos.push(i) });
      expect(infos.map((i) => i.encoding)).toEqual([encoding]);
      expect(results.every((r) => r.ok)).toBe(true);
      const rows = okValues(results);
      expect(rows.slice(0, 2)).toEqual(EXPECTED_PEOPLE);
      expect(rows.map((r) => r.fullName)).toEqual(PEOPLE_ROWS.map((r) => r[1]));
      expect(rows.map((r) => r.position)).toEqual(PEOPLE_ROWS.map((r) => r[6]));
    });
  }

  it('keeps a Unicode sheet as it is, even with words that also read as TCVN3 ("Tâm", "vô")', async () => {
    const buffer = await workbookOf(PEOPLE_HEADERS, [
      ['CB1', 'Lê Thị Tâm', 'Nữ', null, null, 'MYQUY', 'Công chức', 'Công chức', null],
      ['CB2', 'Hà Tú Tài', 'Nam', null, null, 'MYQUY', 'Vô tuyến', 'Người lao động', null],
    ]);
    expect(okValues(await collect(personImportSpec, buffer)).map((r) => r.fullName)).toEqual([
      'Lê Thị Tâm',
      'Hà Tú Tài',
    ]);
  });

  it('keeps Vietnamese characters that straddle ExcelJS read chunks intact (shared and inline strings)', async () => {
    const names = Array.from(
      { length: 4000 },
      (_, i) => `Người hoạt động không chuyên trách ${i} Đặng Thị Ngọc Ửng`,
    );
    const rows = names.map((n, i): CellValue[] => [
      `CB${i}`,
      n,
      'Nữ',
      null,
      null,
      'MYQUY',
      n,
      'Cán bộ',
      null,
    ]);
    const shared = await workbookOf(PEOPLE_HEADERS, rows);
    const inline = await writeXlsxToBuffer([
      {
        name: 'Cán bộ',
        columns: PEOPLE_HEADERS.map((header, i) => ({ key: `c${i}`, header, type: 'text' as const })),
        rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v instanceof Date ? null : v]))),
      },
    ]);
    for (const buffer of [shared, inline]) {
      const read = okValues(await collect(personImportSpec, buffer));
      expect(read.map((r) => r.fullName)).toEqual(names);
      expect(read.map((r) => r.position)).toEqual(names);
    }
  });

  it('streams 50,000 rows with progress callbacks, holding no rows', async () => {
    const total = 50_000;
    const categories = [
      'Cán bộ',
      'Công chức',
      'Viên chức',
      'Người hoạt động không chuyên trách',
      'Người lao động',
    ];
    async function* rows(): AsyncGenerator<Record<string, ExportValue>> {
      for (let i = 0; i < total; i++) {
        yield {
          personCode: `CB${String(i).padStart(6, '0')}`,
          fullName: `Nguyễn Văn Thành ${i}`,
          gender: i % 2 === 0 ? 'Nam' : 'Nữ',
          birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
          citizenId: `0890${String(i).padStart(8, '0')}`,
          unitCode: `KHOM${i % 12}`,
          position: 'Chuyên viên',
          staffCategory: categories[i % 5] ?? 'Cán bộ',
          startDate: '2020-01-01',
        };
      }
    }
    const writeStart = performance.now();
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsxToStream(
      [
        {
          name: 'Cán bộ',
          columns: [
            { key: 'personCode', header: 'Mã cán bộ', type: 'text' },
            { key: 'fullName', header: 'Họ và tên', type: 'text' },
            { key: 'gender', header: 'Giới tính', type: 'text' },
            { key: 'birthDate', header: 'Ngày sinh', type: 'date' },
            { key: 'citizenId', header: 'Số CCCD', type: 'text' },
            { key: 'unitCode', header: 'Mã đơn vị', type: 'text' },
            { key: 'position', header: 'Chức vụ', type: 'text' },
            { key: 'staffCategory', header: 'Đối tượng', type: 'text' },
            { key: 'startDate', header: 'Ngày bắt đầu công tác tại đơn vị', type: 'date' },
          ],
          rows: rows(),
        },
      ],
      sink,
    );
    const buffer = Buffer.concat(chunks);
    const writeMs = performance.now() - writeStart;

    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const progress: ImportProgress[] = [];
    const readStart = performance.now();
    let okCount = 0;
    let lastName = '';
    for await (const result of readImportRows(personImportSpec, buffer, {
      progressEvery: 5000,
      onProgress: (p) => {
        progress.push(p);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    })) {
      if (result.ok) {
        okCount++;
        lastName = result.values.fullName;
      }
    }
    const readMs = performance.now() - readStart;
    console.log(
      `xlsx 50k: write ${Math.round(writeMs)} ms (${(buffer.length / 1e6).toFixed(2)} MB), ` +
        `read+validate ${Math.round(readMs)} ms, RSS before ${Math.round(rssBefore / 1e6)} MB, ` +
        `peak ${Math.round(peakRss / 1e6)} MB`,
    );
    expect(okCount).toBe(total);
    expect(lastName).toBe(`Nguyễn Văn Thành ${total - 1}`);
    expect(progress.filter((p) => !p.done).map((p) => p.rowsRead)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i + 1) * 5000),
    );
    expect(progress.at(-1)).toEqual({ rowsRead: total + 1, done: true });
  }, 180_000); // a shared 2-core machine under load has taken 40 s for write + read
});
