// The nomination list (issue 4, acceptance: page of 50, filtered, p95 ≤ 30 ms with 100,000
// nominations on PostgreSQL), through the HTTP route as the ward's officer, beside its floor:
// the same page query as one raw SQL statement on the same connection pool, in the same run.
// The list answers one indexed page query (keyset on the Vietnamese sort key); the counts per
// status are their own request (GET /api/v1/nominations/counts), measured on their own line. The
// page's plan is checked with EXPLAIN ANALYZE: an index scan in the page's order, no sort.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { seedDemo, DEMO_PASSWORD, prng, randomName } from '../src/demo/index.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import { NOMINATION_STATUSES, nominations } from '../src/nominations/index.ts';
import { foldVietnamese, vietnameseNameSortKey } from '../src/platform/text/index.ts';
import { passSecondFactor } from '../test/support/second-factor.ts';
import { startPostgres } from './support/postgres.ts';
import { fmt, percentile, report, timeIt, writeResults } from './support/stats.ts';

const N = 100_000;
const RUNS = 300;
const AWARDS = [
  'advanced_worker',
  'grassroots_emulation_fighter',
  'commune_certificate_of_merit',
  'advanced_labour_collective',
];
const KINDS = ['regular', 'regular', 'regular', 'thematic', 'unexpected'];

const server = await startPostgres('tdkt_bench_nominations');
const database = await openDatabase({ kind: 'postgres', url: server.url });
try {
  await runMigrations(database);
  const ids = await seedDemo(database.db);
  const units = Object.values(ids.myQuyUnits);
  const rand = prng(42);
  const load = await timeIt(async () => {
    for (let start = 0; start < N; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, N - start) }, () => {
        const name = randomName(rand, rand() < 0.5 ? 'male' : 'female');
        return {
          orgUnitId: units[Math.floor(rand() * units.length)]!,
          bodyOrgUnitId: ids.myQuy,
          year: 2019 + Math.floor(rand() * 6),
          kind: KINDS[Math.floor(rand() * KINDS.length)]!,
          subjectKind: 'individual',
          personId: ids.chairmanPersonId,
          subjectName: name,
          subjectSortKey: vietnameseNameSortKey(name),
          subjectSearch: foldVietnamese(name),
          awardCode: AWARDS[Math.floor(rand() * AWARDS.length)]!,
          status: NOMINATION_STATUSES[Math.floor(rand() * NOMINATION_STATUSES.length)]!,
          verdict: { eligible: rand() < 0.9, reasons: [], rulesVersion: 'bench' },
        };
      });
      await database.db.insert(nominations).values(rows);
    }
    await database.db.execute(sql`analyze nominations`);
  });
  console.log(`  loaded ${N.toLocaleString('en')} nominations in ${fmt(load.ms)}`);

  const app = await buildApp({
    config: loadConfig({}),
    database,
    directory: new DirectoryCache(database.db),
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'tdkt.myquy', password: DEMO_PASSWORD },
  });
  const cookie = `tdkt_session=${login.cookies.find((c) => c.name === 'tdkt_session')!.value}`;
  // The officer's role needs the second factor (TOTP of the demo accounts).
  await passSecondFactor(app, database, cookie, (login.json() as { secondFactor?: string }).secondFactor);

  // The filters an officer uses: year and status, plus a kind, an award or a name fragment.
  const filters = [
    'year=2023&status=submitted',
    'year=2023&status=accepted&kind=regular',
    'year=2022&status=approved&awardCode=commune_certificate_of_merit',
    'year=2023&status=draft&q=nguyen',
    `year=2024&status=at_council&orgUnitId=${units[0]}`,
  ];
  const urls = filters.map((f) => `/api/v1/nominations?${f}&limit=50&bodyOrgUnitId=${ids.myQuy}`);
  for (let i = 0; i < 30; i++) await app.inject({ url: urls[i % urls.length]!, headers: { cookie } });
  const api: number[] = [];
  let rowsSeen = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = await timeIt(() => app.inject({ url: urls[i % urls.length]!, headers: { cookie } }));
    if (t.value.statusCode !== 200) throw new Error(`list failed: ${t.value.statusCode} ${t.value.body}`);
    rowsSeen += (t.value.json() as { items: unknown[] }).items.length;
    api.push(t.ms);
  }

  // Floor: the page itself as one raw statement (no auth, no counts, no serialization).
  const floorSql = `select n.id, n.subject_name, n.award_code, n.status, u.name
      from nominations n join org_units u on u.id = n.org_unit_id
     where n.body_org_unit_id = $1 and n.year = $2 and n.status = $3
     order by n.subject_sort_key, n.id limit 51`;
  const floorArgs: [string, number, string][] = [
    [ids.myQuy, 2023, 'submitted'],
    [ids.myQuy, 2023, 'accepted'],
    [ids.myQuy, 2022, 'approved'],
    [ids.myQuy, 2023, 'draft'],
    [ids.myQuy, 2024, 'at_council'],
  ];
  for (let i = 0; i < 30; i++) await database.query(floorSql, floorArgs[i % floorArgs.length]);
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push((await timeIt(() => database.query(floorSql, floorArgs[i % floorArgs.length]))).ms);
  }

  // The counts per status, as the list page asks for them beside the page (once per filter).
  const countUrls = filters.map(
    (f) => `/api/v1/nominations/counts?${f.replace(/&?status=[a-z_]+/, '')}&bodyOrgUnitId=${ids.myQuy}`,
  );
  const counts: number[] = [];
  for (let i = 0; i < RUNS / 3; i++) {
    const t = await timeIt(() => app.inject({ url: countUrls[i % countUrls.length]!, headers: { cookie } }));
    if (t.value.statusCode !== 200) throw new Error(`counts failed: ${t.value.statusCode} ${t.value.body}`);
    counts.push(t.ms);
  }
  // A year's page of every status: served in order by the (body, year, sort key, id) index.
  const everyStatus: number[] = [];
  for (let i = 0; i < RUNS / 3; i++) {
    const url = `/api/v1/nominations?year=${2019 + (i % 6)}&limit=50&bodyOrgUnitId=${ids.myQuy}`;
    everyStatus.push((await timeIt(() => app.inject({ url, headers: { cookie } }))).ms);
  }
  const plans = await planOf(database, [
    [ids.myQuy, 2023, 'accepted', 'regular'],
    [ids.myQuy, 2023, null, null],
  ]);

  const p95 = percentile(api, 95);
  const floorP95 = percentile(floor, 95);
  report(
    'nomination list, page of 50 filtered, 100,000 rows, PostgreSQL, p95',
    fmt(p95),
    '≤ 30 ms',
    `${fmt(floorP95)} raw SQL p95`,
    p95 <= 30,
  );
  console.log(
    `  p50 ${fmt(percentile(api, 50))}, p99 ${fmt(percentile(api, 99))}; floor p50 ${fmt(percentile(floor, 50))}; ${rowsSeen / RUNS} rows per page on average`,
  );
  console.log(
    `  counts per status (own request) p95 ${fmt(percentile(counts, 95))}; page of every status p95 ${fmt(percentile(everyStatus, 95))}`,
  );
  for (const plan of plans) console.log(`  plan: ${plan.summary}`);
  const loadAverage = os.loadavg().map((l) => l.toFixed(2));
  console.log(`  load average during the run: ${loadAverage.join(', ')}`);
  if (plans.some((p) => !p.indexOrdered))
    throw new Error('a page query sorts instead of reading an index in order');
  writeResults('nominations', {
    nominations: N,
    runs: RUNS,
    list: { p50: percentile(api, 50), p95, p99: percentile(api, 99), targetP95: 30, ok: p95 <= 30 },
    floor: { p50: percentile(floor, 50), p95: floorP95, what: 'the same page as one raw SQL statement' },
    counts: { p95: percentile(counts, 95), what: 'GET /api/v1/nominations/counts, same filters' },
    everyStatus: { p95: percentile(everyStatus, 95), what: 'a year page without a status filter' },
    plans: plans.map((p) => p.summary),
    loadAverage: os.loadavg(),
    loadMs: load.ms,
  });
  await app.close();
} finally {
  await database.close();
  server.stop();
}

/**
 * EXPLAIN ANALYZE of the route's page query (as listNominationRows writes it) for some filters:
 * the index used, and whether the rows come in the page's order without a Sort node.
 */
async function planOf(
  database: Awaited<ReturnType<typeof openDatabase>>,
  cases: [string, number, string | null, string | null][],
): Promise<{ summary: string; indexOrdered: boolean }[]> {
  const out: { summary: string; indexOrdered: boolean }[] = [];
  for (const [body, year, status, kind] of cases) {
    const rows = (await database.query(
      `explain (analyze, format json)
       select n.id, n.subject_name, n.award_code, n.status, u.name
         from nominations n join org_units u on u.id = n.org_unit_id
        where n.body_org_unit_id = $1 and n.year = $2
          ${status ? 'and n.status = $3' : ''} ${kind ? 'and n.kind = $4' : ''}
        order by n.subject_sort_key, n.id limit 51`,
      [body, year, ...(status ? [status] : []), ...(kind ? [kind] : [])],
    )) as unknown as { 'QUERY PLAN': PlanNode[] }[];
    const top = rows[0]!['QUERY PLAN'][0] as unknown as { Plan: PlanNode; 'Execution Time': number };
    const nodes: PlanNode[] = [];
    const walk = (n: PlanNode) => {
      nodes.push(n);
      for (const c of n.Plans ?? []) walk(c);
    };
    walk(top.Plan);
    const index = nodes.find((n) => n['Index Name']?.startsWith('nominations_'));
    const sorted = nodes.some((n) => n['Node Type'] === 'Sort');
    out.push({
      summary: `${status ?? 'every status'}${kind ? ` + ${kind}` : ''}: ${index?.['Node Type'] ?? 'no index'} on ${index?.['Index Name'] ?? '—'}${sorted ? ', with a Sort' : ', no sort'}, ${top['Execution Time'].toFixed(2)} ms`,
      indexOrdered: !!index && !sorted,
    });
  }
  return out;
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
