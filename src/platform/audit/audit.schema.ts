import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every write leaves one row here, in the same transaction as the write. Rows form a hash chain
 * per body (`chain`): `hash = sha256(prevHash ‖ canonical row)`, so editing, deleting or
 * reordering a row breaks the chain (trust issue).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    orgUnitId: uuid('org_unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    correlationId: text('correlation_id'),
    /**
     * Position of the row in its chain (1, 2, …), covered by the hash: a deleted row leaves a gap
     * and a deleted tail leaves the head's count ahead. Null only on rows written before it existed.
     */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_chain_seq').on(t.chain, t.seq),
    index('audit_log_entity').on(t.entity, t.entityId),
  ],
);

/** The newest hash of each chain; updating it serializes writers of one chain. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  hash: text('hash').notNull(),
  /** Number of rows in the chain; the last row's `chain_seq`. */
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
