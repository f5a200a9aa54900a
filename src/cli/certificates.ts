import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DirectoryCache } from '../organizations/index.ts';
import { printDecisionCertificates, readDecision } from '../certificates/index.ts';
import { loadConfig } from '../platform/config.ts';
import { openForCli } from './open.ts';

/** `tdkt certificates --decision <id> --out <file> [--mode full|blank]`: one page per Giấy khen. */
export async function runCertificatesCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      decision: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string', default: 'full' },
    },
  });
  const mode = values.mode;
  if (!values.decision || !values.out || (mode !== 'full' && mode !== 'blank')) {
    console.error('Dùng: tdkt certificates --decision MÃ_QUYẾT_ĐỊNH --out TỆP.pdf [--mode full|blank]');
    return 2;
  }
  const config = loadConfig();
  const database = await openForCli(config);
  try {
    const decision = await readDecision(database.db, values.decision);
    if (!decision) {
      console.error(`Không tìm thấy quyết định ${values.decision}.`);
      return 1;
    }
    const pdf = await printDecisionCertificates(
      { config, database, directory: new DirectoryCache(database.db) },
      decision,
      { mode },
    );
    writeFileSync(values.out, pdf);
    console.log(`Đã ghi Giấy khen của Quyết định ${decision.number_text ?? decision.id} vào ${values.out}.`);
    return 0;
  } finally {
    await database.close();
  }
}
