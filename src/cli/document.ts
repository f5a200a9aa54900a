import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DirectoryCache } from '../organizations/index.ts';
import {
  achievementReportModel,
  clusterRequestLetterModel,
  collectiveAchievementReportModel,
  councilDocumentModel,
  decisionDocumentModel,
  proposalDocumentModel,
  statisticsWorkbook,
} from '../reports/index.ts';
import { renderDocx, renderPdf } from '../platform/documents/index.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppDeps, RequestCtx } from '../platform/http/context.ts';
import { openForCli } from './open.ts';

const DECISION_KINDS = ['decision', 'payment-list'] as const;
const SESSION_KINDS = ['council-minutes', 'vote-count'] as const;
const KINDS = [
  ...DECISION_KINDS,
  ...SESSION_KINDS,
  'achievement-report',
  'proposal',
  'cluster-request',
  'statistics',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The operator at the server's console reads every body's data (as the backup does); use cases
 * that take a request context get one that may read all org units and write none.
 */
async function consoleCtx(deps: AppDeps): Promise<RequestCtx> {
  const directory = await deps.directory.get();
  const all = new Set(directory.units.keys());
  return {
    deps,
    auth: {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'console',
      displayName: 'Dòng lệnh',
      roles: ['admin'],
      orgUnitId: '',
      personId: null,
      readOrgIds: all,
      writeOrgIds: new Set(),
      secondFactor: true,
      sessionTokenHash: '',
    },
    actor: { userId: null, name: 'tdkt document' },
  };
}

type Values = {
  decision?: string | undefined;
  session?: string | undefined;
  person?: string | undefined;
  org?: string | undefined;
  cluster?: string | undefined;
};

/** The id the kind needs, or undefined when it is missing (the usage is printed). */
function idFor(kind: string | undefined, v: Values, hasYear: boolean): string | undefined {
  if (DECISION_KINDS.some((k) => k === kind)) return v.decision;
  if (SESSION_KINDS.some((k) => k === kind)) return v.session;
  if (kind === 'cluster-request') return v.cluster;
  if (!hasYear) return undefined;
  if (kind === 'achievement-report') return v.person ?? v.org;
  if (kind === 'proposal' || kind === 'statistics') return v.org;
  return undefined;
}

/** An org unit given by UUID or by code (as `tdkt report annual --org MQ`). */
async function orgUnitIdOf(deps: AppDeps, org: string, year: number): Promise<string | undefined> {
  const directory = await deps.directory.get();
  if (UUID.test(org)) return directory.get(org)?.id;
  const asOf = Number.isInteger(year) ? `${year}-12-31` : undefined;
  return (asOf ? directory.byCode(org, asOf) : undefined)?.id ?? directory.byCode(org)?.id;
}

const USAGE = [
  `Dùng: tdkt document ${DECISION_KINDS.join('|')} --decision MÃ_QUYẾT_ĐỊNH --format docx|pdf --out TỆP`,
  `      tdkt document ${SESSION_KINDS.join('|')} --session MÃ_PHIÊN_HỌP --format docx|pdf --out TỆP`,
  '      tdkt document proposal --org MÃ_ĐƠN_VỊ --year NĂM --format docx|pdf --out TỆP',
  '      tdkt document achievement-report --person MÃ_CÁN_BỘ --year NĂM [--award MÃ_HÌNH_THỨC] --format docx|pdf --out TỆP',
  '      tdkt document achievement-report --org MÃ_ĐƠN_VỊ --year NĂM [--award MÃ_HÌNH_THỨC] --format docx|pdf --out TỆP  (tập thể)',
  '      tdkt document cluster-request --cluster MÃ_CỤM --format docx|pdf --out TỆP',
  '      tdkt document statistics --org MÃ_ĐƠN_VỊ --year NĂM --out TỆP.xlsx',
  '      (MÃ_ĐƠN_VỊ: mã đơn vị như MQ hoặc UUID)',
].join('\n');

/** `tdkt document <kind> --decision|--session|--person <id> --format docx|pdf --out <file>`. */
export async function runDocumentCommand(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      decision: { type: 'string' },
      session: { type: 'string' },
      person: { type: 'string' },
      org: { type: 'string' },
      cluster: { type: 'string' },
      year: { type: 'string' },
      award: { type: 'string', default: 'commune_certificate_of_merit' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
    },
  });
  const format = kind === 'statistics' ? 'xlsx' : values.format;
  const decisionKind = DECISION_KINDS.find((k) => k === kind);
  const sessionKind = SESSION_KINDS.find((k) => k === kind);
  const year = Number(values.year);
  const id = idFor(kind, values, Number.isInteger(year));
  const formatOk = kind === 'statistics' || format === 'docx' || format === 'pdf';
  if (!KINDS.some((k) => k === kind) || !id || !values.out || !formatOk) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openForCli(config);
  try {
    const deps = { config, database, directory: new DirectoryCache(database.db) };
    const orgUnitId = values.org !== undefined ? await orgUnitIdOf(deps, values.org, year) : undefined;
    if (values.org !== undefined && !orgUnitId) {
      console.error(`Không tìm thấy đơn vị có mã ${values.org}.`);
      return 1;
    }
    if (kind === 'statistics') {
      const { file } = await statisticsWorkbook(await consoleCtx(deps), orgUnitId!, year);
      writeFileSync(values.out, file);
      console.log(`Đã ghi ${values.out}.`);
      return 0;
    }
    const model = decisionKind
      ? await decisionDocumentModel(deps, id, decisionKind)
      : sessionKind
        ? await councilDocumentModel(await consoleCtx(deps), id, sessionKind)
        : kind === 'proposal'
          ? await proposalDocumentModel(await consoleCtx(deps), orgUnitId!, year)
          : kind === 'cluster-request'
            ? await clusterRequestLetterModel(await consoleCtx(deps), id)
            : values.person
              ? await achievementReportModel(await consoleCtx(deps), id, year, values.award)
              : await collectiveAchievementReportModel(
                  await consoleCtx(deps),
                  orgUnitId!,
                  year,
                  values.award,
                );
    writeFileSync(values.out, format === 'pdf' ? await renderPdf(model) : await renderDocx(model));
    console.log(`Đã ghi ${values.out}.`);
    return 0;
  } finally {
    await database.close();
  }
}
