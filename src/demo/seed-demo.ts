import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { insertUser } from '../platform/auth/users.repository.ts';
import type { Role } from '../platform/auth/roles.ts';
import { closeOrgUnits, insertCluster, insertOrgEvent, insertOrgUnit } from '../organizations/index.ts';
import { carryEmployments, insertPeople, type NewPerson } from '../people/index.ts';
import { absences, disciplines, households, ratings } from '../people/index.ts';
import { prng, randomName } from './names.ts';
import { seedYear2023 } from './seed-year-2023.ts';
import { seedMovements2023 } from './seed-movements-2023.ts';
import { seedClusters } from './seed-clusters.ts';

/** Every demo account uses this password (README); production starts create none. */
export const DEMO_PASSWORD = 'tdkt-demo-2023';
/** Known TOTP secret of the demo accounts, so tests and demos can pass the second factor. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export type DemoAccount = { username: string; role: Role; unit: string; description: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'quantri', role: 'admin', unit: 'Tỉnh An Giang', description: 'Quản trị hệ thống' },
  { username: 'tdkt.myquy', role: 'officer', unit: 'Phường Mỹ Quý', description: 'Cán bộ phụ trách TĐKT' },
  {
    username: 'truongdonvi.myquy',
    role: 'unit_head',
    unit: 'Hội LHPN phường Mỹ Quý',
    description: 'Thủ trưởng đơn vị',
  },
  {
    username: 'hoidong.myquy',
    role: 'council_member',
    unit: 'Phường Mỹ Quý',
    description: 'Thành viên Hội đồng TĐKT',
  },
  {
    username: 'chutich.myquy',
    role: 'chairman',
    unit: 'Phường Mỹ Quý',
    description: 'Chủ tịch UBND phường (Liêu Quốc Bình)',
  },
  {
    username: 'canbo.myquy',
    role: 'staff',
    unit: 'Phường Mỹ Quý',
    description: 'Cán bộ, công chức (xem hồ sơ của mình)',
  },
  {
    username: 'captren.longxuyen',
    role: 'superior_viewer',
    unit: 'TP Long Xuyên',
    description: 'Cấp trên (chỉ xem)',
  },
  {
    username: 'tdkt.dongxuyen',
    role: 'officer',
    unit: 'Phường Đông Xuyên',
    description: 'Cán bộ TĐKT phường trưởng cụm',
  },
  {
    username: 'tdkt.longxuyen',
    role: 'officer',
    unit: 'Phường Long Xuyên (từ 01/07/2025)',
    description: 'Cán bộ TĐKT phường mới',
  },
];

/** The 2025 two-tier reform: the district level ends and six wards merge (legal-brief §11). */
export const REFORM_DATE = '2025-07-01';

export type DemoIds = {
  province: string;
  city: string;
  myQuy: string;
  dongXuyen: string;
  longXuyen: string;
  myQuyUnits: Record<string, string>;
  chairmanPersonId: string;
  /** Officials of Mỹ Quý whose 2022 facts qualify them as "Lao động tiên tiến" (64). */
  advancedWorker2022: string[];
  /** Officials of Mỹ Quý who do not qualify for 2022, with the reason. */
  notQualified2022: { personId: string; reason: string }[];
  clusterId: string;
};

type Unit = { code: string; name: string; kind: string; staff: number };

const MY_QUY_UNITS: readonly Unit[] = [
  { code: 'MQ-VP', name: 'Văn phòng HĐND - UBND phường Mỹ Quý', kind: 'agency', staff: 14 },
  { code: 'MQ-KT', name: 'Bộ phận Kinh tế - Hạ tầng - Đô thị', kind: 'agency', staff: 8 },
  { code: 'MQ-VX', name: 'Bộ phận Văn hóa - Xã hội', kind: 'agency', staff: 8 },
  { code: 'MQ-TP', name: 'Bộ phận Tư pháp - Hộ tịch', kind: 'agency', staff: 5 },
  { code: 'MQ-QS', name: 'Ban Chỉ huy Quân sự phường Mỹ Quý', kind: 'agency', staff: 5 },
  { code: 'MQ-MT', name: 'Ủy ban MTTQ Việt Nam phường Mỹ Quý', kind: 'mass_organization', staff: 5 },
  { code: 'MQ-PN', name: 'Hội LHPN phường Mỹ Quý', kind: 'mass_organization', staff: 4 },
  { code: 'MQ-DTN', name: 'Đoàn TNCS Hồ Chí Minh phường Mỹ Quý', kind: 'mass_organization', staff: 4 },
  { code: 'MQ-CCB', name: 'Hội Cựu chiến binh phường Mỹ Quý', kind: 'mass_organization', staff: 3 },
  { code: 'MQ-CD', name: 'Công đoàn cơ sở phường Mỹ Quý', kind: 'mass_organization', staff: 1 },
  { code: 'MQ-K1', name: 'Khóm Đông Thạnh', kind: 'neighbourhood', staff: 3 },
  { code: 'MQ-K2', name: 'Khóm Đông Thịnh 1', kind: 'neighbourhood', staff: 3 },
  { code: 'MQ-K3', name: 'Khóm Đông Thịnh 2', kind: 'neighbourhood', staff: 3 },
  { code: 'MQ-K4', name: 'Khóm Thới Hòa', kind: 'neighbourhood', staff: 3 },
  { code: 'MQ-K5', name: 'Khóm Thới An', kind: 'neighbourhood', staff: 3 },
];

const OTHER_WARDS = [
  { code: 'DX', name: 'Phường Đông Xuyên', place: 'Đông Xuyên' },
  { code: 'MB', name: 'Phường Mỹ Bình', place: 'Mỹ Bình' },
  { code: 'ML', name: 'Phường Mỹ Long', place: 'Mỹ Long' },
  { code: 'MX', name: 'Phường Mỹ Xuyên', place: 'Mỹ Xuyên' },
  { code: 'MP', name: 'Phường Mỹ Phước', place: 'Mỹ Phước' },
];

function categoryFor(kind: string, i: number): NewPerson['staffCategory'] {
  if (kind === 'neighbourhood') return 'part_time_official';
  if (kind === 'mass_organization') return i === 0 ? 'cadre' : 'part_time_official';
  return i % 5 === 4 ? 'worker' : 'civil_servant';
}

/**
 * Loads the demo world from the seed report (issue 2, item 10): An Giang → TP Long Xuyên →
 * Phường Mỹ Quý with its agencies, mass organizations and khóm; ≥ 70 officials of whom exactly
 * 64 qualify as "Lao động tiên tiến" for 2022; the 2023 cluster headed by Đông Xuyên; and the
 * 2025 merge into Phường Long Xuyên. One transaction: all of it or nothing.
 */
export async function seedDemo(db: Db): Promise<DemoIds> {
  return db.transaction(async (tx) => seedDemoIn(tx));
}

async function seedDemoIn(tx: Tx): Promise<DemoIds> {
  const rand = prng(20231226);
  const province = await insertOrgUnit(tx, {
    code: 'AG',
    name: 'Tỉnh An Giang',
    kind: 'province',
    parentId: null,
    validFrom: '1976-02-20',
    placeName: 'An Giang',
  });
  const city = await insertOrgUnit(tx, {
    code: 'LX',
    name: 'Thành phố Long Xuyên',
    kind: 'district',
    parentId: province.id,
    validFrom: '1999-03-01',
    placeName: 'Long Xuyên',
  });
  const myQuy = await insertOrgUnit(tx, {
    code: 'MQ',
    name: 'Phường Mỹ Quý',
    kind: 'ward',
    parentId: city.id,
    validFrom: '1999-03-01',
    placeName: 'Mỹ Quý',
    memberCount: 72,
  });
  const wards: Record<string, string> = { MQ: myQuy.id };
  for (const w of OTHER_WARDS) {
    const row = await insertOrgUnit(tx, {
      code: w.code,
      name: w.name,
      kind: 'ward',
      parentId: city.id,
      validFrom: '1999-03-01',
      placeName: w.place,
    });
    wards[w.code] = row.id;
  }
  const myQuyUnits: Record<string, string> = {};
  for (const u of MY_QUY_UNITS) {
    const row = await insertOrgUnit(tx, {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: myQuy.id,
      validFrom: '2015-01-01',
    });
    myQuyUnits[u.code] = row.id;
  }

  // Officials of Mỹ Quý. The chairman first; then each unit's staff.
  const list: NewPerson[] = [];
  const meta: { unitCode: string; startDate: string }[] = [];
  const add = (p: Omit<NewPerson, 'code' | 'provinceCode'>, unitCode: string) => {
    list.push({ ...p, code: '', provinceCode: 'AG' });
    meta.push({ unitCode, startDate: p.startDate });
  };
  add(
    {
      fullName: 'Liêu Quốc Bình',
      gender: 'male',
      birthDate: '1975-08-19',
      citizenId: '089075004512',
      orgUnitId: myQuyUnits['MQ-VP']!,
      position: 'Chủ tịch UBND phường',
      staffCategory: 'cadre',
      isLeader: true,
      startDate: '2016-07-01',
    },
    'MQ-VP',
  );
  let serial = 0;
  for (const u of MY_QUY_UNITS) {
    const count = u.code === 'MQ-VP' ? u.staff - 1 : u.staff;
    for (let i = 0; i < count; i++) {
      serial++;
      const gender = rand() < 0.45 ? 'female' : 'male';
      const year = 1965 + Math.floor(rand() * 35);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      add(
        {
          fullName: randomName(rand, gender),
          gender,
          birthDate: `${year}-${pad(month)}-${pad(day)}`,
          citizenId: `0891${String(year).slice(2)}${String(100000 + serial * 7919).slice(-6)}`,
          orgUnitId: myQuyUnits[u.code]!,
          position:
            i === 0
              ? u.kind === 'neighbourhood'
                ? 'Trưởng khóm'
                : u.kind === 'mass_organization'
                  ? 'Chủ tịch'
                  : 'Trưởng bộ phận'
              : u.kind === 'neighbourhood'
                ? 'Phó trưởng khóm'
                : 'Chuyên viên',
          staffCategory: categoryFor(u.kind, i),
          isLeader: i === 0,
          startDate: `${2005 + Math.floor(rand() * 15)}-${pad(1 + Math.floor(rand() * 12))}-01`,
        },
        u.code,
      );
    }
  }
  for (let i = 0; i < list.length; i++) {
    list[i]!.code = `AG-${String(i + 1).padStart(6, '0')}`;
  }
  const ids = await insertPeople(tx, list);
  const people = list.map((p, i) => ({ ...p, id: ids[i]! }));

  // 2022 facts: 64 qualify as LĐTT; eight do not, each for one reason the rules must find.
  // Old regime (decision early 2023): Luật TĐKT 2003, Điều 24; NĐ 91/2017, Điều 8–9.
  const notQualified: { personId: string; reason: string }[] = [];
  const reasons = [
    'not_completed',
    'not_completed',
    'not_completed',
    'reprimand',
    'warning',
    'new_hire',
    'new_hire',
    'pending',
  ] as const;
  // The last eight officials of the neighbourhoods and mass organizations carry the disqualifiers.
  const disqualified = people.slice(-reasons.length);
  const ratingRows: (typeof ratings.$inferInsert)[] = [];
  for (const p of people) {
    const idx = disqualified.findIndex((d) => d.id === p.id);
    const reason = idx >= 0 ? reasons[idx] : undefined;
    const r2022 =
      reason === 'not_completed' ? 'not_completed' : p.isLeader || rand() < 0.3 ? 'excellent' : 'good';
    ratingRows.push({ personId: p.id, orgUnitId: p.orgUnitId, year: 2022, rating: r2022 });
    ratingRows.push({
      personId: p.id,
      orgUnitId: p.orgUnitId,
      year: 2023,
      rating: rand() < 0.35 ? 'excellent' : 'good',
    });
    ratingRows.push({
      personId: p.id,
      orgUnitId: p.orgUnitId,
      year: 2021,
      rating: rand() < 0.3 ? 'excellent' : 'good',
    });
    if (reason) notQualified.push({ personId: p.id, reason });
  }
  await tx.insert(ratings).values(ratingRows);
  const byReason = (r: string) => notQualified.filter((n) => n.reason === r).map((n) => n.personId);
  for (const personId of byReason('reprimand')) {
    await tx.insert(disciplines).values({
      personId,
      form: 'reprimand',
      decidedOn: '2022-05-10',
      fromDate: '2022-05-10',
      toDate: '2023-05-09',
    });
  }
  for (const personId of byReason('warning')) {
    await tx.insert(disciplines).values({
      personId,
      form: 'warning',
      decidedOn: '2022-09-15',
      fromDate: '2022-09-15',
      toDate: '2023-09-14',
    });
  }
  for (const personId of byReason('pending')) {
    await tx
      .insert(disciplines)
      .values({ personId, form: 'reprimand', pending: true, note: 'Đang xem xét kỷ luật' });
  }
  for (const personId of byReason('new_hire')) {
    // Hired on 01/06/2022: seven months in 2022, under the ten the old regime requires.
    await tx.execute(sql`update employments set start_date = '2022-06-01' where person_id = ${personId}`);
  }
  // A maternity leave that still leaves a full year of work counted (NĐ 91/2017, Điều 9).
  const mother = people.find(
    (p) => p.gender === 'female' && !disqualified.some((d) => d.id === p.id) && !p.isLeader,
  );
  if (mother) {
    await tx
      .insert(absences)
      .values({ personId: mother.id, kind: 'maternity', fromDate: '2022-03-01', toDate: '2022-08-31' });
  }
  const qualified = people.filter((p) => !disqualified.some((d) => d.id === p.id)).map((p) => p.id);

  // Households of the khóm (for "Gia đình văn hóa").
  const hh: (typeof households.$inferInsert)[] = [];
  for (const code of ['MQ-K1', 'MQ-K2', 'MQ-K3', 'MQ-K4', 'MQ-K5']) {
    for (let i = 1; i <= 4; i++) {
      hh.push({
        code: `${code}-HGD-${i}`,
        headName: randomName(rand, rand() < 0.5 ? 'male' : 'female'),
        address: `Số ${10 + i * 7}, ${MY_QUY_UNITS.find((u) => u.code === code)!.name}`,
        orgUnitId: myQuyUnits[code]!,
      });
    }
  }
  await tx.insert(households).values(hh);

  // A few officials of the other wards, so scope tests have someone to not see.
  const others: NewPerson[] = [];
  for (const w of OTHER_WARDS) {
    for (let i = 0; i < 6; i++) {
      const gender = rand() < 0.5 ? 'female' : 'male';
      others.push({
        code: '',
        fullName: i === 0 && w.code === 'DX' ? 'Trần Văn Bình' : randomName(rand, gender),
        gender,
        orgUnitId: wards[w.code]!,
        position: i === 0 ? 'Chủ tịch UBND phường' : 'Công chức',
        staffCategory: i === 0 ? 'cadre' : 'civil_servant',
        isLeader: i === 0,
        provinceCode: 'AG',
        startDate: '2018-01-01',
      });
    }
  }
  others.forEach((o, i) => (o.code = `AG-${String(people.length + i + 1).padStart(6, '0')}`));
  await insertPeople(tx, others);

  // The 2023 cluster of wards, headed by Đông Xuyên (seed: Công văn 455/UBND-NV).
  const clusterId = await insertCluster(tx, {
    name: 'Cụm thi đua xã, phường thành phố Long Xuyên',
    year: 2023,
    organiserId: city.id,
    headId: wards.DX!,
    deputyId: wards.MQ!,
    memberIds: [wards.DX!, wards.MQ!, wards.MB!, wards.ML!, wards.MX!],
  });

  // 2025 reform: districts abolished, six wards merged into Phường Long Xuyên under the province.
  const longXuyen = await insertOrgUnit(tx, {
    code: 'LXW',
    name: 'Phường Long Xuyên',
    kind: 'ward',
    parentId: province.id,
    validFrom: REFORM_DATE,
    placeName: 'Long Xuyên',
  });
  const mergedWards = ['MQ', 'DX', 'MB', 'ML', 'MX', 'MP'].map((c) => wards[c]!);
  const allClosed = [city.id, ...mergedWards, ...Object.values(myQuyUnits)];
  await closeOrgUnits(tx, allClosed, REFORM_DATE);
  for (const w of mergedWards) {
    await insertOrgEvent(tx, {
      kind: 'merge',
      effectiveDate: REFORM_DATE,
      predecessorId: w,
      successorId: longXuyen.id,
      legalBasis:
        'Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã tỉnh An Giang năm 2025 (dữ liệu minh họa)',
    });
  }
  await carryEmployments(tx, [...mergedWards, ...Object.values(myQuyUnits)], longXuyen.id, REFORM_DATE);

  // Accounts, one per role (README).
  const chairman = people[0]!;
  const staffPerson = people.find((p) => !p.isLeader && qualified.includes(p.id))!;
  const lhpnHead = people.find((p) => p.orgUnitId === myQuyUnits['MQ-PN'] && p.isLeader)!;
  const accounts: {
    username: string;
    displayName: string;
    roles: Role[];
    orgUnitId: string;
    personId?: string;
  }[] = [
    { username: 'quantri', displayName: 'Quản trị hệ thống', roles: ['admin'], orgUnitId: province.id },
    { username: 'tdkt.myquy', displayName: 'Nguyễn Thị Thu Hà', roles: ['officer'], orgUnitId: myQuy.id },
    {
      username: 'truongdonvi.myquy',
      displayName: lhpnHead.fullName,
      roles: ['unit_head'],
      orgUnitId: myQuyUnits['MQ-PN']!,
      personId: lhpnHead.id,
    },
    {
      username: 'hoidong.myquy',
      displayName: 'Phạm Văn Khải',
      roles: ['council_member'],
      orgUnitId: myQuy.id,
    },
    {
      username: 'chutich.myquy',
      displayName: 'Liêu Quốc Bình',
      roles: ['chairman', 'council_member'],
      orgUnitId: myQuy.id,
      personId: chairman.id,
    },
    {
      username: 'canbo.myquy',
      displayName: staffPerson.fullName,
      roles: ['staff'],
      orgUnitId: myQuy.id,
      personId: staffPerson.id,
    },
    {
      username: 'captren.longxuyen',
      displayName: 'Phòng Nội vụ TP Long Xuyên',
      roles: ['superior_viewer'],
      orgUnitId: city.id,
    },
    { username: 'tdkt.dongxuyen', displayName: 'Lê Thị Mỹ Dung', roles: ['officer'], orgUnitId: wards.DX! },
    { username: 'tdkt.longxuyen', displayName: 'Võ Thanh Tâm', roles: ['officer'], orgUnitId: longXuyen.id },
  ];
  for (const a of accounts) {
    await insertUser(tx, { ...a, password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET });
  }

  await writeAudit(
    tx,
    { userId: null, name: 'tdkt seed' },
    {
      chain: 'system',
      action: 'demo.seed',
      entity: 'system',
      after: {
        orgUnits: 3 + OTHER_WARDS.length + MY_QUY_UNITS.length + 1,
        people: people.length + others.length,
        accounts: accounts.length,
      },
    },
  );

  await seedClusters(tx, clusterId, wards.DX!);

  const demoIds: DemoIds = {
    province: province.id,
    city: city.id,
    myQuy: myQuy.id,
    dongXuyen: wards.DX!,
    longXuyen: longXuyen.id,
    myQuyUnits,
    chairmanPersonId: chairman.id,
    advancedWorker2022: qualified,
    notQualified2022: notQualified,
    clusterId,
  };
  await seedMovements2023(tx, demoIds);
  await seedYear2023(tx, demoIds);
  return demoIds;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
