import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/client.ts';
import { insertOrgUnit } from '../src/organizations/index.ts';

export type SyntheticProvince = {
  districtId: string;
  wardIds: string[];
  people: number;
  awards: number;
  nominations: number;
};

/**
 * A synthetic province for the dashboard benchmark (issue 7): one district under An Giang with
 * `wards` wards of 10 units each, `peoplePerUnit` people per unit (100 × 10 × 60 = 60,000), their
 * employments, and 10 years (2014–2023) of award records and nominations: about one person in ten
 * recognized LĐTT each year, one in thirty given a Giấy khen, a third of the units given a
 * collective Giấy khen, one in twenty nominated. Rows are made set-based in SQL, so loading takes
 * seconds, not minutes; the spread is deterministic (hash of id and year).
 */
export async function loadSyntheticProvince(
  database: Database,
  provinceId: string,
  wards = 100,
  peoplePerUnit = 60,
): Promise<SyntheticProvince> {
  const db = database.db;
  const district = await insertOrgUnit(db, {
    code: 'SY',
    name: 'Huyện Tổng Hợp',
    kind: 'district',
    parentId: provinceId,
    validFrom: '2000-01-01',
  });
  const wardIds: string[] = [];
  const kinds = [
    'agency',
    'agency',
    'agency',
    'agency',
    'mass_organization',
    'mass_organization',
    'mass_organization',
    'neighbourhood',
    'neighbourhood',
    'neighbourhood',
  ];
  for (let w = 0; w < wards; w++) {
    const ward = await insertOrgUnit(db, {
      code: `SY-${w}`,
      name: `Phường Tổng Hợp ${w + 1}`,
      kind: 'ward',
      parentId: district.id,
      validFrom: '2000-01-01',
    });
    wardIds.push(ward.id);
    for (let u = 0; u < kinds.length; u++) {
      await insertOrgUnit(db, {
        code: `SY-${w}-U${u}`,
        name: `Đơn vị ${u + 1} phường ${w + 1}`,
        kind: kinds[u]!,
        parentId: ward.id,
        validFrom: '2000-01-01',
      });
    }
  }
  await db.execute(sql`
    insert into people (code, full_name, name_sort_key, name_search, gender, org_unit_id, staff_category, is_leader, province_code)
    select 'SY-' || lpad(((u.rn - 1) * ${peoplePerUnit} + g)::text, 7, '0'), 'Người thử ' || ((u.rn - 1) * ${peoplePerUnit} + g),
      'nguoi thu ' || ((u.rn - 1) * ${peoplePerUnit} + g), 'nguoi thu ' || ((u.rn - 1) * ${peoplePerUnit} + g),
      case when g % 9 < 4 then 'female' else 'male' end, u.id,
      (array['cadre','civil_servant','civil_servant','part_time_official','worker'])[1 + g % 5], g % 12 = 0, 'AG'
    from (select id, row_number() over (order by code) as rn from org_units where code like 'SY-%-U%') u
    cross join generate_series(1, ${peoplePerUnit}) g`);
  await db.execute(sql`
    insert into employments (person_id, org_unit_id, staff_category, start_date)
    select id, org_unit_id, staff_category, '2010-01-01' from people where code like 'SY-%'`);
  await db.execute(sql`
    insert into award_records (subject_kind, person_id, org_unit_id, issuer_org_unit_id, year, award_code, field,
      decision_number, decision_date, amount, source)
    select 'individual', p.id, p.org_unit_id, u.parent_id, y, a.code, a.field,
      '1/QĐ-UBND', case when a.code = 'advanced_worker' then make_date(y + 1, 1, 15) else make_date(y, 12, 20) end,
      case when a.code = 'advanced_worker' then null else 180000 end, 'imported'
    from people p join org_units u on u.id = p.org_unit_id
    cross join generate_series(2013, 2023) y
    cross join (values ('advanced_worker', null::text, 10), ('commune_certificate_of_merit', 'Kinh tế', 30)) a(code, field, every)
    where p.code like 'SY-%' and abs(hashtext(p.id::text || y::text || a.code)) % a.every = 0`);
  await db.execute(sql`
    insert into award_records (subject_kind, org_unit_id, issuer_org_unit_id, year, award_code, field, decision_number,
      decision_date, amount, source)
    select 'collective', u.id, u.parent_id, y, 'commune_certificate_of_merit', 'Văn hóa - Xã hội', '2/QĐ-UBND',
      make_date(y, 12, 20), 360000, 'imported'
    from org_units u cross join generate_series(2014, 2023) y
    where u.code like 'SY-%-U%' and abs(hashtext(u.id::text || y::text)) % 3 = 0`);
  await db.execute(sql`
    insert into nominations (org_unit_id, body_org_unit_id, year, kind, subject_kind, person_id, subject_name,
      subject_sort_key, subject_search, award_code, status)
    select p.org_unit_id, u.parent_id, y, 'regular', 'individual', p.id, p.full_name, p.name_sort_key, p.name_search,
      'commune_certificate_of_merit', case when y = 2023 then 'submitted' else 'decided' end
    from people p join org_units u on u.id = p.org_unit_id cross join generate_series(2014, 2023) y
    where p.code like 'SY-%' and abs(hashtext(p.id::text || y::text || 'n')) % 20 = 0`);
  // A live database is vacuumed by autovacuum: without it, straight after a bulk load, the
  // visibility map is empty and the dashboards' index-only scans fetch every row from the heap.
  await db.execute(sql`vacuum analyze award_records`);
  await db.execute(sql`analyze`);
  const count = async (q: string) => Number((await database.query<{ n: string }>(q))[0]!.n);
  return {
    districtId: district.id,
    wardIds,
    people: await count(`select count(*) as n from people where code like 'SY-%'`),
    awards: await count(`select count(*) as n from award_records where source = 'imported'`),
    nominations: await count(`select count(*) as n from nominations where subject_search like 'nguoi thu%'`),
  };
}
