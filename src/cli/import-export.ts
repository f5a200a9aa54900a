import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DirectoryCache, OrgDirectory, orgEvents, orgUnits } from '../organizations/index.ts';
import { createImportJob, exportPeople, IMPORT_KINDS, runImport, type ImportKind } from '../imports/index.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/client.ts';
import { openForCli } from './open.ts';

const CLI_ACTOR = { userId: null, name: 'tdkt cli' };

async function unitByCode(database: Database, code: string) {
  const directory = new OrgDirectory(
    await database.db.select().from(orgUnits),
    await database.db.select().from(orgEvents),
  );
  const unit = directory.byCode(code, new Date().toISOString().slice(0, 10)) ?? directory.byCode(code);
  return { unit, directory };
}

/** `tdkt import --kind people --file F.xlsx --org CODE`: the same job the web page runs. */
export async function runImportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { kind: { type: 'string' }, file: { type: 'string' }, org: { type: 'string' } },
  });
  const kind = values.kind as ImportKind | undefined;
  if (!kind || !IMPORT_KINDS.includes(kind) || !values.file || !values.org) {
    console.error(`Dùng: tdkt import --kind ${IMPORT_KINDS.join('|')} --file F.xlsx --org MÃ_ĐƠN_VỊ`);
    return 2;
  }
  const database = await openForCli();
  try {
    const { unit, directory } = await unitByCode(database, values.org);
    if (!unit) {
      console.error(`Không tìm thấy đơn vị có mã ${values.org}.`);
      return 1;
    }
    const jobId = await createImportJob(database.db, {
      kind,
      fileName: values.file,
      orgUnitId: unit.id,
      createdBy: null,
    });
    const bar = new cliProgress.SingleBar(
      { format: 'Đang đọc {bar} {value} dòng', clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0);
    const outcome = await runImport(
      { database, directory: new DirectoryCache(database.db) },
      { actor: CLI_ACTOR, writeOrgIds: new Set(directory.subtree(unit.id)), orgUnitId: unit.id },
      jobId,
      kind,
      values.file,
      (rows) => {
        bar.setTotal(rows);
        bar.update(rows);
      },
    );
    bar.stop();
    if (outcome.status === 'published') {
      console.log(`Đã nhập ${outcome.rowsPublished} dòng.`);
      return 0;
    }
    console.error(`Không nhập dòng nào (${outcome.errors.length} lỗi):`);
    for (const e of outcome.errors) console.error(`  ${e.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

/** `tdkt export --kind people --org CODE --out F.xlsx`. */
export async function runExportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: 'string', default: 'people' },
      org: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.kind !== 'people' || !values.org || !values.out) {
    console.error('Dùng: tdkt export --kind people --org MÃ_ĐƠN_VỊ --out F.xlsx');
    return 2;
  }
  const database = await openForCli();
  try {
    const { unit, directory } = await unitByCode(database, values.org);
    if (!unit) {
      console.error(`Không tìm thấy đơn vị có mã ${values.org}.`);
      return 1;
    }
    const units = directory.subtree(unit.id);
    const out = createWriteStream(values.out);
    const count = await exportPeople(database.db, units, out);
    if (!out.closed) await once(out, 'close');
    await database.db.transaction((tx) =>
      writeAudit(tx, CLI_ACTOR, {
        chain: directory.bodyOf(unit.id)?.id ?? 'system',
        action: 'export.people',
        entity: 'org_unit',
        entityId: unit.id,
        orgUnitId: unit.id,
        after: { rows: count, file: values.out },
      }),
    );
    console.log(`Đã xuất ${count} cán bộ vào ${values.out}.`);
    return 0;
  } finally {
    await database.close();
  }
}
