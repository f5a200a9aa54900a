import { describe, expect, it } from 'vitest';
import { renderCertificatesPdf, renderDocx, renderPdf } from '../../platform/documents/index.ts';
import { pdfText } from '../../platform/documents/testing/poppler.ts';
import { docxParagraphs, readZipEntry } from '../../platform/documents/testing/zip-reader.ts';
import { OrgDirectory, type OrgUnitRow } from '../../organizations/index.ts';
import { certificateModels, type AwardeeRow, type DecisionRow } from '../../certificates/index.ts';
import { documentLegalBases, type RegimeCode } from '../../rules/index.ts';
import { buildDecisionDocument, buildPaymentList, type AnnexLine } from './decision-documents.ts';
import { bodyNamingAsOf } from './issuing-body.ts';

// One decision, its payment list and its Giấy khen per regime, rendered to Word and PDF and read back:
// the texts cited and the names printed must be those of the document's own date.

const unit = (u: Partial<OrgUnitRow> & Pick<OrgUnitRow, 'id' | 'code' | 'name' | 'kind'>): OrgUnitRow => ({
  placeName: null,
  parentId: null,
  provinceCode: 'AG',
  path: u.id,
  validFrom: '1999-03-01',
  validTo: null,
  memberCount: null,
  ...u,
});
const directory = new OrgDirectory(
  [
    unit({ id: 'ag', code: 'AG', name: 'Tỉnh An Giang', kind: 'province', placeName: 'An Giang' }),
    unit({
      id: 'lx',
      code: 'LX',
      name: 'Thành phố Long Xuyên',
      kind: 'district',
      parentId: 'ag',
      validTo: '2025-07-01',
    }),
    unit({
      id: 'mq',
      code: 'MQ',
      name: 'Phường Mỹ Quý',
      kind: 'ward',
      parentId: 'lx',
      placeName: 'Mỹ Quý',
      validTo: '2025-07-01',
    }),
    unit({
      id: 'lxw',
      code: 'LXW',
      name: 'Phường Long Xuyên',
      kind: 'ward',
      parentId: 'ag',
      placeName: 'Long Xuyên',
      validFrom: '2025-07-01',
    }),
  ],
  [{ kind: 'merge', effectiveDate: '2025-07-01', predecessorId: 'mq', successorId: 'lxw' }],
);

const linesOf = (personUnit: string): AnnexLine[] => [
  {
    name: 'Nguyễn Thị Lan',
    subjectKind: 'individual',
    position: 'Chuyên viên',
    unit: personUnit,
    amount: 270_000,
    revoked: false,
  },
  {
    name: 'Khóm Mỹ Thới',
    subjectKind: 'collective',
    position: null,
    unit: null,
    amount: 540_000,
    revoked: false,
  },
];

type Case = {
  date: string;
  override?: RegimeCode;
  body: string;
  parent: string;
  /** The person's unit on that date, as the employment history gives it. */
  personUnit: string;
  cites: string[];
  /** What the payment list and the Giấy khen name (their short line). */
  short: string[];
  never: string[];
};

const LAW_2003 = 'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003';
const LAW_2003_AMENDED =
  'Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013';
const LAW_2022 = 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022';
const CASES: Case[] = [
  {
    date: '2023-12-31',
    short: [
      'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)',
      'Nghị định số 91/2017/NĐ-CP',
    ],
    body: 'PHƯỜNG MỸ QUÝ',
    parent: 'UBND THÀNH PHỐ LONG XUYÊN',
    personUnit: 'Văn phòng HĐND - UBND phường Mỹ Quý',
    cites: [
      LAW_2003,
      LAW_2003_AMENDED,
      'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017',
      'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
    ],
    never: [
      'ngày 15 tháng 6 năm 2022',
      '06/2022',
      '98/2023',
      '152/2025',
      '21/2024',
      'Long Xuyên ngày',
      'Phường Long Xuyên',
    ],
  },
  {
    date: '2024-01-01',
    short: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 98/2023/NĐ-CP'],
    body: 'PHƯỜNG MỸ QUÝ',
    parent: 'UBND THÀNH PHỐ LONG XUYÊN',
    personUnit: 'Văn phòng HĐND - UBND phường Mỹ Quý',
    cites: [LAW_2022, 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023'],
    // QĐ 21/2024 of An Giang is in force from 10/7/2024 only.
    never: ['2003', '91/2017', '152/2025', '21/2024', 'Phường Long Xuyên'],
  },
  {
    date: '2025-06-30',
    short: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 98/2023/NĐ-CP'],
    body: 'PHƯỜNG MỸ QUÝ',
    parent: 'UBND THÀNH PHỐ LONG XUYÊN',
    personUnit: 'Văn phòng HĐND - UBND phường Mỹ Quý',
    cites: [
      LAW_2022,
      'Nghị định số 98/2023/NĐ-CP',
      'Quyết định số 21/2024/QĐ-UBND ngày 26 tháng 6 năm 2024',
      'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
    ],
    never: ['2003', '91/2017', '152/2025', 'Phường Long Xuyên'],
  },
  {
    date: '2025-07-01',
    short: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 152/2025/NĐ-CP'],
    body: 'PHƯỜNG LONG XUYÊN',
    parent: 'UBND TỈNH AN GIANG',
    personUnit: 'Phường Long Xuyên',
    cites: [
      LAW_2022,
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025',
      'Quyết định số 21/2024/QĐ-UBND',
    ],
    never: ['2003', '91/2017', '98/2023', 'Mỹ Quý', 'THÀNH PHỐ LONG XUYÊN'],
  },
  {
    // A dossier lodged before 01/07/2025 and decided after it under the earlier regime (NĐ 152 Điều 60):
    // the operator's choice stored on the decision flows into the text.
    date: '2025-08-04',
    short: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 98/2023/NĐ-CP'],
    override: 'law2022_nd98',
    body: 'PHƯỜNG LONG XUYÊN',
    parent: 'UBND TỈNH AN GIANG',
    personUnit: 'Phường Long Xuyên',
    cites: [LAW_2022, 'Nghị định số 98/2023/NĐ-CP'],
    never: ['2003', '91/2017', '152/2025', 'Mỹ Quý'],
  },
];

const flat = (text: string): string => text.replace(/\s+/g, ' ');
const docxText = async (model: Parameters<typeof renderDocx>[0]): Promise<string> =>
  flat(docxParagraphs(readZipEntry(await renderDocx(model), 'word/document.xml')!).join('\n'));

describe('every decision document cites the texts and names of its own date', () => {
  for (const c of CASES) {
    const label = `${c.date}${c.override ? ` (chế độ chọn: ${c.override})` : ''}`;
    const body = bodyNamingAsOf(directory, 'mq', c.date)!;
    const bases = documentLegalBases(c.date, c.override ?? null, 'AG');
    const data = {
      year: Number(c.date.slice(0, 4)) - 1,
      title: 'Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích',
      awardCode: 'commune_certificate_of_merit',
      numberText: '246/QĐ-UBND',
      decisionDate: c.date,
      signerName: 'Liêu Quốc Bình',
      signerTitle: 'Chủ tịch Ủy ban nhân dân phường',
      bases,
    };
    const lines = linesOf(c.personUnit);
    const check = (text: string, what: string) => {
      for (const s of c.cites) expect(text, `${what} ${label} thiếu “${s}”`).toContain(s);
      for (const s of c.never) expect(text, `${what} ${label} không được có “${s}”`).not.toContain(s);
    };

    it(`decision and annex of ${label}, in Word and PDF`, async () => {
      const model = buildDecisionDocument(body, data, lines);
      for (const [format, text] of [
        ['DOCX', await docxText(model)],
        ['PDF', flat(pdfText(await renderPdf(model)))],
      ] as const) {
        check(text, `Quyết định (${format})`);
        expect(text).toContain(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${c.body}`);
        expect(text).toContain(c.parent);
        expect(text).toContain('tổng số tiền: 810.000 đồng (Tám trăm mười nghìn đồng)');
      }
    });

    it(`payment list of ${label}, in Word and PDF`, async () => {
      const model = buildPaymentList(body, data, lines);
      for (const [format, text] of [
        ['DOCX', await docxText(model)],
        ['PDF', flat(pdfText(await renderPdf(model)))],
      ] as const) {
        for (const s of c.short) expect(text, `Danh sách chi (${format}) ${label}`).toContain(s);
        for (const s of c.never) expect(text, `Danh sách chi (${format}) ${label}`).not.toContain(s);
        expect(text).toContain(c.parent);
      }
    });

    it(`Giấy khen of ${label}`, async () => {
      const decision: DecisionRow = {
        id: 'd',
        org_unit_id: 'mq',
        year: data.year,
        kind: 'award',
        status: 'issued',
        title: data.title,
        award_code: data.awardCode,
        number_text: data.numberText,
        decision_date: c.date,
        signer_name: data.signerName,
        signer_title: data.signerTitle,
        regime_code: c.override ?? null,
      };
      const awardee: AwardeeRow = {
        award_record_id: 'r',
        subject_kind: 'individual',
        subject_name: 'Nguyễn Thị Lan',
        field: null,
        amount: 270_000,
        revoked_at: null,
        person_position: 'Chuyên viên',
        unit_name: c.personUnit,
        item_position: 1,
        achievement: null,
      };
      const certs = certificateModels(decision, [awardee], directory, new Map(), 'https://tdkt.example');
      const text = flat(pdfText(await renderCertificatesPdf(certs)));
      expect(text).toContain(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${c.body}`);
      expect(text).toContain(c.personUnit);
      for (const s of c.never) expect(text, `Giấy khen ${label}`).not.toContain(s);
      for (const s of c.short) expect(text, `Giấy khen ${label}`).toContain(s);
    });
  }
});
