import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../platform/documents/index.ts';
import { docxParagraphs, readZipEntry } from '../../platform/documents/testing/zip-reader.ts';
import { buildDecisionDocument, buildPaymentList, type AnnexLine } from './decision-documents.ts';
import { documentLegalBases } from '../../rules/index.ts';
import { bodyNaming } from './issuing-body.ts';

const body = bodyNaming(
  { id: 'b', name: 'Phường Mỹ Quý', placeName: 'Mỹ Quý' },
  { name: 'Thành phố Long Xuyên' },
);
const decision = {
  year: 2023,
  title: 'Về việc tặng Giấy khen cho cá nhân có thành tích trong phong trào thi đua năm 2023',
  awardCode: 'commune_certificate_of_merit',
  numberText: '246/QĐ-UBND',
  decisionDate: '2023-12-22',
  signerName: 'Liêu Quốc Bình',
  signerTitle: 'Chủ tịch Ủy ban nhân dân phường',
  bases: documentLegalBases('2023-12-22', null, 'AG'),
};
const lines: AnnexLine[] = [
  {
    name: 'Nguyễn Văn A',
    subjectKind: 'individual',
    position: 'Công chức',
    unit: 'Văn phòng',
    amount: 270_000,
    revoked: false,
  },
  {
    name: '<b>x</b>',
    subjectKind: 'individual',
    position: null,
    unit: '=HYPERLINK("http://x")',
    amount: 270_000,
    revoked: false,
  },
  {
    name: 'Đã thu hồi',
    subjectKind: 'individual',
    position: null,
    unit: null,
    amount: 270_000,
    revoked: true,
  },
];

async function textOf(model: Parameters<typeof renderDocx>[0]): Promise<string> {
  return docxParagraphs(readZipEntry(await renderDocx(model), 'word/document.xml')!).join('\n');
}

describe('decision documents from data', () => {
  it('writes the decision with its annex, the total in figures and in words, and leaves revoked lines out', async () => {
    const text = await textOf(buildDecisionDocument(body, decision, lines));
    expect(text).toContain('Số: 246/QĐ-UBND');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ QUÝ');
    expect(text).toContain('Tặng Giấy khen cho 2 cá nhân');
    expect(text).toContain(
      '(Kèm theo Quyết định số 246/QĐ-UBND ngày 22/12/2023 của Chủ tịch UBND phường Mỹ Quý)',
    );
    expect(text).toContain('540.000');
    expect(text).toContain('Số tiền bằng chữ: Năm trăm bốn mươi nghìn đồng.');
    expect(text).not.toContain('Đã thu hồi');
    expect(text).toContain('Liêu Quốc Bình');
  });

  it('keeps hostile names as plain text in Word', async () => {
    const docx = await renderDocx(buildDecisionDocument(body, decision, lines));
    const xml = readZipEntry(docx, 'word/document.xml')!;
    expect(xml).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(xml).not.toContain('<w:fldSimple');
    expect(xml).not.toContain('<w:hyperlink');
    expect(docxParagraphs(xml).join('\n')).toContain('=HYPERLINK("http://x")');
  });

  it('writes the payment list with amounts, the total in words and a column to sign', async () => {
    const text = await textOf(buildPaymentList(body, decision, lines));
    expect(text).toContain('DANH SÁCH');
    expect(text).toContain('theo Quyết định số 246/QĐ-UBND ngày 22 tháng 12 năm 2023');
    expect(text).toContain('Ký nhận');
    expect(text).toContain('Tổng số tiền bằng chữ: Năm trăm bốn mươi nghìn đồng.');
  });
});
