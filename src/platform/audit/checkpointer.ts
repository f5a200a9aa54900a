import type { DbOrTx } from '../db/client.ts';
import { auditWriteCount } from './audit.ts';
import { writeCheckpoint, type TrustPaths } from './checkpoint.ts';

export type CheckpointReason = 'start' | 'writes' | 'nightly' | 'manual';

export type CheckpointOutcome = { ok: boolean; file: string | null; reason: CheckpointReason };

/** Default number of audited writes between two checkpoints (`TDKT_AUDIT_CHECKPOINT_EVERY`). */
export const DEFAULT_CHECKPOINT_EVERY = 100;

export function checkpointEveryOf(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TDKT_AUDIT_CHECKPOINT_EVERY;
  if (raw === undefined || raw === '') return DEFAULT_CHECKPOINT_EVERY;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`TDKT_AUDIT_CHECKPOINT_EVERY không hợp lệ: ${raw}`);
  return n;
}

/**
 * Signs the chain heads at start, after every `every` audited writes, and when asked (nightly).
 * A rewrite with a recomputed chain is then caught as soon as one checkpoint covers the rewritten
 * row, instead of waiting for the night. The writer only bumps a counter; `afterWrites()` runs
 * after the response (so after the commit) and starts the checkpoint in the background. One
 * checkpoint at a time per process: a call while one runs joins it (and a due one follows).
 * `every = 0` turns the write-count checkpoints off.
 */
export class AuditCheckpointer {
  private running: Promise<CheckpointOutcome> | null = null;
  private baseline = auditWriteCount();

  constructor(
    private readonly db: DbOrTx,
    private readonly paths: TrustPaths,
    readonly every: number,
    private readonly log: (message: string) => void = console.warn,
  ) {}

  /** Cheap: compares two numbers; starts a checkpoint off the request when N writes are due. */
  afterWrites(): void {
    if (this.every <= 0 || this.running) return;
    if (auditWriteCount() - this.baseline < this.every) return;
    void this.run('writes');
  }

  /** Runs one checkpoint now, or joins the one already running. */
  run(reason: CheckpointReason): Promise<CheckpointOutcome> {
    if (this.running) return this.running;
    this.baseline = auditWriteCount();
    this.running = (async (): Promise<CheckpointOutcome> => {
      try {
        const written = await writeCheckpoint(this.db, this.paths);
        if (!written.ok)
          this.log('CẢNH BÁO: nhật ký kiểm toán không nguyên vẹn, không ký mốc. Chạy "tdkt verify-audit".');
        return { ok: written.ok, file: written.file, reason };
      } catch (err) {
        this.log(`Lỗi khi ký mốc nhật ký kiểm toán: ${(err as Error).message}`);
        return { ok: false, file: null, reason };
      } finally {
        this.running = null;
      }
    })();
    const current = this.running;
    // Writes that arrived while this one ran start the next as soon as it ends.
    void current.then(() => this.afterWrites());
    return current;
  }

  /** Resolves when no checkpoint is running (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
