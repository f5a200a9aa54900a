import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { verifyAudit } from '../platform/audit/verify-audit.ts';
import {
  latestCheckpoint,
  loadOrCreateInstanceKey,
  publicKeyPem,
  readCheckpoint,
  readPublicKey,
  trustPaths,
  writeCheckpoint,
} from '../platform/audit/checkpoint.ts';
import { openForCli } from './open.ts';

/**
 * `tdkt verify-audit [--checkpoint FILE] [--public-key FILE] [--json]`: checks every audit chain,
 * and its heads against the newest signed checkpoint (or the one given); exit code 0 when intact,
 * 3 when a link is broken, so a cron job can alert. `--public-key` checks the checkpoint's
 * signature with an exported public key (`tdkt audit-key --public`), so a verifier needs neither
 * the server nor its private key.
 */
export async function runVerifyAuditCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      checkpoint: { type: 'string' },
      'public-key': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const config = loadConfig();
  const paths = trustPaths(config.dataDir);
  const exported = values['public-key'] ? readPublicKey(values['public-key']) : undefined;
  const checkpoint = values.checkpoint
    ? readCheckpoint(values.checkpoint, exported ?? loadOrCreateInstanceKey(paths).publicKey)
    : latestCheckpoint(paths, exported);
  const database = await openForCli(config);
  try {
    const result = await verifyAudit(database.db, checkpoint ? { checkpoint: checkpoint.payload.heads } : {});
    if (values.json) {
      console.log(JSON.stringify({ ...result, checkpoint: checkpoint?.payload.at ?? null }, null, 2));
    } else {
      console.log(
        checkpoint
          ? `Đối chiếu với mốc đã ký lúc ${checkpoint.payload.at}.`
          : 'Chưa có mốc kiểm tra đã ký; chỉ kiểm tra chuỗi trong cơ sở dữ liệu.',
      );
      for (const c of result.chains) {
        console.log(
          c.firstBreak ? `✗ ${c.firstBreak.message}` : `✓ Chuỗi ${c.chain}: ${c.rows} dòng, nguyên vẹn.`,
        );
      }
      console.log(
        result.ok
          ? `Nhật ký kiểm toán nguyên vẹn (${result.rowsChecked} dòng).`
          : 'PHÁT HIỆN NHẬT KÝ KIỂM TOÁN BỊ THAY ĐỔI.',
      );
    }
    return result.ok ? 0 : 3;
  } finally {
    await database.close();
  }
}

/**
 * `tdkt audit-key --public`: prints the public half of the audit signing key (PEM) and its
 * fingerprint, to keep off the machine and give to whoever verifies the log.
 */
export function runAuditKeyCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { public: { type: 'boolean' } } });
  if (!values.public) {
    console.error(
      'Dùng: tdkt audit-key --public (chỉ in khóa công khai; khóa bí mật không bao giờ được in).',
    );
    return 2;
  }
  const key = loadOrCreateInstanceKey(trustPaths(loadConfig().dataDir));
  process.stdout.write(publicKeyPem(key));
  console.error(`Dấu vân tay khóa: ${key.fingerprint}`);
  return 0;
}

/**
 * `tdkt audit-checkpoint`: signs the current chain heads now (the server does it at start,
 * every N writes and nightly).
 */
export async function runAuditCheckpointCommand(): Promise<number> {
  const config = loadConfig();
  const database = await openForCli(config);
  try {
    const written = await writeCheckpoint(database.db, trustPaths(config.dataDir));
    if (!written.ok) {
      console.error(
        'Nhật ký kiểm toán không nguyên vẹn: không ký mốc. Chạy "tdkt verify-audit" để xem chi tiết.',
      );
      return 3;
    }
    console.log(`Đã ký mốc kiểm tra ${written.heads.length} chuỗi vào ${written.file}.`);
    return 0;
  } finally {
    await database.close();
  }
}
