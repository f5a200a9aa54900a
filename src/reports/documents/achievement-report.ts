// Báo cáo thành tích of an individual, pre-filled from the person's record: who they are, the
// yearly ratings, recognized initiatives and the awards already received. The officer or the
// person completes the narrative in Word; the figures come from data.
import { sql } from 'drizzle-orm';
import type { AdministrativeDocument, BodyBlock } from '../../platform/documents/index.ts';
import { formatDateVn } from '../../platform/documents/index.ts';
import { queryRows } from '../../platform/db/client.ts';
import type { Db } from '../../platform/db/client.ts';
import { catalogueEntry, isAwardCode } from '../../rules/index.ts';

export type AchievementData = {
  fullName: string;
  gender: string;
  birthYear: number | null;
  position: string | null;
  unitName: string;
  /** What the report proposes, e.g. "Giấy khen của Chủ tịch UBND phường". */
  proposedAward: string;
  year: number;
  ratings: { year: number; rating: string }[];
  initiatives: { title: string; scope: string; recognizedOn: string; decisionRef: string | null }[];
  awards: {
    year: number;
    awardName: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    issuer: string | null;
  }[];
};

const RATINGS: Readonly<Record<string, string>> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

const GENDERS: Readonly<Record<string, string>> = { male: 'Nam', female: 'Nữ' };

export function awardNameOf(code: string): string {
  return isAwardCode(code) ? catalogueEntry(code).name : code;
}

const para = (content: string): BodyBlock => ({ kind: 'paragraph', content });

/** The model: the person signs it as its author; the unit head's confirmation is a closing line. */
export function buildAchievementReport(
  d: AchievementData,
  place: string,
  issueDate: string,
): AdministrativeDocument {
  const recent = d.ratings.filter((r) => r.year <= d.year).sort((a, b) => a.year - b.year);
  return {
    issuingBody: { parentLines: [], nameLines: [d.unitName.toLocaleUpperCase('vi')] },
    numberAndSymbol: { symbol: 'BC' },
    place,
    issueDate,
    typeName: 'BÁO CÁO THÀNH TÍCH',
    summaryLines: [`Đề nghị tặng ${d.proposedAward}`, `năm ${d.year}`],
    body: [
      { kind: 'heading', level: 1, text: 'Sơ lược lý lịch' },
      {
        kind: 'list',
        items: [
          `Họ và tên: ${d.fullName}`,
          `Giới tính: ${GENDERS[d.gender] ?? d.gender}`,
          `Năm sinh: ${d.birthYear ?? '…'}`,
          `Chức vụ: ${d.position ?? '…'}`,
          `Đơn vị công tác: ${d.unitName}`,
        ],
      },
      { kind: 'heading', level: 1, text: 'Thành tích đạt được' },
      para('Kết quả đánh giá, xếp loại hằng năm:'),
      recent.length > 0
        ? { kind: 'list', items: recent.map((r) => `Năm ${r.year}: ${RATINGS[r.rating] ?? r.rating}`) }
        : para('Chưa có kết quả đánh giá, xếp loại trong dữ liệu.'),
      ...(d.initiatives.length > 0
        ? [
            para('Sáng kiến, đề tài được công nhận:'),
            {
              kind: 'list' as const,
              items: d.initiatives.map(
                (i) =>
                  `${i.title} (phạm vi ${i.scope}, công nhận ngày ${formatDateVn(i.recognizedOn)}${i.decisionRef ? `, ${i.decisionRef}` : ''})`,
              ),
            },
          ]
        : []),
      { kind: 'heading', level: 1, text: 'Các hình thức đã được khen thưởng' },
      d.awards.length > 0
        ? {
            kind: 'table',
            table: {
              columnWidths: [10, 40, 50],
              headerRows: [['Năm', 'Hình thức khen thưởng', 'Số, ngày quyết định, cơ quan ban hành']],
              columnAlign: ['center', 'left', 'left'],
              rows: d.awards.map((a) => [
                String(a.year),
                a.awardName,
                [
                  a.decisionNumber ? `Quyết định số ${a.decisionNumber}` : null,
                  a.decisionDate ? `ngày ${formatDateVn(a.decisionDate)}` : null,
                  a.issuer,
                ]
                  .filter((x): x is string => !!x)
                  .join(', '),
              ]),
            },
          }
        : para('Chưa được khen thưởng.'),
      para('Xác nhận của thủ trưởng đơn vị: …'),
    ],
    recipients: { items: [], archiveLine: 'Lưu: hồ sơ khen thưởng.' },
    signature: { position: 'NGƯỜI BÁO CÁO THÀNH TÍCH', signerName: d.fullName },
  };
}

type PersonRow = {
  full_name: string;
  gender: string;
  birth_year: number | null;
  position: string | null;
  org_unit_id: string;
};

/** Reads the person's record; null when the person does not exist. */
export async function loadAchievementData(
  db: Db,
  personId: string,
  year: number,
): Promise<
  | (Omit<AchievementData, 'unitName' | 'proposedAward'> & { orgUnitId: string; workedInOrgIds: string[] })
  | null
> {
  const [person] = await queryRows<PersonRow>(
    db,
    sql`select full_name, gender, extract(year from birth_date)::int as birth_year, position, org_unit_id
        from people where id = ${personId}`,
  );
  if (!person) return null;
  const [ratings, initiatives, awards, worked] = await Promise.all([
    queryRows<{ year: number; rating: string }>(
      db,
      sql`select year, rating from ratings where person_id = ${personId} and year <= ${year} order by year`,
    ),
    queryRows<{ title: string; scope: string; recognized_on: string; decision_ref: string | null }>(
      db,
      sql`select title, scope, recognized_on::text as recognized_on, decision_ref from initiatives
          where person_id = ${personId} order by recognized_on`,
    ),
    queryRows<{
      year: number;
      award_code: string;
      decision_number: string | null;
      decision_date: string | null;
      issuer_name: string | null;
    }>(
      db,
      sql`select year, award_code, decision_number, decision_date::text as decision_date, issuer_name
          from award_records where person_id = ${personId} and revoked_at is null order by year, decision_date`,
    ),
    queryRows<{ org_unit_id: string }>(
      db,
      sql`select distinct org_unit_id from employments where person_id = ${personId}`,
    ),
  ]);
  return {
    orgUnitId: person.org_unit_id,
    workedInOrgIds: worked.map((w) => w.org_unit_id),
    fullName: person.full_name,
    gender: person.gender,
    birthYear: person.birth_year,
    position: person.position,
    year,
    ratings: ratings.map((r) => ({ year: Number(r.year), rating: r.rating })),
    initiatives: initiatives.map((i) => ({
      title: i.title,
      scope: i.scope,
      recognizedOn: i.recognized_on,
      decisionRef: i.decision_ref,
    })),
    awards: awards.map((a) => ({
      year: Number(a.year),
      awardName: awardNameOf(a.award_code),
      decisionNumber: a.decision_number,
      decisionDate: a.decision_date,
      issuer: a.issuer_name,
    })),
  };
}
