import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { auditHash, GENESIS_HASH, type AuditRowForHash } from './audit.ts';

export type AuditBreakReason =
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'sequence_mismatch'
  | 'head_mismatch'
  | 'head_missing'
  | 'checkpoint_mismatch'
  | 'checkpoint_ahead';

export type AuditBreak = {
  reason: AuditBreakReason;
  /** Expected position in the chain (1-based) where the break shows. */
  position: number;
  /** Global `seq` of the offending row, when there is one. */
  rowSeq: number | null;
  message: string;
};

export type ChainReport = {
  chain: string;
  rows: number;
  lastHash: string;
  firstBreak: AuditBreak | null;
};

export type AuditVerification = { ok: boolean; rowsChecked: number; chains: ChainReport[] };

/** A chain head as recorded in a signed checkpoint. */
export type CheckpointHead = { chain: string; seq: number; hash: string };

export type RawAuditRow = Omit<RawRow, 'prev_hash' | 'hash'>;

type RawRow = {
  seq: string | number;
  chain: string;
  at: string | Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  org_unit_id: string | null;
  before: unknown;
  after: unknown;
  correlation_id: string | null;
  chain_seq: string | number | null;
  prev_hash: string;
  hash: string;
};

type ChainState = {
  position: number;
  lastHash: string;
  sawChainSeq: boolean;
  firstBreak: AuditBreak | null;
  checkpoint: CheckpointHead | undefined;
  checkpointSeen: boolean;
};

const BATCH = 5_000;

const MESSAGES: Record<AuditBreakReason, (chain: string, position: number) => string> = {
  hash_mismatch: (c, p) => `Chuỗi ${c}: dòng thứ ${p} đã bị sửa (mã băm không khớp nội dung).`,
  prev_hash_mismatch: (c, p) =>
    `Chuỗi ${c}: liên kết đứt trước dòng thứ ${p} (dòng bị xóa, chèn hoặc đổi thứ tự).`,
  sequence_mismatch: (c, p) => `Chuỗi ${c}: số thứ tự sai ở vị trí ${p} (dòng bị xóa hoặc đổi thứ tự).`,
  head_mismatch: (c, p) =>
    `Chuỗi ${c}: đầu chuỗi không khớp dòng cuối (vị trí ${p}); dòng cuối bị xóa hoặc sửa.`,
  head_missing: (c, p) => `Chuỗi ${c}: không có đầu chuỗi cho ${p} dòng nhật ký.`,
  checkpoint_mismatch: (c, p) => `Chuỗi ${c}: dòng thứ ${p} khác với mốc đã ký (lịch sử bị viết lại).`,
  checkpoint_ahead: (c, p) => `Chuỗi ${c}: mốc đã ký có ${p} dòng nhưng nay thiếu (dòng cuối bị xóa).`,
};

function breakOf(
  reason: AuditBreakReason,
  chain: string,
  position: number,
  rowSeq: number | null,
): AuditBreak {
  return { reason, position, rowSeq, message: MESSAGES[reason](chain, position) };
}

/** The row as hashed: the one shape the writer, the verifier and a tamper test share. */
export function toHashRow(r: RawAuditRow): AuditRowForHash {
  return {
    chain: r.chain,
    at: r.at instanceof Date ? r.at.toISOString() : r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    orgUnitId: r.org_unit_id,
    before: r.before,
    after: r.after,
    correlationId: r.correlation_id,
    chainSeq: r.chain_seq === null ? null : Number(r.chain_seq),
  };
}

/**
 * Walks every chain in insertion order and reports the first broken link of each (trust issue,
 * item 1): an edited row fails its own hash, a deleted or reordered row breaks `prev_hash` and
 * the position count, a deleted tail leaves the head (and the last signed checkpoint) ahead.
 * Reads in batches so a large log does not sit in memory.
 */
export async function verifyAudit(
  db: DbOrTx,
  options: { checkpoint?: readonly CheckpointHead[]; chains?: readonly string[] } = {},
): Promise<AuditVerification> {
  const only = options.chains && options.chains.length > 0 ? options.chains : undefined;
  const inChains = only
    ? sql`and chain in (${sql.join(
        only.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql``;
  const checkpoint = new Map((options.checkpoint ?? []).map((h) => [h.chain, h]));
  const states = new Map<string, ChainState>();
  const stateOf = (chain: string): ChainState => {
    let s = states.get(chain);
    if (!s) {
      s = {
        position: 0,
        lastHash: GENESIS_HASH,
        sawChainSeq: false,
        firstBreak: null,
        checkpoint: checkpoint.get(chain),
        checkpointSeen: false,
      };
      states.set(chain, s);
    }
    return s;
  };

  let rowsChecked = 0;
  let after = -1;
  for (;;) {
    const rows = await queryRows<RawRow>(
      db,
      sql`select seq, chain, at, actor_user_id, actor_name, action, entity, entity_id, org_unit_id,
                 before, after, correlation_id, chain_seq, prev_hash, hash
            from audit_log where seq > ${after} ${inChains} order by seq limit ${BATCH}`,
    );
    for (const r of rows) {
      rowsChecked++;
      const rowSeq = Number(r.seq);
      const s = stateOf(r.chain);
      s.position++;
      if (s.firstBreak) continue;
      const chainSeq = r.chain_seq === null ? null : Number(r.chain_seq);
      if (chainSeq === null ? s.sawChainSeq : chainSeq !== s.position) {
        s.firstBreak = breakOf('sequence_mismatch', r.chain, s.position, rowSeq);
        continue;
      }
      if (chainSeq !== null) s.sawChainSeq = true;
      if (r.prev_hash !== s.lastHash) {
        s.firstBreak = breakOf('prev_hash_mismatch', r.chain, s.position, rowSeq);
        continue;
      }
      if (auditHash(r.prev_hash, toHashRow(r)) !== r.hash) {
        s.firstBreak = breakOf('hash_mismatch', r.chain, s.position, rowSeq);
        continue;
      }
      s.lastHash = r.hash;
      if (s.checkpoint && s.checkpoint.seq === s.position) {
        s.checkpointSeen = true;
        if (s.checkpoint.hash !== r.hash)
          s.firstBreak = breakOf('checkpoint_mismatch', r.chain, s.position, rowSeq);
      }
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) break;
    after = Number(last.seq);
  }

  const heads = await queryRows<{ chain: string; hash: string; seq: string | number }>(
    db,
    sql`select chain, hash, seq from audit_chain_heads where true ${inChains}`,
  );
  const headOf = new Map(heads.map((h) => [h.chain, { hash: h.hash, seq: Number(h.seq) }]));
  for (const h of heads) stateOf(h.chain);
  for (const c of checkpoint.keys()) if (!only || only.includes(c)) stateOf(c);

  const chains: ChainReport[] = [];
  for (const [chain, s] of [...states.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!s.firstBreak) {
      const head = headOf.get(chain);
      if (!head) {
        if (s.position > 0) s.firstBreak = breakOf('head_missing', chain, s.position, null);
      } else if (head.seq !== s.position || head.hash !== s.lastHash) {
        // A head with seq 0 and no rows is a chain that was created and rolled back: fine.
        if (!(head.seq === 0 && s.position === 0)) {
          s.firstBreak = breakOf('head_mismatch', chain, Math.min(head.seq, s.position + 1), null);
        }
      }
    }
    if (!s.firstBreak && s.checkpoint && !s.checkpointSeen && s.checkpoint.seq > 0) {
      s.firstBreak = breakOf('checkpoint_ahead', chain, s.checkpoint.seq, null);
    }
    chains.push({ chain, rows: s.position, lastHash: s.lastHash, firstBreak: s.firstBreak });
  }
  return { ok: chains.every((c) => c.firstBreak === null), rowsChecked, chains };
}
