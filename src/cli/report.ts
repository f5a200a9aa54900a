import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DirectoryCache } from '../organizations/index.ts';
import { renderAnnualReport } from '../reports/index.ts';
import { loadConfig } from '../platform/config.ts';
import { openForCli } from './open.ts';

/** `tdkt report annual --org <code> --year <N> --format docx|pdf --out <file>`. */
export async function runReportCommand(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      org: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
    },
  });
  const year = Number(values.year);
  const format = values.format;
  if (
    kind !== 'annual' ||
    !values.org ||
    !Number.isInteger(year) ||
    !values.out ||
    (format !== 'docx' && format !== 'pdf')
  ) {
    console.error('Dùng: tdkt report annual --org MÃ_ĐƠN_VỊ --year NĂM --format docx|pdf --out TỆP');
    return 2;
  }
  const config = loadConfig();
  const database = await openForCli(config);
  try {
    const directoryCache = new DirectoryCache(database.db);
    const directory = await directoryCache.get();
    const unit = directory.byCode(values.org, `${year}-12-31`) ?? directory.byCode(values.org);
    if (!unit) {
      console.error(`Không tìm thấy đơn vị có mã ${values.org}.`);
      return 1;
    }
    const file = await renderAnnualReport(
      { config, database, directory: directoryCache },
      unit.id,
      year,
      format,
    );
    writeFileSync(values.out, file);
    console.log(`Đã ghi báo cáo tổng kết năm ${year} của ${unit.name} vào ${values.out}.`);
    return 0;
  } finally {
    await database.close();
  }
}
