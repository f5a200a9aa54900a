import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AuditActor } from '../platform/audit/audit.ts';
import { queryRows, type Tx } from '../platform/db/client.ts';
import { foldVietnamese, vietnameseNameSortKey } from '../platform/text/index.ts';
import {
  findCouncil,
  insertCouncil,
  listMembers,
  recordPaperSession,
  replaceMembers,
} from '../council/index.ts';
import { createDraft, getDecision, issueDecisionIn, itemsFromNominations } from '../decisions/index.ts';
import { ensureFund, insertFundEntry, listUnpaidRewards } from '../fund/index.ts';
import { insertNominations } from '../nominations/index.ts';
import type { DemoIds } from './seed-demo.ts';

/** What the 2023 demo year holds, for tests and the e2e replay. */
export type Year2023Ids = {
  councilId: string;
  sessionId: string;
  advancedWorkerDecisionId: string;
  collectiveDecisionId: string;
  individualDecisionId: string;
};

const FIELDS = ['an ninh quốc phòng', 'kinh tế', 'giáo dục', 'văn hóa - xã hội', 'dân vận khéo'] as const;
const SIGNER = { signerName: 'Liêu Quốc Bình', signerTitle: 'Chủ tịch Ủy ban nhân dân phường' };
// The demo has no signed scans: a placeholder PDF's hash stands for the office's scan.
const PLACEHOLDER_PDF = Buffer.from('%PDF-1.4\n% Bản ký có dấu (dữ liệu minh họa)\n%%EOF\n', 'utf8');
const PLACEHOLDER_SHA = createHash('sha256').update(PLACEHOLDER_PDF).digest('hex');

/**
 * The seed report's year 2023 for Phường Mỹ Quý (seed/000_3966117c7f4e1eb6.txt): the chairman
 * recognizes 64 "Lao động tiên tiến" of 2022 by one decision; the council meets in December; the
 * chairman gives Giấy khen to 12 collectives and 50 individuals; the reward fund is too small
 * ("Do nguồn thu ngân sách địa phương gặp khó khăn nên ảnh hưởng đến việc chi khen thưởng"), so
 * the Giấy khen stay unpaid. Movements of 2023 belong to the emulation module's demo data.
 */
export async function seedYear2023(tx: Tx, ids: DemoIds): Promise<Year2023Ids> {
  const actor: AuditActor = { userId: null, name: 'tdkt seed' };
  const users = await queryRows<{ id: string; username: string }>(
    tx,
    sql`select id, username from users where username in ('chutich.myquy', 'hoidong.myquy', 'tdkt.myquy')`,
  );
  const userId = (u: string) => users.find((x) => x.username === u)?.id ?? null;
  const unitRows = await queryRows<{ id: string; name: string; code: string; province_code: string }>(
    tx,
    sql`select id, name, code, province_code from org_units where parent_id = ${ids.myQuy} order by code`,
  );
  const people = await queryRows<{ id: string; full_name: string; org_unit_id: string; is_leader: boolean }>(
    tx,
    sql`select id, full_name, org_unit_id, is_leader from people where id in (${sql.join(
      ids.advancedWorker2022.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const ordered = ids.advancedWorker2022.map((i) => byId.get(i)!).filter(Boolean);
  const provinceCode = unitRows[0]?.province_code ?? 'AG';
  const bodyName = 'Ủy ban nhân dân phường Mỹ Quý';

  // The council of 2023: the chairman heads it; unit heads sit on it; the TĐKT officer is secretary.
  const council =
    (await findCouncil(tx, ids.myQuy, 2023)) ??
    (await insertCouncil(tx, {
      orgUnitId: ids.myQuy,
      year: 2023,
      name: 'Hội đồng Thi đua - Khen thưởng phường Mỹ Quý năm 2023',
      establishedBy: 'Quyết định số 05/QĐ-UBND ngày 09/01/2023 của Chủ tịch UBND phường (dữ liệu minh họa)',
    }));
  const leaders = ordered.filter((p) => p.is_leader && p.id !== ids.chairmanPersonId).slice(0, 4);
  await replaceMembers(tx, council.id, ids.myQuy, [
    {
      fullName: 'Liêu Quốc Bình',
      position: 'Chủ tịch UBND phường',
      role: 'chairman',
      personId: ids.chairmanPersonId,
      userId: userId('chutich.myquy'),
    },
    {
      fullName: 'Phạm Văn Khải',
      position: 'Phó Chủ tịch UBND phường',
      role: 'vice_chairman',
      personId: null,
      userId: userId('hoidong.myquy'),
    },
    ...leaders.map((p) => ({
      fullName: p.full_name,
      position: 'Ủy viên',
      role: 'member',
      personId: p.id,
      userId: null,
    })),
    {
      fullName: 'Nguyễn Thị Thu Hà',
      position: 'Công chức phụ trách TĐKT',
      role: 'secretary',
      personId: null,
      userId: userId('tdkt.myquy'),
    },
  ]);
  const members = await listMembers(tx, council.id);

  // The reward fund of 2023: 1 % of recurrent spending from the budget, plus contributions.
  const fund = await ensureFund(tx, ids.myQuy, 2023, 0.01, 3_000_000_000);
  const entry = (
    kind: 'allocation' | 'contribution' | 'movement_expense',
    amount: number,
    entryDate: string,
    note: string,
  ) => insertFundEntry(tx, { fundId: fund.id, orgUnitId: ids.myQuy, kind, amount, entryDate, note });
  await entry(
    'allocation',
    30_000_000,
    '2023-01-10',
    'Dự toán ngân sách phường trích lập quỹ thi đua, khen thưởng năm 2023',
  );
  await entry('contribution', 7_000_000, '2023-03-15', 'Đóng góp của doanh nghiệp trên địa bàn');
  await entry(
    'movement_expense',
    3_500_000,
    '2023-01-20',
    'Hội nghị cán bộ, công chức; phát động phong trào thi đua năm 2023',
  );

  const env = {
    actor,
    isChairman: true,
    bodyName,
    provinceCode,
    capRatio: 0.01,
  };
  const issue = async (
    id: string,
    decisionDate: string,
    officeNumber: number,
    fundOverrideReason: string | null,
  ) => {
    const draft = await getDecision(tx, id);
    return issueDecisionIn(tx, env, draft!, {
      decisionDate,
      ...SIGNER,
      officeNumber,
      signedFileSha256: PLACEHOLDER_SHA,
      signedFileName: `QĐ ${officeNumber}-UBND (bản ký).pdf`,
      fundOverrideReason,
    });
  };

  // January 2023: 64 "Lao động tiên tiến" of 2022 by one decision (Luật TĐKT 2003, Điều 24).
  const ldttId = await createDraft(
    tx,
    { actor },
    ids.myQuy,
    'award',
    {
      year: 2022,
      title: 'Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2022',
      awardCode: 'advanced_worker',
      ...SIGNER,
    },
    ordered.map((p) => ({
      nominationId: null,
      subjectKind: 'individual',
      personId: p.id,
      householdId: null,
      subjectOrgUnitId: null,
      subjectName: p.full_name,
      awardCode: 'advanced_worker',
      field: null,
    })),
    null,
    null,
    null,
  );
  await issue(ldttId, '2023-01-16', 12, null);
  // Paid in February from the fund.
  const ldttUnpaid = await listUnpaidRewards(tx, fund.id);
  for (const u of ldttUnpaid) {
    await insertFundEntry(tx, {
      fundId: fund.id,
      orgUnitId: ids.myQuy,
      kind: 'payment',
      amount: u.amount,
      entryDate: '2023-02-10',
      awardRecordId: u.awardRecordId,
      decisionId: u.decisionId,
    });
  }

  // December 2023: nominations for Giấy khen — 12 collectives, 50 individuals.
  const collectives = unitRows.slice(0, 12);
  const individuals = ordered.filter((p) => p.id !== ids.chairmanPersonId).slice(0, 50);
  const nominationRows = await insertNominations(tx, [
    ...collectives.map((u, k) => ({
      orgUnitId: u.id,
      bodyOrgUnitId: ids.myQuy,
      year: 2023,
      kind: 'regular',
      subjectKind: 'collective',
      subjectOrgUnitId: u.id,
      subjectName: u.name,
      subjectSortKey: foldVietnamese(u.name),
      subjectSearch: foldVietnamese(u.name),
      awardCode: 'commune_certificate_of_merit',
      field: FIELDS[k % FIELDS.length]!,
      achievementSummary: `Có thành tích trong phong trào thi đua lĩnh vực ${FIELDS[k % FIELDS.length]!} năm 2023.`,
      status: 'accepted',
    })),
    ...individuals.map((p, k) => ({
      orgUnitId: p.org_unit_id,
      bodyOrgUnitId: ids.myQuy,
      year: 2023,
      kind: 'regular',
      subjectKind: 'individual',
      personId: p.id,
      subjectName: p.full_name,
      subjectSortKey: vietnameseNameSortKey(p.full_name),
      subjectSearch: foldVietnamese(p.full_name),
      awardCode: 'commune_certificate_of_merit',
      field: FIELDS[k % FIELDS.length]!,
      achievementSummary: `Có thành tích xuất sắc trong phong trào thi đua lĩnh vực ${FIELDS[k % FIELDS.length]!} năm 2023.`,
      status: 'accepted',
    })),
  ]);

  // The council votes on 20/12/2023 with 6 of 7 members present (one absent, opinion in writing).
  const present = members.slice(0, 6).map((m) => m.id);
  const sessionId = await recordPaperSession(tx, actor, {
    councilId: council.id,
    orgUnitId: ids.myQuy,
    provinceCode,
    year: 2023,
    title: 'Phiên họp xét khen thưởng năm 2023',
    heldOn: '2023-12-20',
    location: 'Hội trường UBND phường Mỹ Quý',
    presentMemberIds: present,
    conclusion:
      'Hội đồng thống nhất đề nghị Chủ tịch UBND phường tặng Giấy khen cho 12 tập thể và 50 cá nhân.',
    items: nominationRows.map((n, k) => ({
      nominationId: n.id,
      yes: k % 7 === 3 ? 5 : 6,
      no: k % 7 === 3 ? 1 : 0,
      abstain: 0,
    })),
  });

  const shortOfFunds = 'Nguồn thu ngân sách địa phương gặp khó khăn; chi thưởng khi được bổ sung kinh phí.';
  const collectiveIds = nominationRows.filter((n) => n.subjectKind === 'collective').map((n) => n.id);
  const individualIds = nominationRows.filter((n) => n.subjectKind === 'individual').map((n) => n.id);
  const collectiveDecisionId = await createDraft(
    tx,
    { actor },
    ids.myQuy,
    'award',
    {
      year: 2023,
      title: 'Về việc tặng Giấy khen cho 12 tập thể có thành tích trong phong trào thi đua năm 2023',
      awardCode: 'commune_certificate_of_merit',
      ...SIGNER,
    },
    await itemsFromNominations(tx, ids.myQuy, collectiveIds),
    null,
    null,
    null,
  );
  await issue(collectiveDecisionId, '2023-12-22', 245, shortOfFunds);
  const individualDecisionId = await createDraft(
    tx,
    { actor },
    ids.myQuy,
    'award',
    {
      year: 2023,
      title: 'Về việc tặng Giấy khen cho 50 cá nhân có thành tích trong phong trào thi đua năm 2023',
      awardCode: 'commune_certificate_of_merit',
      ...SIGNER,
    },
    await itemsFromNominations(tx, ids.myQuy, individualIds),
    null,
    null,
    null,
  );
  await issue(individualDecisionId, '2023-12-22', 246, shortOfFunds);

  return {
    councilId: council.id,
    sessionId,
    advancedWorkerDecisionId: ldttId,
    collectiveDecisionId,
    individualDecisionId,
  };
}
