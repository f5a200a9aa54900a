import { sql } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import type { Db } from '../platform/db/client.ts';
import { queryRows } from '../platform/db/client.ts';
import {
  GENDER_OPTIONS,
  STAFF_CATEGORY_OPTIONS,
  writeXlsxToStream,
  type ExportColumn,
} from '../platform/xlsx/index.ts';

const label = <V extends string>(options: readonly { label: string; value: V }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

/** The export has the import template's headers, so an edited export re-imports as is. */
const COLUMNS: ExportColumn<string>[] = [
  { key: 'personCode', header: 'Mã cán bộ', type: 'text' },
  { key: 'fullName', header: 'Họ và tên', type: 'text', width: 28 },
  { key: 'gender', header: 'Giới tính', type: 'text' },
  { key: 'birthDate', header: 'Ngày sinh', type: 'date' },
  { key: 'citizenId', header: 'Số CCCD', type: 'text', width: 16 },
  { key: 'unitCode', header: 'Mã đơn vị', type: 'text' },
  { key: 'position', header: 'Chức vụ', type: 'text', width: 28 },
  { key: 'staffCategory', header: 'Đối tượng', type: 'text', width: 24 },
  { key: 'startDate', header: 'Ngày bắt đầu công tác tại đơn vị', type: 'date' },
];

type Row = {
  code: string;
  full_name: string;
  gender: string;
  birth_date: string | null;
  citizen_id: string | null;
  unit_code: string;
  position: string | null;
  staff_category: string;
  start_date: string | null;
};

/** Streams the people of the given units to an .xlsx, paged by keyset so memory stays flat. */
export async function exportPeople(db: Db, orgUnitIds: readonly string[], out: Writable): Promise<number> {
  let count = 0;
  const units = `{${orgUnitIds.join(',')}}`;
  async function* rows() {
    let after: [string, string] | null = null;
    for (;;) {
      const page: (Row & { name_sort_key: string; id: string })[] = await queryRows(
        db,
        sql`select p.id, p.name_sort_key, p.code, p.full_name, p.gender, p.birth_date::text as birth_date, p.citizen_id,
                   u.code as unit_code, p.position, p.staff_category,
                   (select max(e.start_date)::text from employments e where e.person_id = p.id and e.end_date is null) as start_date
              from people p join org_units u on u.id = p.org_unit_id
             where p.org_unit_id = any(${units}::uuid[])
               ${after ? sql`and (p.name_sort_key, p.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
             order by p.name_sort_key, p.id limit 2000`,
      );
      if (page.length === 0) return;
      for (const r of page) {
        count++;
        yield {
          personCode: r.code,
          fullName: r.full_name,
          gender: label(GENDER_OPTIONS, r.gender),
          birthDate: r.birth_date ? new Date(`${r.birth_date}T00:00:00Z`) : null,
          citizenId: r.citizen_id,
          unitCode: r.unit_code,
          position: r.position,
          staffCategory: label(STAFF_CATEGORY_OPTIONS, r.staff_category),
          startDate: r.start_date ? new Date(`${r.start_date}T00:00:00Z`) : null,
        };
      }
      const last = page[page.length - 1]!;
      after = [last.name_sort_key, last.id];
    }
  }
  await writeXlsxToStream([{ name: 'Danh sách cán bộ', columns: COLUMNS, rows: rows() }], out);
  return count;
}
