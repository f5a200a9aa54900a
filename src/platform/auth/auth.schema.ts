import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** argon2id (ADR 0003). */
  passwordHash: text('password_hash').notNull(),
  /** Roles (glossary-free English codes, see `platform/auth/roles.ts`). */
  roles: text('roles').array().notNull(),
  /** Root of the org subtree this user works on. */
  orgUnitId: uuid('org_unit_id').notNull(),
  /** The person record of this user, for "my own records". */
  personId: uuid('person_id'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  /** Last accepted TOTP time step: a code is accepted once (ASVS 6.5.1). */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database reader cannot replay a session. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the second factor (or re-authentication) was passed. */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** Last time the user proved a factor (password or TOTP), for routes declaring `reauth`. */
    reauthenticatedAt: timestamp('reauthenticated_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** One-time recovery codes, stored as SHA-256 hashes (each has 50 random bits). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/**
 * TOTP secrets waiting for their confirming code, one per session (trust issue, item 3). In the
 * database, not in memory, so an enrolment survives a restart and works whichever server process
 * answers the confirming request. Rows expire after a few minutes and are purged on the next start.
 */
export const pendingTotpEnrolments = pgTable(
  'pending_totp_enrolments',
  {
    /** The session that started the enrolment (SHA-256 of its cookie token). */
    sessionTokenHash: text('session_token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    secret: text('secret').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pending_totp_enrolments_expires').on(t.expiresAt)],
);
