// Báo cáo thành tích of a collective (an agency, mass organization, neighbourhood or school of a
// ward), pre-filled from data: the unit and its staff, the year's results of its people (ratings,
// titles and awards they received) and the titles and awards the collective itself received.
// The unit head signs; the narrative of the achievements is written in Word. The section order
// (I. sơ lược đặc điểm, II. thành tích, III. khen thưởng đã nhận) follows the usual layout of the
// báo cáo thành tích forms; the decree's own form text was not checked here.
import { sql } from 'drizzle-orm';
import type { AdministrativeDocument, BodyBlock, TableCell } from '../../platform/documents/index.ts';
import { formatDateVn } from '../../platform/documents/index.ts';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { awardCube, staffCells } from '../dashboard/dashboard.queries.ts';
import { byAward } from '../dashboard/summarize.ts';
import { awardNameOf } from './achievement-report.ts';
import { bodyNaming } from './issuing-body.ts';
import { leaderOn, uuidArray } from './table-probe.ts';

export type CollectiveAchievementData = {
  unitName: string;
  /** The body the unit belongs to, as it reads in a sentence ("phường Mỹ Quý"). */
  bodyInSentence: string;
  bodyCaps: string;
  /** Who confirms the report: "Ủy ban nhân dân phường Mỹ Quý". */
  confirmer: string;
  proposedAward: string;
  year: number;
  staff: { people: number; women: number; leaders: number };
  head: { name: string; position: string | null } | null;
  /** The year's ratings of the unit's people, by rating. */
  ratings: { rating: string; count: number }[];
  /** Titles and awards the unit's people and the unit received in the year, by form. */
  awardsOfYear: { awardName: string; collectives: number; individuals: number; households: number }[];
  /** Titles and awards of the collective itself, every year. */
  collectiveAwards: {
    year: number;
    awardName: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    issuer: string | null;
  }[];
};

const RATING_LABELS: Readonly<Record<string, string>> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};
const RATING_ORDER = ['excellent', 'good', 'completed', 'not_completed'];

const para = (content: string): BodyBlock => ({ kind: 'paragraph', content });

function decisionCell(a: CollectiveAchievementData['collectiveAwards'][number]): string {
  return [
    a.decisionNumber ? `Quyết định số ${a.decisionNumber}` : null,
    a.decisionDate ? `ngày ${formatDateVn(a.decisionDate)}` : null,
    a.issuer,
  ]
    .filter((x): x is string => !!x)
    .join(', ');
}

function resultBlocks(d: CollectiveAchievementData): BodyBlock[] {
  const blocks: BodyBlock[] = [
    para(`Kết quả đánh giá, xếp loại cán bộ, công chức, người lao động năm ${d.year}:`),
  ];
  const ratings = [...d.ratings].sort(
    (a, b) => RATING_ORDER.indexOf(a.rating) - RATING_ORDER.indexOf(b.rating),
  );
  blocks.push(
    ratings.length > 0
      ? {
          kind: 'list',
          items: ratings.map((r) => `${RATING_LABELS[r.rating] ?? r.rating}: ${r.count} người`),
        }
      : para('Chưa có kết quả đánh giá, xếp loại trong dữ liệu.'),
  );
  blocks.push(
    para(`Danh hiệu thi đua, hình thức khen thưởng của tập thể và cá nhân trong đơn vị năm ${d.year}:`),
  );
  blocks.push(
    d.awardsOfYear.length > 0
      ? {
          kind: 'list',
          items: d.awardsOfYear.map((a) =>
            [
              `${a.awardName}:`,
              [
                a.collectives > 0 ? `${a.collectives} tập thể` : null,
                a.individuals > 0 ? `${a.individuals} cá nhân` : null,
                a.households > 0 ? `${a.households} hộ gia đình` : null,
              ]
                .filter((x): x is string => !!x)
                .join(', '),
            ].join(' '),
          ),
        }
      : para('Chưa có danh hiệu, hình thức khen thưởng trong năm.'),
  );
  blocks.push(para('Thành tích nổi bật trong thực hiện nhiệm vụ chính trị và các phong trào thi đua: …'));
  return blocks;
}

/** The model: the unit reports about itself; its head signs. */
export function buildCollectiveAchievementReport(
  d: CollectiveAchievementData,
  place: string,
  issueDate: string,
): AdministrativeDocument {
  const rows: TableCell[][] = d.collectiveAwards.map((a) => [String(a.year), a.awardName, decisionCell(a)]);
  return {
    issuingBody: { parentLines: [d.bodyCaps], nameLines: [d.unitName.toLocaleUpperCase('vi')] },
    numberAndSymbol: { symbol: 'BC' },
    place,
    issueDate,
    typeName: 'BÁO CÁO THÀNH TÍCH',
    summaryLines: [`Đề nghị tặng ${d.proposedAward}`, `cho ${d.unitName} năm ${d.year}`],
    body: [
      { kind: 'heading', level: 1, text: 'Sơ lược đặc điểm, tình hình' },
      {
        kind: 'list',
        items: [
          `Tên đơn vị: ${d.unitName}, trực thuộc ${d.bodyInSentence}`,
          `Số cán bộ, công chức, người lao động năm ${d.year}: ${d.staff.people} người (nữ: ${d.staff.women}; lãnh đạo: ${d.staff.leaders})`,
          `Người đứng đầu: ${d.head ? `${d.head.name}${d.head.position ? `, ${d.head.position}` : ''}` : '…'}`,
        ],
      },
      para('Chức năng, nhiệm vụ được giao: …'),
      { kind: 'heading', level: 1, text: 'Thành tích đạt được' },
      ...resultBlocks(d),
      { kind: 'heading', level: 1, text: 'Các hình thức khen thưởng đã được ghi nhận' },
      rows.length > 0
        ? {
            kind: 'table',
            table: {
              columnWidths: [10, 40, 50],
              headerRows: [
                ['Năm', 'Danh hiệu, hình thức khen thưởng', 'Số, ngày quyết định, cơ quan ban hành'],
              ],
              columnAlign: ['center', 'left', 'left'],
              rows,
            },
          }
        : para('Tập thể chưa được khen thưởng.'),
      para(`Xác nhận của ${d.confirmer}: …`),
    ],
    recipients: { items: [], archiveLine: 'Lưu: hồ sơ khen thưởng.' },
    signature: { position: 'THỦ TRƯỞNG ĐƠN VỊ', signerName: d.head?.name ?? '' },
  };
}

type CollectiveAwardRow = {
  year: number;
  award_code: string;
  decision_number: string | null;
  decision_date: string | null;
  issuer_name: string | null;
};

async function loadCollectiveRecords(db: Db, unitId: string, subtree: readonly string[], year: number) {
  return Promise.all([
    queryRows<{ rating: string; n: number }>(
      db,
      sql`select rating, count(*)::int as n from ratings
          where org_unit_id = any(${uuidArray(subtree)}) and year = ${year} group by 1`,
    ),
    queryRows<CollectiveAwardRow>(
      db,
      sql`select year, award_code, decision_number, decision_date::text as decision_date, issuer_name
          from award_records where org_unit_id = ${unitId} and subject_kind = 'collective' and revoked_at is null
          order by year, decision_date`,
    ),
    leaderOn(db, [unitId], `${year}-12-31`),
  ]);
}

/** Báo cáo thành tích of a collective for a year, proposing `awardCode`; the caller must read the unit. */
export async function collectiveAchievementReportModel(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  awardCode: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<AdministrativeDocument> {
  if (!ctx.auth.readOrgIds.has(orgUnitId)) throw notFound('đơn vị');
  const directory = await ctx.deps.directory.get();
  const unit = directory.get(orgUnitId);
  const body = directory.bodyOf(orgUnitId) ?? unit;
  if (!unit || !body) throw notFound('đơn vị');
  const naming = bodyNaming(body, body.parentId ? directory.get(body.parentId) : undefined);
  const db = ctx.deps.database.db;
  const subtree = directory.subtree(orgUnitId);
  const [[ratings, collectiveAwards, head], cube, staff] = await Promise.all([
    loadCollectiveRecords(db, orgUnitId, subtree, year),
    awardCube(db, subtree, year),
    staffCells(db, subtree, year),
  ]);
  const staffTotal = staff.reduce(
    (t, s) => ({ people: t.people + s.people, women: t.women + s.women, leaders: t.leaders + s.leaders }),
    { people: 0, women: 0, leaders: 0 },
  );
  // A ward reporting as a collective is confirmed by the level above it; a unit, by its ward.
  const isBody = body.id === unit.id;
  return buildCollectiveAchievementReport(
    {
      unitName: unit.name,
      bodyInSentence: isBody ? (naming.parentInSentence ?? naming.inSentence) : naming.inSentence,
      bodyCaps: (isBody ? naming.issuingBody.parentLines[0] : naming.issuingBody.nameLines[0]) ?? '',
      confirmer:
        isBody && naming.parentInSentence
          ? `Ủy ban nhân dân ${naming.parentInSentence}`
          : naming.committeeFull,
      proposedAward: awardNameOf(awardCode),
      year,
      staff: staffTotal,
      head: head ?? null,
      ratings: ratings.map((r) => ({ rating: r.rating, count: Number(r.n) })),
      awardsOfYear: byAward(cube).map((a) => ({
        awardName: a.label,
        collectives: a.collective,
        individuals: a.individual,
        households: a.household,
      })),
      collectiveAwards: collectiveAwards.map((a) => ({
        year: Number(a.year),
        awardName: awardNameOf(a.award_code),
        decisionNumber: a.decision_number,
        decisionDate: a.decision_date,
        issuer: a.issuer_name,
      })),
    },
    naming.place,
    today,
  );
}
