import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { encodeAsTcvn3ForTests } from '../src/platform/text/legacy-encoders.test-helper.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { multipart, peopleWorkbook, type PeopleRow } from './support/workbooks.ts';
import { bombWorkbook } from '../src/platform/xlsx/workbook-bomb.test-helper.ts';

// Built once for both drivers: 20 million shared strings (≈ 325 MB of XML) in well under 1 MB,
// and the same expanding past the 40 MB its directory declares.
const bombs = Promise.all([
  bombWorkbook({ sharedStrings: 20_000_000 }),
  bombWorkbook({ sharedStrings: 20_000_000, declareSharedStringsBytes: 40 * 1024 * 1024 }),
]);

async function waitForJob(t: TestApp, cookie: string, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const res = await t.app.inject({ url: `/api/v1/imports/${jobId}`, headers: { cookie } });
    const job = res.json();
    if (!['staging', 'publishing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function upload(t: TestApp, cookie: string, kind: string, content: Buffer, name = 'can-bo.xlsx') {
  const body = multipart(name, content, { kind });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitForJob(t, cookie, res.json().jobId);
}

const count = async (t: TestApp, table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe.each(DRIVERS)('Excel import on %s', (driver) => {
  let t: TestApp;
  let officer: string;
  beforeAll(async () => {
    t = await openTestApp(driver);
    officer = await t.login('tdkt.myquy');
  });
  afterAll(() => t.close());

  const good = (i: number): PeopleRow => [
    null,
    `Nguyễn Văn Nhập ${i}`,
    'Nam',
    '01/02/1990',
    null,
    'MQ-K1',
    'Tổ viên',
    'Người lao động',
    '01/01/2024',
  ];

  it('imports nothing from a workbook with one bad row, and names its row and column', async () => {
    const before = await count(t, 'people');
    const rows = [
      good(1),
      good(2),
      [null, 'Trần Thị Lỗi', 'Nữ', '31/02/1980', null, 'MQ-K1', null, 'Công chức', null] as PeopleRow,
      good(4),
    ];
    const job = await upload(t, officer, 'people', await peopleWorkbook(rows));
    expect(job.status).toBe('rejected');
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0]).toMatchObject({ row: 4, column: 'D', header: 'Ngày sinh' });
    expect(job.errors[0].message).toContain('Dòng 4, cột D (Ngày sinh)');
    expect(await count(t, 'people')).toBe(before);
    expect(await count(t, 'import_staging')).toBe(0);
  });

  it('refuses a unit outside the officer’s scope', async () => {
    const job = await upload(
      t,
      officer,
      'people',
      await peopleWorkbook([[null, 'Lê Văn Ngoài', 'Nam', null, null, 'DX', null, 'Công chức', null]]),
    );
    expect(job.status).toBe('rejected');
    expect(job.errors[0].message).toContain('không tìm thấy đơn vị có mã "DX"');
  });

  it('publishes a good workbook whole, and a re-import matches by person code instead of duplicating', async () => {
    const before = await count(t, 'people');
    const job = await upload(t, officer, 'people', await peopleWorkbook([good(10), good(11), good(12)]));
    expect(job.status, JSON.stringify(job.errors)).toBe('published');
    expect(job.rowsPublished).toBe(3);
    expect(await count(t, 'people')).toBe(before + 3);

    const exported = await t.app.inject({
      url: `/api/v1/exports/people?orgUnitId=${t.ids.myQuyUnits['MQ-K1']}`,
      headers: { cookie: officer },
    });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(2).value).startsWith('Nguyễn Văn Nhập'))
        codes.push(String(row.getCell(1).value));
    });
    expect(codes).toHaveLength(3);
    // Edit a position in the export and import it again: same people, updated.
    sheet.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(2).value).startsWith('Nguyễn Văn Nhập'))
        row.getCell(7).value = 'Tổ trưởng';
    });
    const again = await upload(t, officer, 'people', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(again.status, JSON.stringify(again.errors)).toBe('published');
    expect(await count(t, 'people')).toBe(before + 3);
    const positions = await t.database.query<{ position: string }>(
      `select position from people where full_name like 'Nguyễn Văn Nhập%'`,
    );
    expect(positions.map((p) => p.position)).toEqual(['Tổ trưởng', 'Tổ trưởng', 'Tổ trưởng']);
  });

  it('flags a person code that matches nobody instead of creating a person', async () => {
    const job = await upload(
      t,
      officer,
      'people',
      await peopleWorkbook([['AG-999999', 'Người Lạ', 'Nam', null, null, 'MQ-K1', null, 'Công chức', null]]),
    );
    expect(job.status).toBe('rejected');
    expect(job.errors[0].message).toContain('không tìm thấy cán bộ có mã');
  });

  it('imports a TCVN3 (.VnTime) workbook with correct diacritics', async () => {
    // .VnTime has no capital toned vowels (offices switched to .VnTimeH for capitals), so names
    // like "Ánh" at the start of a word come back lower-case; these names avoid that known limit.
    const names = ['Lê Thị Ngọc Tuyết', 'Đặng Quốc Hưng', 'Huỳnh Ngọc Bảo Trân'];
    const rows: PeopleRow[] = names.map((n) => [
      null,
      encodeAsTcvn3ForTests(n),
      encodeAsTcvn3ForTests(n.startsWith('Đặng') ? 'Nam' : 'Nữ'),
      null,
      null,
      'MQ-K2',
      encodeAsTcvn3ForTests('Chi hội trưởng phụ nữ'),
      encodeAsTcvn3ForTests('Người hoạt động không chuyên trách'),
      null,
    ]);
    const job = await upload(t, officer, 'people', await peopleWorkbook(rows));
    expect(job.status, JSON.stringify(job.errors)).toBe('published');
    expect(job.encoding).toBe('tcvn3');
    const found = await t.app.inject({
      url: '/api/v1/people?q=dang%20quoc%20hung',
      headers: { cookie: officer },
    });
    expect(found.json().items.map((p: { fullName: string }) => p.fullName)).toEqual(['Đặng Quốc Hưng']);
    const stored = await t.database.query<{ full_name: string; position: string }>(
      `select full_name, position from people where full_name = any($1::text[]) order by full_name`,
      [names],
    );
    expect(stored.map((s) => s.full_name).sort()).toEqual([...names].sort());
    expect(stored[0]!.position).toBe('Chi hội trưởng phụ nữ');
  });

  it('refuses a workbook bomb in the reply, in Vietnamese, and makes no job', async () => {
    const [bomb] = await bombs;
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const jobsBefore = await count(t, 'import_jobs');
    const body = multipart('bom.xlsx', bomb, { kind: 'people' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...body.headers, cookie: officer },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'IMPORT.WORKBOOK_LIMIT',
      message: expect.stringMatching(
        /^Tệp Excel vượt giới hạn đọc: bảng chuỗi dùng chung giải nén ra 325 MB/,
      ),
    });
    expect(await count(t, 'import_jobs')).toBe(jobsBefore);
  }, 120_000);

  it('fails a bomb that lies about its size while it is read, with a Vietnamese reason and nothing imported', async () => {
    const [, lying] = await bombs;
    const before = await count(t, 'people');
    const job = await upload(t, officer, 'people', lying!, 'bom-gia.xlsx');
    expect(job.status).toBe('failed');
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0].message).toMatch(
      /^Tệp Excel vượt giới hạn đọc: bảng chuỗi dùng chung có hơn 1\.000\.000 mục/,
    );
    expect(await count(t, 'people')).toBe(before);
    expect(await count(t, 'import_staging')).toBe(0);
  }, 120_000);

  it('imports yearly facts and past commendations for existing people', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow([
      'Mã cán bộ',
      'Số CCCD',
      'Họ và tên',
      'Năm',
      'Xếp loại chất lượng',
      'Số tháng công tác trong năm',
    ]);
    ws.addRow(['AG-000002', null, null, 2024, 'Hoàn thành tốt nhiệm vụ', 12]);
    // Since the 2025 merge these people belong to Phường Long Xuyên, whose officer keeps their facts.
    const job = await upload(
      t,
      await t.login('tdkt.longxuyen'),
      'facts',
      Buffer.from(await wb.xlsx.writeBuffer()),
      'du-kien.xlsx',
    );
    expect(job.status, JSON.stringify(job.errors)).toBe('published');
    const rating = await t.database.query<{ rating: string }>(
      `select r.rating from ratings r join people p on p.id = r.person_id where p.code = 'AG-000002' and r.year = 2024`,
    );
    expect(rating[0]?.rating).toBe('good');
  });
});
