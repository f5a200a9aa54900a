import { AppError, forbidden } from '../errors.ts';
import type { Role } from './roles.ts';

/**
 * Every route declares who may call it (issue 2, item 8; STYLE.md "Deny by default"):
 * - `public`: anyone, with the reason written down (sign-in, health, certificate check);
 * - `roles`: the roles allowed, or 'authenticated' for any signed-in user;
 * - `scope`: which organizations the handler touches. 'org' handlers must check every row they
 *   load or change against `auth.readOrgIds` / `auth.writeOrgIds`; 'self' handlers touch only
 *   the caller's own records; 'none' touch no org-scoped data.
 * The app refuses to start when a route under /api or /verify has no policy.
 */
export type AccessPolicy =
  | { public: true; reason: string }
  | {
      roles: readonly Role[] | 'authenticated';
      scope: 'org' | 'self' | 'none';
      /** The password or a TOTP code must have been given within REAUTH_MINUTES (trust issue, item 3). */
      reauth?: boolean;
      /** Callable before the second factor is passed: the sign-in and enrolment steps only. */
      beforeSecondFactor?: boolean;
    };

export type AuthContext = {
  userId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  orgUnitId: string;
  personId: string | null;
  /** Org units whose data the user may read: subtree, plus merged predecessors' subtrees. */
  readOrgIds: ReadonlySet<string>;
  /** Org units whose data the user may change. */
  writeOrgIds: ReadonlySet<string>;
  /** Whether this session passed the second factor. */
  secondFactor: boolean;
  /** What the account asks for after the password: nothing, a TOTP code, or enrolment first. */
  secondFactorState?: 'none' | 'required' | 'enrolment_required';
  /** Last time this session proved the password or a TOTP code. */
  reauthenticatedAt?: Date | null;
  sessionTokenHash: string;
};

export function hasAnyRole(auth: AuthContext, roles: readonly Role[] | 'authenticated'): boolean {
  return roles === 'authenticated' || auth.roles.some((r) => roles.includes(r));
}

export function canRead(auth: AuthContext, orgUnitId: string): boolean {
  return auth.readOrgIds.has(orgUnitId);
}

export function canWrite(auth: AuthContext, orgUnitId: string): boolean {
  return auth.writeOrgIds.has(orgUnitId);
}

/**
 * Rows outside the caller's scope answer "not found", not "forbidden", so that a user of one
 * ward cannot even learn which ids exist in another.
 */
export function assertCanRead(auth: AuthContext, orgUnitId: string, what: string): void {
  if (!canRead(auth, orgUnitId)) throw new AppError('not_found', 'NOT_FOUND', `Không tìm thấy ${what}.`);
}

export function assertCanWrite(auth: AuthContext, orgUnitId: string, what: string): void {
  assertCanRead(auth, orgUnitId, what);
  if (!canWrite(auth, orgUnitId)) throw forbidden(`Bạn chỉ được xem, không được thay đổi ${what}.`);
}

export function requireAuth(auth: AuthContext | undefined): AuthContext {
  if (!auth) throw new AppError('unauthenticated', 'AUTH.REQUIRED', 'Vui lòng đăng nhập.');
  return auth;
}
