import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DirectoryCache } from '../organizations/index.ts';
import {
  achievementReportModel,
  councilDocumentModel,
  decisionDocumentModel,
  proposalDocumentModel,
} from '../reports/index.ts';
import { renderDocx, renderPdf } from '../platform/documents/index.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppDeps, RequestCtx } from '../platform/http/context.ts';
import { openForCli } from './open.ts';

const DECISION_KINDS = ['decision', 'payment-list'] as const;
const SESSION_KINDS = ['council-minutes', 'vote-count'] as const;
const KINDS = [...DECISION_KINDS, ...SESSION_KINDS, 'achievement-report', 'proposal'] as const;

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

const USAGE = [
  `Dùng: tdkt document ${DECISION_KINDS.join('|')} --decision MÃ_QUYẾT_ĐỊNH --format docx|pdf --out TỆP`,
  `      tdkt document ${SESSION_KINDS.join('|')} --session MÃ_PHIÊN_HỌP --format docx|pdf --out TỆP`,
  '      tdkt document proposal --org MÃ_ĐƠN_VỊ_UUID --year NĂM --format docx|pdf --out TỆP',
  '      tdkt document achievement-report --person MÃ_CÁN_BỘ --year NĂM [--award MÃ_HÌNH_THỨC] --format docx|pdf --out TỆP',
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
      year: { type: 'string' },
      award: { type: 'string', default: 'commune_certificate_of_merit' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
    },
  });
  const format = values.format;
  const decisionKind = DECISION_KINDS.find((k) => k === kind);
  const sessionKind = SESSION_KINDS.find((k) => k === kind);
  const year = Number(values.year);
  const id = decisionKind
    ? values.decision
    : sessionKind
      ? values.session
      : Number.isInteger(year)
        ? kind === 'achievement-report'
          ? values.person
          : kind === 'proposal'
            ? values.org
            : undefined
        : undefined;
  if (!KINDS.some((k) => k === kind) || !id || !values.out || (format !== 'docx' && format !== 'pdf')) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openForCli(config);
  try {
    const deps = { config, database, directory: new DirectoryCache(database.db) };
    const model = decisionKind
      ? await decisionDocumentModel(deps, id, decisionKind)
      : sessionKind
        ? await councilDocumentModel(await consoleCtx(deps), id, sessionKind)
        : kind === 'proposal'
          ? await proposalDocumentModel(await consoleCtx(deps), id, year)
          : await achievementReportModel(await consoleCtx(deps), id, year, values.award);
    writeFileSync(values.out, format === 'pdf' ? await renderPdf(model) : await renderDocx(model));
    console.log(`Đã ghi ${values.out}.`);
    return 0;
  } finally {
    await database.close();
  }
}
