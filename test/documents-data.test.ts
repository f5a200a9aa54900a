// Issue 5, items 4 and 6: the cluster head's request letter and a collective's báo cáo thành tích
// pre-filled from the demo data (Word XML and PDF text read back), and the statistics workbook read
// back with ExcelJS; hostile names stay plain text in all three formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { docxParagraphs, readZipEntry } from '../src/platform/documents/testing/zip-reader.ts';
import { SKIP_WITHOUT_POPPLER, pdfText } from '../src/platform/documents/testing/poppler.ts';

const HOSTILE_MARKUP = '<b>x</b>';
const HOSTILE_FORMULA = '=HYPERLINK("http://x")';

function docxText(body: Buffer): string {
  return docxParagraphs(readZipEntry(body, 'word/document.xml')!).join('\n');
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet as objects keyed by the header row's text. */
function sheetRows(wb: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

describe.each(DRIVERS)('documents and statistics from data on %s', (driver) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await openTestApp(driver);
    cookie = await t.login('tdkt.myquy');
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (url: string, c = cookie) => t.app.inject({ method: 'GET', url, headers: { cookie: c } });

  describe('the cluster head’s request letter (công văn)', () => {
    const letterUrl = (format: string) =>
      `/api/v1/documents/clusters/${t.ids.clusterId}?kind=cluster-request&format=${format}`;

    it('is pre-filled from the 2023 cluster year: Đông Xuyên’s number, date and subject, the members addressed, its chairman signing', async () => {
      const [chair] = await t.database.query<{ full_name: string }>(
        `select p.full_name from employments e join people p on p.id = e.person_id
          where e.org_unit_id = $1 and p.is_leader and e.position ilike 'Chủ tịch UBND%'
            and e.start_date <= '2023-12-25' and (e.end_date is null or e.end_date > '2023-12-25')`,
        [t.ids.dongXuyen],
      );
      const res = await get(letterUrl('docx'));
      expect(res.statusCode, res.body).toBe(200);
      const text = docxText(res.rawPayload);
      expect(text).toContain('UBND PHƯỜNG ĐÔNG XUYÊN');
      expect(text).toContain('Số: 455/UBND-NV');
      expect(text).toContain('V/v thực hiện bình xét thi đua,\nkhen thưởng Cụm thi đua xã, phường năm 2023');
      expect(text).toContain('Đông Xuyên, ngày 25 tháng 12 năm 2023');
      expect(text).not.toContain('CÔNG VĂN');
      for (const ward of ['Mỹ Bình', 'Mỹ Long', 'Mỹ Quý', 'Mỹ Xuyên'])
        expect(text).toContain(`- UBND phường ${ward};`);
      expect(text).not.toContain('- UBND phường Đông Xuyên;');
      expect(text).toContain('Trưởng Cụm thi đua xã, phường thành phố Long Xuyên năm 2023');
      expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
      expect(chair?.full_name).toBeTruthy();
      expect(text).toContain(chair!.full_name);
    });

    it.skipIf(SKIP_WITHOUT_POPPLER)('writes the same letter as PDF', async () => {
      const res = await get(letterUrl('pdf'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
      expect(text).toContain('Số: 455/UBND-NV');
      expect(text).toContain('V/v thực hiện bình xét thi đua, khen thưởng Cụm thi đua xã, phường năm 2023');
      expect(text).toContain('Đông Xuyên, ngày 25 tháng 12 năm 2023');
      expect(text).toContain('- UBND phường Mỹ Quý;');
    });

    it('keeps a hostile subject literal in Word and PDF', async () => {
      await t.database.query(`update cluster_years set request_letter_summary = $1 where cluster_id = $2`, [
        `${HOSTILE_MARKUP} ${HOSTILE_FORMULA}`,
        t.ids.clusterId,
      ]);
      try {
        const docx = await get(letterUrl('docx'));
        const xml = readZipEntry(docx.rawPayload, 'word/document.xml')!;
        expect(xml).not.toContain(HOSTILE_MARKUP);
        expect(docxText(docx.rawPayload)).toContain(`V/v ${HOSTILE_MARKUP} ${HOSTILE_FORMULA}`);
        expect(xml).not.toMatch(/<w:hyperlink|<w:fldSimple|<w:instrText[^>]*>[^<]*HYPERLINK/);
        if (!SKIP_WITHOUT_POPPLER) {
          const pdf = pdfText((await get(letterUrl('pdf'))).rawPayload).replace(/\s+/g, ' ');
          expect(pdf).toContain(`${HOSTILE_MARKUP} ${HOSTILE_FORMULA}`);
        }
      } finally {
        await t.database.query(`update cluster_years set request_letter_summary = $1 where cluster_id = $2`, [
          'thực hiện bình xét thi đua, khen thưởng Cụm thi đua xã, phường năm 2023',
          t.ids.clusterId,
        ]);
      }
    });

    it('is not found for a user outside the cluster’s wards', async () => {
      const unitHead = await t.login('truongdonvi.myquy');
      expect((await get(letterUrl('docx'), unitHead)).statusCode).toBe(404);
    });
  });

  describe('báo cáo thành tích of a collective', () => {
    const unitUrl = (format: string) =>
      `/api/v1/documents/org-units/${t.ids.myQuyUnits['MQ-PN']}?kind=achievement-report&year=2023&format=${format}`;

    it('states the unit, its staff, its head and its awards from data', async () => {
      const [staff] = await t.database.query<{ n: number }>(
        `select count(distinct person_id)::int as n from employments where org_unit_id = $1
           and start_date <= '2023-12-31' and (end_date is null or end_date > '2023-01-01')`,
        [t.ids.myQuyUnits['MQ-PN']],
      );
      const [head] = await t.database.query<{ full_name: string }>(
        `select p.full_name from employments e join people p on p.id = e.person_id
          where e.org_unit_id = $1 and p.is_leader and e.start_date <= '2023-12-31'
            and (e.end_date is null or e.end_date > '2023-12-31')`,
        [t.ids.myQuyUnits['MQ-PN']],
      );
      const res = await get(unitUrl('docx'));
      expect(res.statusCode, res.body).toBe(200);
      const text = docxText(res.rawPayload);
      expect(text).toContain('UBND PHƯỜNG MỸ QUÝ');
      expect(text).toContain('HỘI LHPN PHƯỜNG MỸ QUÝ');
      expect(text).toContain('BÁO CÁO THÀNH TÍCH');
      expect(text).toContain('Đề nghị tặng Giấy khen');
      expect(text).toContain('cho Hội LHPN phường Mỹ Quý năm 2023');
      expect(text).toContain(`năm 2023: ${Number(staff!.n)} người`);
      expect(text).toMatch(
        /I\. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH[\s\S]*II\. THÀNH TÍCH ĐẠT ĐƯỢC[\s\S]*III\. CÁC HÌNH THỨC/,
      );
      expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
      expect(text).toContain(head!.full_name);
      expect(text).toContain('Xác nhận của Ủy ban nhân dân phường Mỹ Quý');
    });

    it.skipIf(SKIP_WITHOUT_POPPLER)('writes the same report as PDF', async () => {
      const res = await get(unitUrl('pdf'));
      expect(res.statusCode, res.body).toBe(200);
      const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
      expect(text).toContain('BÁO CÁO THÀNH TÍCH');
      expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    });

    it('is not found for a unit the caller cannot read', async () => {
      const unitHead = await t.login('truongdonvi.myquy');
      const res = await get(
        `/api/v1/documents/org-units/${t.ids.myQuyUnits['MQ-CD']}?kind=achievement-report&year=2023`,
        unitHead,
      );
      expect(res.statusCode).toBe(404);
    });
  });

  describe('statistics workbook', () => {
    const statsUrl = () => `/api/v1/documents/statistics/${t.ids.myQuy}/2023`;

    it('reads back by unit, form, field and year with the seed year’s figures, the totals agreeing', async () => {
      const res = await get(statsUrl());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = await workbookOf(res.rawPayload);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'Thông tin',
        'Theo đơn vị',
        'Theo hình thức',
        'Theo lĩnh vực',
        'Theo năm 2014-2023',
        'Số liệu chi tiết',
      ]);
      const forms = sheetRows(wb, 'Theo hình thức');
      const ldtt = forms.find((r) => r['Danh hiệu, hình thức'] === 'Lao động tiên tiến');
      expect(ldtt?.['Cá nhân']).toBe(64);
      const certificates = forms.filter((r) => String(r['Danh hiệu, hình thức']).startsWith('Giấy khen'));
      expect(certificates.reduce((s, r) => s + Number(r['Tập thể']), 0)).toBe(12);
      expect(certificates.reduce((s, r) => s + Number(r['Cá nhân']), 0)).toBe(50);
      const total = (rows: Record<string, unknown>[], label: string) =>
        rows.find((r) => Object.values(r).includes(label));
      const byForm = total(forms, 'Tổng cộng')!;
      const byUnit = total(sheetRows(wb, 'Theo đơn vị'), 'Tổng cộng')!;
      const byField = total(sheetRows(wb, 'Theo lĩnh vực'), 'Tổng cộng')!;
      for (const k of ['Tập thể', 'Cá nhân', 'Tổng số']) {
        expect(byUnit[k]).toBe(byForm[k]);
        expect(byField[k]).toBe(byForm[k]);
      }
      const detail = sheetRows(wb, 'Số liệu chi tiết');
      expect(detail.reduce((s, r) => s + Number(r['Số lượng']), 0)).toBe(byForm['Tổng số']);
      const year2023 = total(sheetRows(wb, 'Theo năm 2014-2023'), 'Cộng năm 2023')!;
      expect(year2023['Tổng số']).toBe(byForm['Tổng số']);
      const fields = sheetRows(wb, 'Theo lĩnh vực').map((r) => r['Lĩnh vực']);
      expect(fields).toContain('an ninh quốc phòng');
    });

    it('writes hostile fields as plain text, never as a formula', async () => {
      await t.database.query(
        `update award_records set field = case when subject_kind = 'collective' then $1 else $2 end
         where id in (select id from award_records where issuer_org_unit_id = $3
                        and award_code = 'commune_certificate_of_merit' and subject_kind in ('collective', 'individual')
                        order by subject_kind, id limit 51)`,
        [HOSTILE_MARKUP, HOSTILE_FORMULA, t.ids.myQuy],
      );
      const wb = await workbookOf((await get(statsUrl())).rawPayload);
      const cells: ExcelJS.Cell[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
      const fields = sheetRows(wb, 'Theo lĩnh vực').map((r) => r['Lĩnh vực']);
      expect(fields).toContain(HOSTILE_MARKUP);
      // platform/xlsx keeps a leading "=" as text with the quote OWASP recommends.
      expect(fields).toContain(`'${HOSTILE_FORMULA}`);
      expect(sheetRows(wb, 'Số liệu chi tiết').map((r) => r['Lĩnh vực'])).toContain(`'${HOSTILE_FORMULA}`);
    });

    it('is not found for a body outside the caller’s scope', async () => {
      const unitHead = await t.login('truongdonvi.myquy');
      expect((await get(statsUrl(), unitHead)).statusCode).toBe(404);
    });
  });
});
