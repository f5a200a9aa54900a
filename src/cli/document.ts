import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DirectoryCache } from '../organizations/index.ts';
import { decisionDocumentModel } from '../reports/index.ts';
import { renderDocx, renderPdf } from '../platform/documents/index.ts';
import { loadConfig } from '../platform/config.ts';
import { openForCli } from './open.ts';

const KINDS = ['decision', 'payment-list'] as const;

/** `tdkt document decision|payment-list --decision <id> --format docx|pdf --out <file>`. */
export async function runDocumentCommand(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      decision: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
    },
  });
  const format = values.format;
  const known = KINDS.find((k) => k === kind);
  if (!known || !values.decision || !values.out || (format !== 'docx' && format !== 'pdf')) {
    console.error(
      `Dùng: tdkt document ${KINDS.join('|')} --decision MÃ_QUYẾT_ĐỊNH --format docx|pdf --out TỆP`,
    );
    return 2;
  }
  const config = loadConfig();
  const database = await openForCli(config);
  try {
    const model = await decisionDocumentModel(
      { config, database, directory: new DirectoryCache(database.db) },
      values.decision,
      known,
    );
    writeFileSync(values.out, format === 'pdf' ? await renderPdf(model) : await renderDocx(model));
    console.log(`Đã ghi ${values.out}.`);
    return 0;
  } finally {
    await database.close();
  }
}
