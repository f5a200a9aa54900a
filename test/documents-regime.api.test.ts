import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { docxParagraphs, readZipEntry } from '../src/platform/documents/testing/zip-reader.ts';
import { pdfText } from '../src/platform/documents/testing/poppler.ts';

// The demo's documents, read back as an office would: each cites the texts of its own date and
// prints the names of that date, and a draft shows every awardee with its money.

const flat = (s: string) => s.replace(/\s+/g, ' ');
const docxText = (body: Buffer) => flat(docxParagraphs(readZipEntry(body, 'word/document.xml')!).join('\n'));

const OLD_TEXTS = [
  'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003',
  'ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013',
  'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017',
];
const OLD_SHORT = [
  'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)',
  'Nghị định số 91/2017/NĐ-CP',
];
const LATER_TEXTS = ['06/2022', 'ngày 15 tháng 6 năm 2022', '98/2023', '152/2025', '21/2024'];

describe.each(DRIVERS)('documents of their own date on %s', (driver) => {
  let t: TestApp;
  let officer: string;
  let decisions: { id: string; number_text: string }[];
  beforeAll(async () => {
    t = await openTestApp(driver);
    officer = await t.login('tdkt.myquy');
    decisions = await t.database.query<{ id: string; number_text: string }>(
      `select id, number_text from decisions where org_unit_id = $1 and status = 'issued'
         and decision_date <= '2023-12-31' order by number`,
      [t.ids.myQuy],
    );
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (url: string, cookie = officer) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('each 2023 decision with its annex and its payment list cites Luật 2003 and NĐ 91/2017 only, and prints Mỹ Quý and the 2023 units', async () => {
    expect(decisions.map((d) => d.number_text)).toEqual(['12/QĐ-UBND', '245/QĐ-UBND', '246/QĐ-UBND']);
    for (const d of decisions) {
      for (const format of ['docx', 'pdf'] as const) {
        const res = await get(`/api/v1/documents/decisions/${d.id}?kind=decision&format=${format}`);
        expect(res.statusCode, res.body).toBe(200);
        const text = format === 'pdf' ? flat(pdfText(res.rawPayload)) : docxText(res.rawPayload);
        const what = `${d.number_text} (${format})`;
        for (const s of OLD_TEXTS) expect(text, `${what} thiếu “${s}”`).toContain(s);
        for (const s of LATER_TEXTS) expect(text, `${what} có “${s}”`).not.toContain(s);
        expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ QUÝ');
        expect(text).not.toContain('Phường Long Xuyên');
        expect(text).not.toMatch(/Tổng cộng 0 /);
      }
      const pay = await get(`/api/v1/documents/decisions/${d.id}?kind=payment-list&format=docx`);
      expect(pay.statusCode, pay.body).toBe(200);
      const payText = docxText(pay.rawPayload);
      for (const s of OLD_SHORT) expect(payText, `danh sách chi ${d.number_text}`).toContain(s);
      for (const s of LATER_TEXTS) expect(payText, `danh sách chi ${d.number_text}`).not.toContain(s);
      expect(payText).not.toContain('Phường Long Xuyên');
    }
    // The 50 individuals of 246/QĐ-UBND: their units as they were in December 2023.
    const annex = docxText((await get(`/api/v1/documents/decisions/${decisions[2]!.id}`)).rawPayload);
    expect(annex).toMatch(/phường Mỹ Quý|Bộ phận|Khóm/);
    expect(annex).toContain('Tổng cộng 13.500.000');
  });

  it('the Giấy khen of a 2023 decision cite the old law and print Mỹ Quý', async () => {
    const res = await get(`/api/v1/certificates/decisions/${decisions[2]!.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const text = flat(pdfText(res.rawPayload, { page: 1 }));
    for (const s of OLD_SHORT) expect(text).toContain(s);
    for (const s of LATER_TEXTS) expect(text).not.toContain(s);
    expect(text).toContain('PHƯỜNG MỸ QUÝ');
    expect(text).not.toContain('Phường Long Xuyên');
  });

  it('a 2026 draft of Phường Long Xuyên cites Luật 06/2022 and NĐ 152/2025 and shows every awardee and the total', async () => {
    const cookie = await t.login('tdkt.longxuyen');
    const people = t.ids.advancedWorker2022.slice(0, 3);
    const names = await t.database.query<{ full_name: string }>(
      `select full_name from people where id = any($1::uuid[])`,
      [people],
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      headers: { cookie },
      payload: {
        orgUnitId: t.ids.longXuyen,
        year: 2026,
        title: 'Về việc tặng Giấy khen cho cá nhân có thành tích trong phong trào thi đua năm 2026',
        awardCode: 'commune_certificate_of_merit',
        signerTitle: 'Chủ tịch UBND phường',
        subjects: people.map((personId, i) => ({
          subjectKind: 'individual',
          personId,
          subjectName: names[i]!.full_name,
          awardCode: 'commune_certificate_of_merit',
        })),
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as { id: string }).id;
    for (const format of ['docx', 'pdf'] as const) {
      const res = await get(`/api/v1/documents/decisions/${id}?kind=decision&format=${format}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      const text = format === 'pdf' ? flat(pdfText(res.rawPayload)) : docxText(res.rawPayload);
      expect(text).toContain('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
      expect(text).toContain('Nghị định số 152/2025/NĐ-CP');
      for (const s of ['2003', '91/2017', '98/2023']) expect(text, `${format} có “${s}”`).not.toContain(s);
      expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG LONG XUYÊN');
      expect(text).toContain('UBND TỈNH AN GIANG');
      expect(text).toContain('Tặng Giấy khen cho 3 cá nhân đã có thành tích');
      for (const n of names) expect(text).toContain(n.full_name);
      expect(text).toMatch(/tổng số tiền: [1-9][\d.]* đồng/);
      expect(text).not.toContain('Không đồng');
      expect(text).not.toMatch(/Tổng cộng 0 /);
    }
  });
});
