import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Root certificates the administrator trusts for verifying signed uploads (for instance the Ban
 * Cơ yếu Chính phủ's root for official-use signatures, NĐ 68/2024). Instance-wide: a signature is
 * trusted or not whatever ward uploads it.
 */
export const trustedRoots = pgTable(
  'trusted_roots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    commonName: text('common_name'),
    sha256: text('sha256').notNull(),
    pem: text('pem').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    note: text('note'),
    installedBy: uuid('installed_by'),
    installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trusted_roots_sha256').on(t.sha256)],
);
