// Dashboards on a synthetic province (issue 7, acceptance): every dashboard endpoint p95 ≤ 100 ms
// on PostgreSQL, beside the same main query's time in raw SQL. Writes bench/results/dashboards.json.
import { createHash, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql, type SQL } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, queryRows } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import { seedDemo } from '../src/demo/index.ts';
import {
  awardCubeSql,
  staffSql,
  staffHeadcountSql,
  nominationCountSql,
  trendSql,
  rollUpOf,
  scopeOf,
  COMMUNE_KINDS,
} from '../src/reports/dashboard/index.ts';
import { startPostgres } from './support/postgres.ts';
import { fmt, percentile, report, timeIt, writeResults } from './support/stats.ts';
import { loadSyntheticProvince } from './synthetic-province.ts';

const RUNS = 40;
const TARGET_MS = 100;

const server = await startPostgres('tdkt_bench_dashboards');
const database = await openDatabase({ kind: 'postgres', url: server.url });
try {
  await runMigrations(database);
  const ids = await seedDemo(database.db);
  const load = await timeIt(() => loadSyntheticProvince(database, ids.province));
  const world = load.value;
  console.log(
    `  loaded ${world.wardIds.length} wards, ${world.people} people, ${world.awards} award records, ${world.nominations} nominations in ${fmt(load.ms)}`,
  );
  const app = await buildApp({
    config: loadConfig({}),
    database,
    directory: new DirectoryCache(database.db),
  });
  const ward = world.wardIds[0]!;
  const session = async (username: string, role: 'officer' | 'superior_viewer', orgUnitId: string) => {
    const userId = await insertUser(database.db, {
      username,
      displayName: username,
      password: 'bench-password-123',
      roles: [role],
      orgUnitId,
    });
    const token = randomBytes(24).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    await database.db.execute(
      sql`insert into sessions (token_hash, user_id, verified_at) values (${hash}, ${userId}, now())`,
    );
    return `tdkt_session=${token}`;
  };
  const officer = await session('bench.ward.officer', 'officer', ward);
  const viewer = await session('bench.district.viewer', 'superior_viewer', world.districtId);
  const directory = await new DirectoryCache(database.db).get();
  const wardIds = directory.subtreeWithPredecessors(ward);
  const districtIds = directory.subtreeWithPredecessors(world.districtId);
  // The floors run the endpoints' own queries: the counts rolled up to the lines each view shows.
  const all = new Set(districtIds);
  const lines = (body: string, year: number, kinds?: readonly string[]) => {
    const scope = scopeOf(directory, directory.get(body)!, year, all, kinds);
    return rollUpOf(scope.ids, scope.topOf);
  };
  const wardLines = lines(ward, 2023);
  const districtLines = lines(world.districtId, 2023);
  const communeLines = lines(world.districtId, 2023, COMMUNE_KINDS);

  const endpoints: { name: string; url: string; cookie: string; floor: SQL[] }[] = [
    {
      name: 'dashboard (ward)',
      url: `/api/v1/dashboard/${ward}/2023`,
      cookie: officer,
      floor: [awardCubeSql(wardIds, 2023, wardLines)],
    },
    {
      name: 'trend 10 years (ward)',
      url: `/api/v1/dashboard/${ward}/trend?from=2014&to=2023`,
      cookie: officer,
      floor: [trendSql(wardIds, 2014, 2023)],
    },
    {
      name: 'unevenness (ward)',
      url: `/api/v1/dashboard/${ward}/2023/unevenness`,
      cookie: officer,
      floor: [
        awardCubeSql(wardIds, 2023, wardLines),
        staffSql(wardIds, 2023),
        nominationCountSql(wardIds, 2023),
      ],
    },
    {
      name: 'fund forecast (ward)',
      url: `/api/v1/dashboard/${ward}/2023/fund-forecast`,
      cookie: officer,
      floor: [
        sql`select award_code, subject_kind, count(*) from nominations where body_org_unit_id = ${ward} and year = 2023 and status = 'submitted' group by 1, 2`,
      ],
    },
    {
      name: 'drill-down (ward)',
      url: `/api/v1/dashboard/${ward}/2023/awards?limit=200`,
      cookie: officer,
      floor: [awardCubeSql(wardIds, 2023)],
    },
    {
      name: 'export by unit (ward)',
      url: `/api/v1/dashboard/${ward}/2023/export?table=by-unit`,
      cookie: officer,
      floor: [awardCubeSql(wardIds, 2023)],
    },
    {
      name: 'statistics 0603 (ward)',
      url: `/api/v1/statistics/${ward}/2023/0603`,
      cookie: officer,
      floor: [awardCubeSql(wardIds, 2023)],
    },
    {
      name: 'dashboard (district, 100 wards)',
      url: `/api/v1/dashboard/${world.districtId}/2023`,
      cookie: viewer,
      floor: [awardCubeSql(districtIds, 2023, districtLines)],
    },
    {
      name: 'trend 10 years (district)',
      url: `/api/v1/dashboard/${world.districtId}/trend?from=2014&to=2023`,
      cookie: viewer,
      floor: [trendSql(districtIds, 2014, 2023)],
    },
    {
      // The side-by-side view counts only the staff headcount (no women or leaders).
      name: 'communes side by side (district)',
      url: `/api/v1/dashboard/${world.districtId}/2023/communes`,
      cookie: viewer,
      floor: [
        awardCubeSql(districtIds, 2023, communeLines),
        staffHeadcountSql(districtIds, 2023),
        nominationCountSql(districtIds, 2023),
      ],
    },
  ];

  const results: Record<string, unknown>[] = [];
  for (const e of endpoints) {
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ url: e.url, headers: { cookie: e.cookie } });
      if (res.statusCode !== 200)
        throw new Error(`${e.name}: HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    const api: number[] = [];
    for (let i = 0; i < RUNS; i++)
      api.push((await timeIt(() => app.inject({ url: e.url, headers: { cookie: e.cookie } }))).ms);
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i++)
      raw.push(
        (
          await timeIt(async () => {
            for (const q of e.floor) await queryRows(database.db, q);
          })
        ).ms,
      );
    const p95 = percentile(api, 95);
    const rawP95 = percentile(raw, 95);
    report(
      e.name,
      `p95 ${fmt(p95)} (p50 ${fmt(percentile(api, 50))})`,
      `≤ ${TARGET_MS} ms`,
      `raw SQL p95 ${fmt(rawP95)}`,
      p95 <= TARGET_MS,
    );
    results.push({
      endpoint: e.name,
      url: e.url.replace(/[0-9a-f-]{36}/g, ':id'),
      runs: RUNS,
      p50Ms: percentile(api, 50),
      p95Ms: p95,
      rawSqlP50Ms: percentile(raw, 50),
      rawSqlP95Ms: rawP95,
      ok: p95 <= TARGET_MS,
    });
  }
  console.log(
    `  load average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  writeResults('dashboards', {
    driver: 'postgres',
    loadAverage: loadavg(),
    world: { ...world, wardIds: world.wardIds.length },
    loadMs: load.ms,
    results,
  });
  await app.close();
} finally {
  await database.close();
  server.stop();
}
