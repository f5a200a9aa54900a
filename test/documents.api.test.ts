import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { docxParagraphs, readZipEntry } from '../src/platform/documents/testing/zip-reader.ts';
import { SKIP_WITHOUT_POPPLER, pdfText } from '../src/platform/documents/testing/poppler.ts';

function docxText(body: Buffer): string {
  return docxParagraphs(readZipEntry(body, 'word/document.xml')!).join('\n');
}

describe.each(DRIVERS)('documents from data on %s', (driver) => {
  let t: TestApp;
  let cookie: string;
  let sessionId: string;
  beforeAll(async () => {
    t = await openTestApp(driver);
    cookie = await t.login('tdkt.myquy');
    const council = await t.app.inject({
      method: 'GET',
      url: `/api/v1/councils/${t.ids.myQuy}/2023`,
      headers: { cookie },
    });
    const sessions = (council.json() as { sessions: { id: string }[] }).sessions;
    sessionId = sessions[0]!.id;
  }, 120_000);
  afterAll(async () => t?.close());

  const url = (kind: string, format = 'docx') =>
    `/api/v1/documents/council-sessions/${sessionId}?kind=${kind}&format=${format}`;

  it('writes the minutes of the December 2023 session with attendance, the 62 tallies and the conclusion', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('council-minutes'), headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const text = docxText(res.rawPayload);
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG PHƯỜNG MỸ QUÝ NĂM 2023');
    expect(text).toContain('Vào ngày 20/12/2023, tại Hội trường UBND phường Mỹ Quý');
    expect(text).toContain('Hội đồng có 7 thành viên; có mặt 6 thành viên, vắng 1 thành viên.');
    expect(text).toContain('Hội đồng xem xét 62 hồ sơ đề nghị khen thưởng');
    expect(text).toContain('tặng Giấy khen cho 12 tập thể và 50 cá nhân');
    expect(text).toContain('TM. HỘI ĐỒNG');
    expect(text).toContain('Liêu Quốc Bình');
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)(
    'writes the vote-count record as PDF with the counts per nomination',
    async () => {
      const res = await t.app.inject({ method: 'GET', url: url('vote-count', 'pdf'), headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
      expect(text).toContain('BIÊN BẢN');
      expect(text).toContain('Kiểm phiếu biểu quyết đề nghị khen thưởng');
      // The secretary, who keeps the minutes and does not vote, is the one absent in the demo.
      expect(text).toContain('có mặt 6/6 thành viên có quyền biểu quyết');
      expect(text).toMatch(/Kết quả: \d+ trường hợp đạt, \d+ trường hợp không đạt\./);
    },
  );

  it('answers not found for a session that does not exist', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/council-sessions/00000000-0000-4000-8000-0000000000c1?kind=vote-count`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(404);
  });
  it('pre-fills a báo cáo thành tích from the person’s record', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/people/${t.ids.chairmanPersonId}?kind=achievement-report&year=2023`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = docxText(res.rawPayload);
    expect(text).toContain('BÁO CÁO THÀNH TÍCH');
    expect(text).toContain('Họ và tên: Liêu Quốc Bình');
    expect(text).toContain('Năm sinh: 1975');
    expect(text).toContain('Năm 2022: Hoàn thành xuất sắc nhiệm vụ');
    expect(text).toContain('Quyết định số 12/QĐ-UBND, ngày 16/01/2023, Ủy ban nhân dân phường Mỹ Quý');
    expect(text).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
  });
  it('writes the tờ trình for the nominations forwarded to the city, a hostile name as plain text', async () => {
    await t.database.db.execute(sql`
      update nominations set status = 'forwarded', forwarded_to = 'UBND thành phố Long Xuyên',
        subject_name = '<b>x</b>'
      where id = (select id from nominations where body_org_unit_id = ${t.ids.myQuy} and year = 2023
                  and subject_kind = 'individual' order by id limit 1)`);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/nominations/${t.ids.myQuy}/2023?kind=proposal`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const xml = readZipEntry(res.rawPayload, 'word/document.xml')!;
    expect(xml).not.toContain('<b>x</b>');
    const text = docxParagraphs(xml).join('\n');
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Về việc đề nghị khen thưởng năm 2023');
    expect(text).toContain('Kính gửi: UBND thành phố Long Xuyên.');
    expect(text).toContain('khen thưởng cho 0 tập thể và 1 cá nhân');
    expect(text).toContain('<b>x</b>');
    expect(text).toContain('Số:      /TTr-UBND');
  });
});
