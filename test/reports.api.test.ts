import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { docxParagraphs, readZipEntry } from '../src/platform/documents/testing/zip-reader.ts';
import { SKIP_WITHOUT_POPPLER, pdfText } from '../src/platform/documents/testing/poppler.ts';

const SECTIONS = [
  'BÁO CÁO',
  'Tổng kết Thi đua, khen thưởng năm 2023',
  'và phương hướng, nhiệm vụ năm 2024',
  'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023',
  '1. Tổ chức triển khai các chủ trương, nhiệm vụ về công tác thi đua khen thưởng',
  '2. Công tác thi đua',
  '3. Công tác khen thưởng',
  'II. NHẬN XÉT',
  'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024',
  'Nơi nhận:',
  'CHỦ TỊCH',
  'Liêu Quốc Bình',
];

function inOrder(text: string, parts: string[]): void {
  let at = 0;
  for (const p of parts) {
    const i = text.indexOf(p, at);
    expect(i, `"${p}" after position ${at}`).toBeGreaterThanOrEqual(0);
    at = i + p.length;
  }
}

describe.each(DRIVERS)('annual report API on %s', (driver) => {
  let t: TestApp;
  let cookie: string;
  let base: string;
  beforeAll(async () => {
    t = await openTestApp(driver);
    cookie = await t.login('tdkt.myquy');
    base = `/api/v1/reports/annual/${t.ids.myQuy}/2023`;
  }, 120_000);
  afterAll(async () => t?.close());

  it('states the seed year’s figures from the demo data', async () => {
    const res = await t.app.inject({ method: 'GET', url: base, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as { figures: Record<string, { value: string }>; changedFigures: unknown[] };
    expect(view.figures.advancedWorkers?.value).toBe('64');
    expect(view.figures.certificateCollectives?.value).toBe('12');
    expect(view.figures.certificateIndividuals?.value).toBe('50');
    expect(view.changedFigures).toEqual([]);
  });

  it('writes a Word report that reads like the seed: sections in order, 64 LĐTT, 12 collectives and 50 individuals', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base}/file?format=docx`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = docxParagraphs(readZipEntry(res.rawPayload, 'word/document.xml')!).join('\n');
    inOrder(text, SECTIONS);
    expect(text).toContain('UBND PHƯỜNG MỸ QUÝ');
    expect(text).toContain('UBND THÀNH PHỐ LONG XUYÊN');
    expect(text).toContain('công nhận 64 cán bộ, công chức đạt danh hiệu “Lao động tiên tiến” năm 2022');
    expect(text).toContain('đã tặng giấy khen cho 12 tập thể, 50 cá nhân');
    expect(text).toContain('an ninh quốc phòng, kinh tế, giáo dục, văn hóa - xã hội, dân vận khéo');
    expect(text).toContain(
      'Trên đây là báo cáo Tổng kết Thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024./.',
    );
    expect(text).toContain('- Lưu.');
  });

  it('takes the căn cứ from the cluster head’s letter in the data, names the seed’s movements, recipients and signer', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base}/file?format=docx`, headers: { cookie } });
    const paragraphs = docxParagraphs(readZipEntry(res.rawPayload, 'word/document.xml')!);
    const text = paragraphs.join('\n');
    // The seed: "Căn cứ Công văn số 455/UBND-NV ngày 25/12/2023 của Ủy ban nhân dân phường Đông Xuyên -
    // Trường Cụm thi đua xã, phường năm 2023 về việc thực hiện bình xét thi đua, khen thưởng Cụm thi đua
    // xã, phường năm 2023." — the demo cluster's name adds "thành phố Long Xuyên".
    expect(text).toContain(
      'Căn cứ Công văn số 455/UBND-NV ngày 25/12/2023 của Ủy ban nhân dân phường Đông Xuyên - Trưởng Cụm thi đua xã, phường',
    );
    expect(text).toContain(
      'năm 2023 về việc thực hiện bình xét thi đua, khen thưởng Cụm thi đua xã, phường năm 2023.',
    );
    inOrder(text, ['Căn cứ Công văn số 455/UBND-NV', 'I. KẾT QUẢ THỰC HIỆN']);
    const movements = text
      .slice(text.indexOf('phát động nhiều phong trào thi đua như:'))
      .toLocaleLowerCase('vi');
    for (const m of [
      'thu ngân sách địa phương',
      'trật tự đô thị',
      'dân vận khéo',
      'tấm gương đạo đức hồ chí minh',
    ])
      expect(movements).toContain(m);
    inOrder(text, [
      'Nơi nhận:',
      '- UBND thành phố Long Xuyên;',
      '- Phòng Nội vụ thành phố Long Xuyên;',
      '- UBND phường Đông Xuyên;',
      '- TT Đảng ủy, HĐND phường;',
      '- UBMTTQ, các BN - ĐT phường;',
      '- Các khóm;',
      '- Lưu.',
    ]);
    expect(paragraphs.slice(-4)).toEqual(expect.arrayContaining(['CHỦ TỊCH', 'Liêu Quốc Bình']));
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)('writes the same report as PDF', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base}/file?format=pdf`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    inOrder(
      text,
      SECTIONS.map((s) => s.replace(/\s+/g, ' ')),
    );
    expect(text).toContain('công nhận 64 cán bộ, công chức');
    expect(text).toContain('12 tập thể, 50 cá nhân');
    expect(text).toContain('Căn cứ Công văn số 455/UBND-NV ngày 25/12/2023');
    expect(text).toContain('- UBND phường Đông Xuyên;');
  });

  it('keeps edited narrative, numbers the report from the register and shows figures changed since the issue', async () => {
    const hostile = '<b>x</b> =HYPERLINK("http://x")';
    const saved = await t.app.inject({
      method: 'PUT',
      url: `${base}/narrative`,
      headers: { cookie },
      payload: { narrative: { commendationClosing: hostile } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const issued = await t.app.inject({
      method: 'POST',
      url: `${base}/issue`,
      headers: { cookie },
      payload: { issueDate: '2023-12-26', officeNumber: 184 },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((issued.json() as { numberText: string }).numberText).toBe('184/BC-UBND');

    const docx = await t.app.inject({ method: 'GET', url: `${base}/file?format=docx`, headers: { cookie } });
    const text = docxParagraphs(readZipEntry(docx.rawPayload, 'word/document.xml')!).join('\n');
    expect(text).toContain('Số: 184/BC-UBND');
    expect(text).toContain('Mỹ Quý, ngày 26 tháng 12 năm 2023');
    expect(text).toContain(hostile);
    expect(readZipEntry(docx.rawPayload, 'word/document.xml')).not.toContain('<b>x</b>');
    if (!SKIP_WITHOUT_POPPLER) {
      const pdf = await t.app.inject({ method: 'GET', url: `${base}/file?format=pdf`, headers: { cookie } });
      expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain(hostile);
    }

    // A Giấy khen revoked after the issue changes the figures.
    await t.database.query(
      `update award_records set revoked_at = '2023-12-30' where id = (
         select id from award_records where issuer_org_unit_id = $1 and subject_kind = 'collective'
           and award_code in ('commune_certificate_of_merit', 'certificate_of_merit') limit 1)`,
      [t.ids.myQuy],
    );
    const again = await t.app.inject({ method: 'GET', url: base, headers: { cookie } });
    const changed = (again.json() as { changedFigures: { key: string; before: string; now: string }[] })
      .changedFigures;
    expect(changed).toContainEqual(
      expect.objectContaining({ key: 'certificateCollectives', before: '12', now: '11' }),
    );
  });

  it('refuses the report of another province’s ward and edits by a read-only role', async () => {
    const viewer = await t.login('captren.longxuyen');
    const put = await t.app.inject({
      method: 'PUT',
      url: `${base}/narrative`,
      headers: { cookie: viewer },
      payload: { narrative: {} },
    });
    expect(put.statusCode).toBe(403);
  });
});
