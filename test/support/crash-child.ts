// Child process for test/crash.api.test.ts: opens a file-backed PGlite data folder, loads the demo
// data, and imports a large workbook, printing progress so the parent can SIGKILL it mid-import.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { DirectoryCache, OrgDirectory, orgEvents, orgUnits } from '../../src/organizations/index.ts';
import { createImportJob, runImport } from '../../src/imports/index.ts';

const [dataDir, workbook] = process.argv.slice(2) as [string, string];
const database = await openDatabase({ kind: 'pglite', dataDir });
await runMigrations(database);
const ids = await seedDemo(database.db);
const people = await database.query<{ n: number }>('select count(*)::int as n from people');
console.log(`SEEDED ${people[0]!.n}`);
const directory = new OrgDirectory(
  await database.db.select().from(orgUnits),
  await database.db.select().from(orgEvents),
);
const jobId = await createImportJob(database.db, {
  kind: 'people',
  fileName: 'big.xlsx',
  orgUnitId: ids.myQuy,
  createdBy: null,
});
let staged = false;
await runImport(
  { database, directory: new DirectoryCache(database.db) },
  {
    actor: { userId: null, name: 'crash test' },
    writeOrgIds: new Set(directory.subtree(ids.myQuy)),
    orgUnitId: ids.myQuy,
  },
  jobId,
  'people',
  readFileSync(workbook),
  (rows) => {
    if (rows >= 3000 && !staged) {
      staged = true;
      console.log(`STAGING ${rows}`);
    }
  },
);
console.log('FINISHED');
