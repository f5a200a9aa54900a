import { describe, it, expect } from 'vitest';
import { renderPdf } from './render-pdf.ts';
import { sampleAnnualReport, sampleDecisionWithAnnex } from './samples.ts';
import { SKIP_WITHOUT_POPPLER, pdfFontNames, pdfInfo, pdfText, pdfWords } from './testing/poppler.ts';

const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

/** pdftotext output with line breaks folded, so a wrapped sentence can be found whole. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe.skipIf(SKIP_WITHOUT_POPPLER)('renderPdf', () => {
  it('writes a PDF with the seed report text and its Vietnamese diacritics intact', async () => {
    const pdf = await renderPdf(sampleAnnualReport(), { metadataDate: FIXED_DATE });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(pdfText(pdf));
    for (const expected of [
      'UBND THÀNH PHỐ LONG XUYÊN',
      'UBND PHƯỜNG MỸ QUÝ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 184/BC-UBND',
      'Mỹ Quý, ngày 26 tháng 12 năm 2023',
      'BÁO CÁO',
      'công nhận 64 cán bộ, công chức đạt danh hiệu “Lao động tiên tiến” năm 2022',
      'tặng giấy khen cho 12 tập thể, 50 cá nhân',
      'Nơi nhận:',
      '- Lưu.',
      'Liêu Quốc Bình',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('extracts every letter of a later document although the fonts are shared: a base letter first met inside a composite (Ŵ, Ŷ) still maps to its text', async () => {
    const withComposites = sampleAnnualReport();
    withComposites.body = [{ kind: 'paragraph', content: 'Ŵŷ ŵŶ' }];
    await renderPdf(withComposites);
    const plain = sampleAnnualReport();
    plain.body = [{ kind: 'paragraph', content: 'WAWA wawa Yyy' }];
    expect(flat(pdfText(await renderPdf(plain)))).toContain('WAWA wawa Yyy');
  });

  it('keeps the sections in the seed order, closing with Nơi nhận and the signer', async () => {
    const text = flat(pdfText(await renderPdf(sampleAnnualReport())));
    const order = [
      'Số: 184/BC-UBND',
      'BÁO CÁO',
      'Căn cứ Công văn số 455/UBND-NV',
      'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023',
      '1. Tổ chức triển khai',
      '2. Công tác thi đua',
      '3. Công tác khen thưởng',
      'II. NHẬN XÉT',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024',
      'Trên đây là báo cáo',
      'Liêu Quốc Bình',
    ];
    const positions = order.map((t) => text.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('embeds only the Tinos TrueType font, never a built-in PDF font', async () => {
    const fonts = pdfFontNames(await renderPdf(sampleAnnualReport()));
    expect(fonts.length).toBeGreaterThan(0);
    for (const name of fonts) expect(name).toMatch(/Tinos/);
  });

  it('numbers pages from the second page on, at the top', async () => {
    const pdf = await renderPdf(sampleAnnualReport());
    const { pages } = pdfInfo(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pdfText(pdf, { page: 1 }).trimStart().startsWith('UBND')).toBe(true);
    for (let page = 2; page <= pages; page++) {
      expect(pdfText(pdf, { page }).trimStart().split('\n')[0]?.trim()).toBe(String(page));
    }
  });

  it('splits a 1,000-name annex across pages, repeating the header row on each page', async () => {
    const pdf = await renderPdf(sampleDecisionWithAnnex(1000));
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim().length > 0);
    const annexPages = pages.slice(1);
    expect(annexPages.length).toBeGreaterThan(20);
    for (const page of annexPages) expect(page).toContain('Họ và tên');
    const all = flat(pages.join(' '));
    expect(all).toContain('Tổng cộng: 1000 cá nhân');
    // Every row number appears exactly once in the STT column (x < 125 pt), across all pages.
    const rowNumbers = pdfWords(pdf)
      .filter((w) => w.page > 1 && w.xMax < 125 && /^\d+$/.test(w.word))
      .map((w) => Number(w.word));
    expect(rowNumbers).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(all).toContain('ngày 05 tháng 02 năm 2024');
  });

  it('writes markup and spreadsheet formulas in names as literal text', async () => {
    const model = sampleDecisionWithAnnex(1);
    model.recipients.items.push('<b>x</b>');
    // The formula goes in the widest column so that it is not wrapped at the "/".
    model.annexes?.[0]?.table.rows.push(['2', '<b>x</b>', 'ok', '=HYPERLINK("http://x")']);
    const pdf = await renderPdf(model);
    const text = pdfText(pdf);
    expect(text).toContain('- <b>x</b>;');
    expect(text).toContain('=HYPERLINK("http://x")');
    expect(pdf.toString('latin1')).not.toMatch(/\/URI|\/Annots/);
  });

  it('produces the same bytes twice when the metadata date is fixed, and other bytes for another date', async () => {
    const a = await renderPdf(sampleAnnualReport(), { metadataDate: FIXED_DATE });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await renderPdf(sampleAnnualReport(), { metadataDate: FIXED_DATE });
    const c = await renderPdf(sampleAnnualReport(), { metadataDate: new Date('2025-06-01T00:00:00Z') });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('puts a công văn summary under its number as "V/v …"', async () => {
    const model = {
      ...sampleAnnualReport(),
      typeName: undefined,
      numberAndSymbol: { number: 7, symbol: 'UBND-VP' },
      summaryLines: ['đề nghị khen thưởng năm 2023'],
    };
    const text = flat(pdfText(await renderPdf(model), { page: 1 }));
    expect(text).toContain('Số: 07/UBND-VP');
    expect(text).toContain('V/v đề nghị khen thưởng năm 2023');
    expect(text).not.toContain('BÁO CÁO');
  });
});
