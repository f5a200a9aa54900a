import { describe, it, expect } from 'vitest';
import type { AdministrativeDocument } from './document-model.ts';
import { renderDocx } from './render-docx.ts';
import { sampleAnnualReport, sampleDecisionWithAnnex } from './samples.ts';
import { docxParagraphs, listZipEntries, readZipEntry } from './testing/zip-reader.ts';

async function documentXml(model: AdministrativeDocument): Promise<string> {
  const docx = await renderDocx(model);
  const xml = readZipEntry(docx, 'word/document.xml');
  if (xml === undefined) throw new Error('word/document.xml missing');
  return xml;
}

function indexOfParagraph(paragraphs: string[], text: string): number {
  const i = paragraphs.findIndex((p) => p === text);
  if (i < 0) throw new Error(`paragraph not found: ${text}\n${paragraphs.join('\n')}`);
  return i;
}

/** The first tag that does not close in order, or null when the XML's elements nest properly. */
function unbalancedTag(xml: string): string | null {
  const open: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) return name!;
  }
  return open.length > 0 ? open.at(-1)! : null;
}

describe('renderDocx', () => {
  it('writes a Word package whose default header holds the page number and whose first-page header is empty', async () => {
    const docx = await renderDocx(sampleAnnualReport());
    expect(listZipEntries(docx)).toContain('word/document.xml');
    const xml = readZipEntry(docx, 'word/document.xml') ?? '';
    const rels = readZipEntry(docx, 'word/_rels/document.xml.rels') ?? '';
    const headerOf = (type: 'default' | 'first'): string => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(xml)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
      return readZipEntry(docx, `word/${target?.[1] ?? target?.[2] ?? ''}`) ?? '';
    };
    expect(headerOf('default')).toMatch(/<w:instrText[^>]*>PAGE</);
    expect(headerOf('first')).not.toContain('PAGE');
  });

  it('draws the header and closing tables without borders and data tables with them', async () => {
    const xml = await documentXml(sampleDecisionWithAnnex(3));
    const borders = xml.match(/<w:tblBorders>.*?<\/w:tblBorders>/g) ?? [];
    expect(borders.length).toBe(3);
    expect(borders[0]).toContain('w:val="none"');
    expect(borders[1]).toContain('w:val="none"');
    expect(borders[2]).toContain('<w:insideH w:val="single"');
  });

  it('lays out the seed report in NĐ 30 order: header, number and date, title, căn cứ, sections, closing', async () => {
    const paragraphs = docxParagraphs(await documentXml(sampleAnnualReport()));
    const order = [
      'UBND THÀNH PHỐ LONG XUYÊN',
      'UBND PHƯỜNG MỸ QUÝ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 184/BC-UBND',
      'Mỹ Quý, ngày 26 tháng 12 năm 2023',
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
      '- UBND TPLX;',
      '- Các khóm;',
      '- Lưu.',
      'CHỦ TỊCH',
      'Liêu Quốc Bình',
    ];
    const positions = order.map((t) => indexOfParagraph(paragraphs, t));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(paragraphs.some((p) => p.startsWith('Căn cứ Công văn số 455/UBND-NV ngày 25/12/2023'))).toBe(true);
    expect(paragraphs).toContain(
      'Chủ tịch UBND phường đã quyết định công nhận 64 cán bộ, công chức đạt danh hiệu “Lao động tiên tiến” năm 2022.',
    );
  });

  it('sets A4, the NĐ 30 margins, Times New Roman and a first page without a number', async () => {
    const xml = await documentXml(sampleAnnualReport());
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toMatch(/w:right="850"/);
    expect(xml).toContain('<w:titlePg');
    expect(xml).toContain('w:ascii="Times New Roman"');
  });

  it('underlines the Tiêu ngữ and sets "Nơi nhận:" bold italic at 12 pt', async () => {
    const xml = await documentXml(sampleAnnualReport());
    const runOf = (text: string): string => {
      const m = new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>${text}</w:t></w:r>`, 's').exec(xml);
      if (!m) throw new Error(`run not found: ${text}`);
      return m[0].slice(m[0].lastIndexOf('<w:r>'));
    };
    expect(runOf('Độc lập - Tự do - Hạnh phúc')).toContain('<w:u ');
    const recipients = runOf('Nơi nhận:');
    expect(recipients).toContain('<w:b/>');
    expect(recipients).toContain('<w:i/>');
    expect(recipients).toContain('<w:sz w:val="24"/>');
  });

  it('writes the annex on a new page with a header row that repeats', async () => {
    const xml = await documentXml(sampleDecisionWithAnnex(30));
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs).toContain('DANH SÁCH');
    expect(paragraphs).toContain('Họ và tên');
    expect(paragraphs).toContain('Tổng cộng: 30 cá nhân');
    expect(xml).toContain('<w:tblHeader');
    expect(xml).toContain('<w:pageBreakBefore');
    expect(paragraphs).toContain('KT. CHỦ TỊCH');
    expect(paragraphs).toContain('PHÓ CHỦ TỊCH');
  });

  it('writes a 1,000-name annex table as well-formed XML: every row once, the header repeating, no row split', async () => {
    const xml = await documentXml(sampleDecisionWithAnnex(1000));
    expect(unbalancedTag(xml)).toBeNull();
    expect(xml).not.toContain('TDKT-TABLE-');
    const annex = xml.slice(xml.lastIndexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'));
    const rows = annex.match(/<w:tr>/g) ?? [];
    expect(rows).toHaveLength(1 + 1000 + 1); // header, names, total
    expect(annex.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(annex.match(/<w:cantSplit\/>/g)).toHaveLength(rows.length);
    const paragraphs = docxParagraphs(xml);
    const names = sampleDecisionWithAnnex(1000)
      .annexes![0]!.table.rows.slice(0, 1000)
      .map((r) => r[1]);
    for (const name of names) expect(paragraphs).toContain(name);
  });

  it('writes markup and spreadsheet formulas in names as literal text', async () => {
    const model = sampleDecisionWithAnnex(2);
    const hostile = ['<b>x</b>', '=HYPERLINK("http://x")', '&amp; ]]> <w:t>'];
    model.recipients.items.push(...hostile);
    model.annexes?.[0]?.table.rows.push(['3', hostile[0] ?? '', hostile[1] ?? '', hostile[2] ?? '']);
    const xml = await documentXml(model);
    const paragraphs = docxParagraphs(xml);
    for (const text of hostile) {
      expect(paragraphs).toContain(text);
      expect(paragraphs).toContain(`- ${text};`);
    }
    expect(xml).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(xml).not.toMatch(/<w:hyperlink|<w:fldSimple|<w:instrText[^>]*>[^<]*HYPERLINK/);
  });

  it('puts a công văn summary under its number as "V/v …" and prints no type name', async () => {
    const model: AdministrativeDocument = {
      ...sampleAnnualReport(),
      typeName: undefined,
      numberAndSymbol: { number: 7, symbol: 'UBND-VP' },
      summaryLines: ['đề nghị khen thưởng năm 2023'],
    };
    const paragraphs = docxParagraphs(await documentXml(model));
    const number = indexOfParagraph(paragraphs, 'Số: 07/UBND-VP');
    expect(paragraphs[number + 1]).toBe('V/v đề nghị khen thưởng năm 2023');
    expect(paragraphs).not.toContain('BÁO CÁO');
  });
});
