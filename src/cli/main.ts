import { parseArgs } from 'node:util';
import { openForCli } from './open.ts';

const HELP = `tdkt — hệ thống quản lý thi đua, khen thưởng

Lệnh:
  tdkt start [--no-demo]             chạy máy chủ (PGlite trong ./data, hoặc DATABASE_URL)
  tdkt migrate                       áp dụng các migration
  tdkt seed                          nạp dữ liệu minh họa vào cơ sở dữ liệu trống
  tdkt user add --username U --password P --role R --org CODE [--name "Họ tên"]
  tdkt user reset-password --username U --password P
  tdkt import --kind people|org_units|facts|awards --file F.xlsx --org CODE
  tdkt export --kind people --org CODE --out F.xlsx
  tdkt verify-audit [--checkpoint F] [--public-key F] [--json]
                                     kiểm tra nhật ký kiểm toán (chuỗi băm, mốc đã ký)
  tdkt audit-checkpoint              ký mốc kiểm tra các đầu chuỗi nhật ký
  tdkt audit-key --public            in khóa công khai dùng để kiểm chữ ký các mốc
  tdkt backup [--out F.tar.gz]       sao lưu cơ sở dữ liệu và tệp đính kèm
  tdkt restore F.tar.gz [--check]    kiểm tra / khôi phục bản sao lưu vào hệ thống trống
  tdkt report annual --org CODE --year N --format docx|pdf --out F
  tdkt certificates --decision ID --out F.pdf [--mode full|blank]
  tdkt document decision|payment-list --decision ID --format docx|pdf --out F
  tdkt eligibility --input facts.json|xlsx [--decision-date YYYY-MM-DD] [--format json|xlsx] [--out F]
`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async start(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { 'no-demo': { type: 'boolean' }, 'no-build': { type: 'boolean' } },
    });
    const { start } = await import('./start.ts');
    return start({ demo: !values['no-demo'], buildWeb: !values['no-build'] });
  },
  async migrate() {
    const db = await openForCli();
    await db.close();
    console.log('Đã áp dụng migration.');
    return 0;
  },
  async seed() {
    const database = await openForCli();
    try {
      const { orgUnits } = await import('../organizations/index.ts');
      if ((await database.db.select().from(orgUnits).limit(1)).length > 0) {
        console.error('Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu minh họa.');
        return 1;
      }
      const { seedDemo } = await import('../demo/seed-demo.ts');
      await seedDemo(database.db);
      console.log('Đã nạp dữ liệu minh họa.');
      return 0;
    } finally {
      await database.close();
    }
  },
  async user(argv) {
    const { runUserCommand } = await import('./user.ts');
    return runUserCommand(argv);
  },
  async import(argv) {
    const { runImportCommand } = await import('./import-export.ts');
    return runImportCommand(argv);
  },
  async export(argv) {
    const { runExportCommand } = await import('./import-export.ts');
    return runExportCommand(argv);
  },
  async 'verify-audit'(argv) {
    const { runVerifyAuditCommand } = await import('./verify-audit.ts');
    return runVerifyAuditCommand(argv);
  },
  async 'audit-checkpoint'() {
    const { runAuditCheckpointCommand } = await import('./verify-audit.ts');
    return runAuditCheckpointCommand();
  },
  async 'audit-key'(argv) {
    const { runAuditKeyCommand } = await import('./verify-audit.ts');
    return runAuditKeyCommand(argv);
  },
  async backup(argv) {
    const { runBackupCommand } = await import('./backup.ts');
    return runBackupCommand(argv);
  },
  async restore(argv) {
    const { runRestoreCommand } = await import('./backup.ts');
    return runRestoreCommand(argv);
  },
  report: async (argv) => (await import('./report.ts')).runReportCommand(argv),
  certificates: async (argv) => (await import('./certificates.ts')).runCertificatesCommand(argv),
  document: async (argv) => (await import('./document.ts')).runDocumentCommand(argv),
  async eligibility(argv) {
    const { runEligibilityCommand } = await import('./eligibility.ts');
    return runEligibilityCommand(argv);
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Lệnh không rõ: ${name}\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    console.error(`Lỗi: ${(err as Error).message}`);
    return 1;
  }
}
