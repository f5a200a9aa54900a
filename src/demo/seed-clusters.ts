import { inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/client.ts';
import { insertUser } from '../platform/auth/users.repository.ts';
import { orgUnits } from '../organizations/index.ts';
import { clusterCovenants, clusterCriteriaTables, clusterYears } from '../clusters/index.ts';
import type { CriteriaTable } from '../clusters/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed-demo.ts';

/** Officer accounts of the cluster's other wards (Mỹ Bình, Mỹ Long, Mỹ Xuyên). */
export const CLUSTER_ACCOUNTS = [
  { username: 'tdkt.mybinh', displayName: 'Trần Thị Ngọc Lan', code: 'MB' },
  { username: 'tdkt.mylong', displayName: 'Nguyễn Văn Phúc', code: 'ML' },
  { username: 'tdkt.myxuyen', displayName: 'Huỳnh Thị Kim Ngân', code: 'MX' },
] as const;

/**
 * The 2023 cluster's criteria table as demo data: 100 points in four groups, a bonus and a
 * penalty item. Illustrative — An Giang's own scoring table was not read (legal-brief §9).
 */
export const DEMO_CRITERIA_2023: CriteriaTable = {
  maxTotal: 100,
  groups: [
    {
      id: 'A',
      title: 'Công tác chỉ đạo, tổ chức phong trào thi đua',
      maxPoints: 30,
      items: [
        {
          id: 'A1',
          title: 'Ban hành kế hoạch, phát động phong trào thi đua năm',
          maxPoints: 10,
          kind: 'standard',
          evidenceRequired: true,
        },
        {
          id: 'A2',
          title: 'Tổ chức ký kết giao ước thi đua, đăng ký danh hiệu',
          maxPoints: 10,
          kind: 'standard',
          evidenceRequired: true,
        },
        {
          id: 'A3',
          title: 'Sơ kết, tổng kết, nhân rộng điển hình tiên tiến',
          maxPoints: 10,
          kind: 'standard',
          evidenceRequired: false,
        },
      ],
    },
    {
      id: 'B',
      title: 'Thực hiện chỉ tiêu phát triển kinh tế - xã hội',
      maxPoints: 40,
      items: [
        {
          id: 'B1',
          title: 'Hoàn thành chỉ tiêu thu ngân sách',
          maxPoints: 15,
          kind: 'standard',
          evidenceRequired: true,
        },
        {
          id: 'B2',
          title: 'Xây dựng đô thị văn minh, gia đình văn hóa',
          maxPoints: 15,
          kind: 'standard',
          evidenceRequired: false,
        },
        {
          id: 'B3',
          title: 'Bảo đảm an ninh, trật tự trên địa bàn',
          maxPoints: 10,
          kind: 'standard',
          evidenceRequired: false,
        },
      ],
    },
    {
      id: 'C',
      title: 'Công tác khen thưởng',
      maxPoints: 20,
      items: [
        {
          id: 'C1',
          title: 'Khen thưởng đúng quy trình, thời hạn (Luật TĐKT 2022)',
          maxPoints: 10,
          kind: 'standard',
          evidenceRequired: true,
        },
        {
          id: 'C2',
          title: 'Quản lý, sử dụng quỹ thi đua, khen thưởng',
          maxPoints: 10,
          kind: 'standard',
          evidenceRequired: false,
        },
      ],
    },
    {
      id: 'D',
      title: 'Chế độ thông tin, báo cáo; điểm thưởng, điểm trừ',
      maxPoints: 10,
      items: [
        {
          id: 'D1',
          title: 'Gửi báo cáo đúng hạn, đầy đủ',
          maxPoints: 10,
          kind: 'standard',
          evidenceRequired: false,
        },
        {
          id: 'D2',
          title: 'Điểm thưởng: mô hình mới, sáng kiến được nhân rộng',
          maxPoints: 5,
          kind: 'bonus',
          evidenceRequired: true,
        },
        {
          id: 'D3',
          title: 'Điểm trừ: để xảy ra khiếu kiện đông người, vi phạm bị xử lý',
          maxPoints: 10,
          kind: 'penalty',
          evidenceRequired: false,
        },
      ],
    },
  ],
};

/**
 * Demo data of the cluster issue (issue 6): the officers of the three wards that had no account,
 * and the 2023 cluster's covenant and criteria table. Called at the end of the demo seed, in its
 * transaction.
 */
export async function seedClusters(tx: Tx, clusterId: string, headId: string): Promise<void> {
  const wards = await tx
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.code, ['DX', 'MQ', 'MB', 'ML', 'MX']));
  const idOf = (code: string) => {
    const w = wards.find((x) => x.code === code);
    if (!w) throw new Error(`demo ward ${code} missing`);
    return w.id;
  };
  for (const a of CLUSTER_ACCOUNTS) {
    await insertUser(tx, {
      username: a.username,
      displayName: a.displayName,
      roles: ['officer'],
      orgUnitId: idOf(a.code),
      password: DEMO_PASSWORD,
      totpSecret: DEMO_TOTP_SECRET,
    });
  }
  const chairs: Record<string, string> = {
    DX: 'Trần Văn Bình',
    MQ: 'Liêu Quốc Bình',
    MB: 'Lê Hoàng Nam',
    ML: 'Phan Thị Thu',
    MX: 'Đặng Minh Trí',
  };
  await tx.insert(clusterCovenants).values({
    clusterId,
    orgUnitId: headId,
    title: 'Giao ước thi đua Cụm thi đua xã, phường thành phố Long Xuyên năm 2023',
    signedOn: '2023-02-15',
    place: 'Đông Xuyên',
    documentRef: null,
    articles: [
      {
        no: 1,
        text: 'Thi đua hoàn thành và vượt các chỉ tiêu phát triển kinh tế - xã hội năm 2023 do HĐND phường giao.',
        indicator: 'Tỷ lệ chỉ tiêu đạt và vượt',
        target: '100%',
      },
      {
        no: 2,
        text: 'Thi đua thực hiện tốt cải cách hành chính, chuyển đổi số trong giải quyết thủ tục hành chính.',
        indicator: 'Hồ sơ giải quyết đúng hạn',
        target: '≥ 98%',
      },
      {
        no: 3,
        text: 'Thi đua xây dựng đô thị văn minh; gia đình văn hóa, khóm văn hóa.',
        indicator: 'Hộ đạt gia đình văn hóa',
        target: '≥ 95%',
      },
      {
        no: 4,
        text: 'Thực hiện đúng quy trình, thời hạn khen thưởng; gửi báo cáo cụm đúng hạn.',
        indicator: 'Báo cáo đúng hạn',
        target: '100%',
      },
    ],
    signatories: (['DX', 'MQ', 'MB', 'ML', 'MX'] as const).map((c) => ({
      orgUnitId: idOf(c),
      signerName: chairs[c]!,
      position: `Chủ tịch UBND ${wards.find((w) => w.code === c)!.name.replace('Phường', 'phường')}`,
    })),
  });
  // The head's request letter that the seed report names as its căn cứ ("Căn cứ Công văn số
  // 455/UBND-NV ngày 25/12/2023 của Ủy ban nhân dân phường Đông Xuyên … về việc thực hiện bình xét
  // thi đua, khen thưởng Cụm thi đua xã, phường năm 2023"). No deadlines: the year is not started.
  await tx.insert(clusterYears).values({
    clusterId,
    orgUnitId: headId,
    requestLetterNumber: '455/UBND-NV',
    requestLetterDate: '2023-12-25',
    requestLetterSummary: 'thực hiện bình xét thi đua, khen thưởng Cụm thi đua xã, phường năm 2023',
  });
  await tx.insert(clusterCriteriaTables).values({
    clusterId,
    orgUnitId: headId,
    maxTotal: DEMO_CRITERIA_2023.maxTotal,
    groups: DEMO_CRITERIA_2023.groups,
  });
}
