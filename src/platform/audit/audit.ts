import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = { userId: string | null; name: string | null; correlationId?: string | null };

export type AuditEntry = {
  /** The hash chain: the issuing body's org unit id, or 'system'. */
  chain: string;
  action: string;
  entity: string;
  entityId?: string | null;
  orgUnitId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditRowForHash = {
  chain: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgUnitId: string | null;
  before: unknown;
  after: unknown;
  correlationId: string | null;
  /** Position in the chain; absent on rows written before positions existed. */
  chainSeq?: number | null;
};

/** JSON with sorted keys, so the hash does not depend on jsonb's storage order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, row: AuditRowForHash): string {
  const { chainSeq, ...rest } = row;
  // Rows from before chain_seq existed were hashed without it; newer rows cover it.
  const hashed = chainSeq === null || chainSeq === undefined ? rest : { ...rest, chainSeq };
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...hashed, at: new Date(row.at).toISOString() }))
    .digest('hex');
}

/** JSON round trip: what jsonb will give back (dates as strings, no undefined). */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

let auditWrites = 0;

/**
 * Audit rows appended by this process so far (rolled-back ones included): a plain counter, so the
 * write path pays nothing for deciding when the next checkpoint is due.
 */
export function auditWriteCount(): number {
  return auditWrites;
}

/**
 * Appends one audit row in the caller's transaction (issue 2, item 9): the write and its audit
 * row commit or roll back together. Locking the chain head serializes writers of one chain.
 */
export async function writeAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.execute(
    sql`insert into audit_chain_heads (chain, hash) values (${entry.chain}, ${GENESIS_HASH}) on conflict (chain) do nothing`,
  );
  const head = await queryRows<{ hash: string; seq: string | number }>(
    tx,
    sql`select hash, seq from audit_chain_heads where chain = ${entry.chain} for update`,
  );
  const prevHash = head[0]?.hash ?? GENESIS_HASH;
  const chainSeq = Number(head[0]?.seq ?? 0) + 1;
  const row: AuditRowForHash = {
    chain: entry.chain,
    at: new Date().toISOString(),
    actorUserId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    orgUnitId: entry.orgUnitId ?? null,
    before: plain(entry.before),
    after: plain(entry.after),
    correlationId: actor.correlationId ?? null,
    chainSeq,
  };
  const hash = auditHash(prevHash, row);
  auditWrites++;
  await tx.execute(sql`
    insert into audit_log (chain, at, actor_user_id, actor_name, action, entity, entity_id, org_unit_id,
                           before, after, correlation_id, chain_seq, prev_hash, hash)
    values (${row.chain}, ${row.at}, ${row.actorUserId}, ${row.actorName}, ${row.action}, ${row.entity},
            ${row.entityId}, ${row.orgUnitId}, ${JSON.stringify(row.before)}::jsonb, ${JSON.stringify(row.after)}::jsonb,
            ${row.correlationId}, ${chainSeq}, ${prevHash}, ${hash})`);
  await tx.execute(
    sql`update audit_chain_heads set hash = ${hash}, seq = ${chainSeq}, updated_at = now() where chain = ${entry.chain}`,
  );
}
