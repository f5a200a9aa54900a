import { inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/client.ts';
import { orgUnits } from '../organizations/index.ts';
import {
  covenantArticles,
  emulationCovenants,
  emulationMovements,
  staffConferences,
  titleRegistrations,
} from '../emulation/index.ts';
import type { DemoIds } from './seed-demo.ts';

/** What the 2023 emulation demo holds, for tests and the e2e replay. */
export type Movements2023Ids = {
  conferenceId: string;
  movementIds: string[];
  covenantId: string;
};

type SeedMovement = { name: string; kind: 'regular' | 'thematic'; fields: string[]; goals: string };

/**
 * The movements the seed report (seed/000_3966117c7f4e1eb6.txt, I.2) says the ward launched in
 * 2023, in its order and words, with the fields of I.3 ("an ninh quốc phòng, kinh tế, giáo dục,
 * văn hóa - xã hội, thực hiện mô hình dân vận khéo"). The report gives no numeric targets, so none
 * are invented here: the officer adds them on the movement page.
 */
export const SEED_MOVEMENTS_2023: readonly SeedMovement[] = [
  {
    name: 'Thu ngân sách địa phương',
    kind: 'regular',
    fields: ['kinh tế'],
    goals: 'Thực hiện đạt và vượt chỉ tiêu thu ngân sách địa phương năm 2023.',
  },
  {
    name: 'Lập lại trật tự đô thị',
    kind: 'thematic',
    fields: ['kinh tế', 'văn hóa - xã hội'],
    goals: 'Lập lại trật tự đô thị, xây dựng đô thị văn minh, xanh, sạch, đẹp.',
  },
  {
    name: 'Xây dựng cơ quan văn hóa, đẩy lùi tệ nạn xã hội',
    kind: 'regular',
    fields: ['văn hóa - xã hội'],
    goals: 'Xây dựng cơ quan văn hóa; đẩy lùi tệ nạn xã hội trên địa bàn phường.',
  },
  {
    name: 'Dân vận khéo',
    kind: 'regular',
    fields: ['dân vận khéo'],
    goals: 'Xây dựng và nhân rộng các mô hình dân vận khéo.',
  },
  {
    name: 'Học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
    kind: 'regular',
    fields: ['văn hóa - xã hội'],
    goals: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
  },
  {
    name: 'Tổ chức tốt các hoạt động văn hóa, thể dục thể thao và vệ sinh môi trường',
    kind: 'regular',
    fields: ['văn hóa - xã hội', 'giáo dục'],
    goals:
      'Nâng cao ý thức xây dựng đô thị văn minh, xanh, sạch, đẹp trong toàn thể cán bộ, công chức và nhân dân.',
  },
  {
    name: 'Thực hiện tốt các chính sách xã hội: giúp nhau giảm nghèo, cất nhà tình thương, giúp đỡ các gia đình chính sách',
    kind: 'regular',
    fields: ['văn hóa - xã hội'],
    goals: 'Khơi dậy, phát huy đạo lý truyền thống “Uống nước nhớ nguồn” và lòng nhân ái của dân tộc.',
  },
  {
    name: 'Đảm bảo trật tự an toàn giao thông, an ninh quốc phòng; toàn dân bảo vệ an ninh Tổ quốc',
    kind: 'regular',
    fields: ['an ninh quốc phòng'],
    goals:
      'Giữ vững ổn định chính trị và trật tự an toàn xã hội, loại trừ những nguy cơ gây mất ổn định và những tình huống đột xuất.',
  },
];

const CONFERENCE_DATE = '2023-01-20';
const BODY_NAME = 'UBND phường Mỹ Quý';
const LAUNCH_DOCUMENT = `Kế hoạch phát động phong trào thi đua năm 2023 của ${BODY_NAME} (dữ liệu minh họa)`;
const REVIEW_NOTE =
  'Tổng kết tại Báo cáo số 184/BC-UBND ngày 26/12/2023 (tổng kết thi đua, khen thưởng năm 2023).';
/** "Phong trào thi đua giữa các ban ngành, đoàn thể và xóm không đồng đều" (seed, II). */
const UNEVEN = 'Phong trào thi đua giữa các ban ngành, đoàn thể và khóm chưa đồng đều (Báo cáo 184/BC-UBND).';

/**
 * The ward's 2023 emulation year as the seed tells it (I.1): early in 2023 the People's Committee
 * and the trade union held the staff conference that reviewed 2022, launched the movements, took
 * the title registrations and had the units sign the year's covenant; the movements ran all year
 * and were reviewed by the year-end report of 26/12/2023.
 */
export async function seedMovements2023(tx: Tx, ids: DemoIds): Promise<Movements2023Ids> {
  const units = Object.values(ids.myQuyUnits);
  const movements = await tx
    .insert(emulationMovements)
    .values(
      SEED_MOVEMENTS_2023.map((m) => ({
        orgUnitId: ids.myQuy,
        year: 2023,
        name: m.name,
        kind: m.kind,
        fields: m.fields,
        launchDocument: LAUNCH_DOCUMENT,
        launchedOn: CONFERENCE_DATE,
        startsOn: CONFERENCE_DATE,
        endsOn: '2023-12-31',
        goals: m.goals,
        participantOrgUnitIds: units,
        status: 'reviewed',
        reviewNote: REVIEW_NOTE,
      })),
    )
    .returning({ id: emulationMovements.id });
  const movementIds = movements.map((m) => m.id);

  const [conference] = await tx
    .insert(staffConferences)
    .values({
      orgUnitId: ids.myQuy,
      year: 2023,
      heldOn: CONFERENCE_DATE,
      lastYearReview:
        'Tổng kết phong trào thi đua năm 2022: Chủ tịch UBND phường công nhận 64 cán bộ, công chức đạt danh hiệu “Lao động tiên tiến” năm 2022.',
      movementIds,
      note: 'UBND phường kết hợp Công đoàn tổ chức Hội nghị cán bộ, công chức: phát động phong trào thi đua, đăng ký danh hiệu thi đua và ký kết giao ước thi đua năm 2023.',
    })
    .returning({ id: staffConferences.id });
  const conferenceId = conference!.id;

  await seedCollectiveRegistrations(tx, ids, conferenceId);
  const covenantId = await seedCovenant(tx, ids, conferenceId);
  return { conferenceId, movementIds, covenantId };
}

/** Each unit of the ward registers "Tập thể lao động tiên tiến" at the conference; accepted. */
async function seedCollectiveRegistrations(tx: Tx, ids: DemoIds, conferenceId: string): Promise<void> {
  const names = await unitNames(tx, Object.values(ids.myQuyUnits));
  await tx.insert(titleRegistrations).values(
    Object.values(ids.myQuyUnits).map((unitId) => ({
      orgUnitId: unitId,
      bodyOrgUnitId: ids.myQuy,
      year: 2023,
      subjectKind: 'collective',
      subjectOrgUnitId: unitId,
      subjectName: names.get(unitId) ?? '',
      awardCode: 'advanced_labour_collective',
      status: 'accepted',
      conferenceId,
    })),
  );
}

async function unitNames(tx: Tx, unitIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...unitIds]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The covenant the units signed at the conference: one article per field of the year's
 * movements, assessed at the year-end review; the report found the movement uneven between the
 * mass organisations and the khóm, so those articles are partly met.
 */
async function seedCovenant(tx: Tx, ids: DemoIds, conferenceId: string): Promise<string> {
  const [covenant] = await tx
    .insert(emulationCovenants)
    .values({
      orgUnitId: ids.myQuy,
      year: 2023,
      title: 'Giao ước thi đua năm 2023 giữa các ban ngành, đoàn thể và khóm phường Mỹ Quý',
      signedOn: CONFERENCE_DATE,
      documentRef: 'Ký kết tại Hội nghị cán bộ, công chức năm 2023',
      partyOrgUnitIds: Object.values(ids.myQuyUnits),
      conferenceId,
    })
    .returning({ id: emulationCovenants.id });
  const articles: { content: string; indicator: string; assessment: 'met' | 'partly_met' }[] = [
    {
      content: 'Thực hiện đạt và vượt các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2023 được giao.',
      indicator: 'Tỷ lệ chỉ tiêu đạt và vượt',
      assessment: 'met',
    },
    {
      content: 'Giữ vững an ninh chính trị, trật tự an toàn xã hội, trật tự an toàn giao thông trên địa bàn.',
      indicator: 'Không để xảy ra điểm nóng',
      assessment: 'met',
    },
    {
      content:
        'Xây dựng cơ quan, khóm văn hóa; tổ chức các hoạt động văn hóa, thể dục thể thao, vệ sinh môi trường.',
      indicator: 'Số khóm đạt chuẩn văn hóa',
      assessment: 'partly_met',
    },
    {
      content: 'Thực hiện mô hình dân vận khéo; tham gia giúp nhau giảm nghèo, chăm lo gia đình chính sách.',
      indicator: 'Số mô hình dân vận khéo',
      assessment: 'partly_met',
    },
  ];
  await tx.insert(covenantArticles).values(
    articles.map((a, i) => ({
      covenantId: covenant!.id,
      orgUnitId: ids.myQuy,
      position: i + 1,
      content: a.content,
      indicator: a.indicator,
      assessment: a.assessment,
      assessmentNote: a.assessment === 'met' ? 'Đạt theo Báo cáo 184/BC-UBND.' : UNEVEN,
      assessedOn: '2023-12-26',
    })),
  );
  return covenant!.id;
}
