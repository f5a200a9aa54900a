import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { insertPeople } from '../src/people/index.ts';
import type { TestApp } from './support/test-app.ts';

const NAMES = ['Trần Thị Ánh', 'Nguyễn Văn Bảo', 'Lê Thị Cúc', 'Phạm Minh Đức', 'Võ Thị Én'];

/**
 * The nominations tests' own people (five staff of the ward office rated "good" for 2022 and 2023,
 * and the head of the women's union), and demo units read by code. The ids file and the template
 * of the shared test folder can come from different runs, and the demo people change while the
 * demo data is being extended, so the tests do not lean on them.
 */
export async function demoWorld(t: TestApp) {
  const db = t.database.db;
  const units = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from org_units where code like 'MQ%'`,
  );
  const byCode = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`demo unit ${code} missing`);
    return u.id;
  };
  const myQuy = byCode('MQ');
  const office = byCode('MQ-VP');
  const women = byCode('MQ-PN');
  return db.transaction(async (tx) => {
    const ids = await insertPeople(tx, [
      ...NAMES.map((fullName, i) => ({
        code: `AG-97${String(i).padStart(4, '0')}`,
        fullName,
        gender: i % 2 ? 'male' : 'female',
        orgUnitId: office,
        staffCategory: 'civil_servant',
        provinceCode: 'AG',
        startDate: '2015-01-01',
      })),
      {
        code: 'AG-979999',
        fullName: 'Huỳnh Thị Giang',
        gender: 'female',
        orgUnitId: women,
        staffCategory: 'cadre',
        isLeader: true,
        provinceCode: 'AG',
        startDate: '2015-01-01',
      },
    ]);
    for (const id of ids) {
      await tx.execute(sql`insert into ratings (person_id, year, rating, org_unit_id)
                           values (${id}, 2022, 'good', ${office}), (${id}, 2023, 'good', ${office})`);
    }
    // One of them an excellent 2022 with a recognised initiative: a "Chiến sĩ thi đua cơ sở".
    await tx.execute(
      sql`update ratings set rating = 'excellent' where person_id = ${ids[4]!} and year = 2022`,
    );
    await tx.execute(sql`insert into initiatives (person_id, title, scope, recognized_on)
                         values (${ids[4]!}, 'Số hóa hồ sơ một cửa', 'grassroots', '2022-06-01')`);
    const staff = ids.slice(0, NAMES.length).map((id, i) => ({ id, full_name: NAMES[i]! }));
    return { myQuy, office, women, staff, womenHead: ids[NAMES.length]! };
  });
}
