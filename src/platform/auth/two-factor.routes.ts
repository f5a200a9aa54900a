import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { Ok } from '../../contracts/common.ts';
import {
  ReauthRequest,
  RecoveryCode,
  RecoveryCodes,
  TotpCode,
  TotpEnrolment,
  TwoFactorStatus,
} from '../../contracts/security.ts';
import { AppError } from '../errors.ts';
import type { AppDeps } from '../http/context.ts';
import { writeAudit } from '../audit/audit.ts';
import { requireAuth } from './access.ts';
import { users } from './auth.schema.ts';
import {
  confirmEnrolment,
  countRecoveryCodes,
  issueRecoveryCodes,
  REAUTH_MINUTES,
  reauthenticate,
  startEnrolment,
  useRecoveryCode,
  verifySecondFactor,
} from './two-factor.ts';

/** Per address, on top of the per-account lock after five wrong codes. */
const CODE_RATE = { max: 30, timeWindow: '1 minute' };

/** TOTP enrolment, the second sign-in step, recovery codes and re-authentication (trust issue, item 3). */
export async function twoFactorRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/v1/auth/two-factor',
    {
      config: { access: { roles: 'authenticated', scope: 'self', beforeSecondFactor: true } },
      schema: { response: { 200: TwoFactorStatus } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const state = auth.secondFactorState ?? 'none';
      return {
        enabled: state === 'required',
        required: state !== 'none',
        passed: auth.secondFactor,
        recoveryCodesLeft: await countRecoveryCodes(db, auth.userId),
      };
    },
  );

  r.post(
    '/api/v1/auth/totp/verify',
    {
      config: {
        access: { roles: 'authenticated', scope: 'self', beforeSecondFactor: true },
        rateLimit: CODE_RATE,
      },
      schema: { body: TotpCode, response: { 200: Ok } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      await verifySecondFactor(db, auth.userId, auth.sessionTokenHash, req.body.code);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/auth/recovery',
    {
      config: {
        access: { roles: 'authenticated', scope: 'self', beforeSecondFactor: true },
        rateLimit: CODE_RATE,
      },
      schema: { body: RecoveryCode, response: { 200: TwoFactorStatus.pick({ recoveryCodesLeft: true }) } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const left = await useRecoveryCode(db, auth.userId, auth.sessionTokenHash, req.body.code);
      return { recoveryCodesLeft: left };
    },
  );

  r.post(
    '/api/v1/auth/totp/enrol',
    {
      config: { access: { roles: 'authenticated', scope: 'self', beforeSecondFactor: true } },
      schema: { response: { 200: TotpEnrolment } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      // Replacing a working secret needs the old one first, and a fresh proof: a session
      // left open must not let someone move the second factor to their own phone.
      if (auth.secondFactorState === 'required') {
        if (!auth.secondFactor) {
          throw new AppError(
            'unauthenticated',
            'AUTH.SECOND_FACTOR_REQUIRED',
            'Vui lòng nhập mã xác thực hai lớp.',
          );
        }
        const fresh = (auth.reauthenticatedAt?.getTime() ?? 0) > Date.now() - REAUTH_MINUTES * 60_000;
        if (!fresh) {
          throw new AppError(
            'unauthenticated',
            'AUTH.REAUTH_REQUIRED',
            'Đổi thiết bị xác thực cần xác nhận lại mật khẩu hoặc mã xác thực.',
          );
        }
      }
      return startEnrolment(db, auth.userId, auth.sessionTokenHash);
    },
  );

  r.post(
    '/api/v1/auth/totp/confirm',
    {
      config: {
        access: { roles: 'authenticated', scope: 'self', beforeSecondFactor: true },
        rateLimit: CODE_RATE,
      },
      schema: { body: TotpCode, response: { 200: RecoveryCodes } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      return { recoveryCodes: await confirmEnrolment(db, auth.userId, auth.sessionTokenHash, req.body.code) };
    },
  );

  r.post(
    '/api/v1/auth/reauth',
    {
      config: { access: { roles: 'authenticated', scope: 'self' }, rateLimit: CODE_RATE },
      schema: { body: ReauthRequest, response: { 200: Ok } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      await reauthenticate(db, auth.userId, auth.sessionTokenHash, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/auth/recovery-codes',
    {
      config: { access: { roles: 'authenticated', scope: 'self', reauth: true } },
      schema: { response: { 200: RecoveryCodes } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const [user] = await db
        .select({ totpEnabled: users.totpEnabled })
        .from(users)
        .where(eq(users.id, auth.userId));
      if (!user?.totpEnabled) {
        throw new AppError('conflict', 'AUTH.TOTP_NOT_ENABLED', 'Tài khoản chưa bật xác thực hai lớp.');
      }
      return db.transaction(async (tx) => {
        const codes = await issueRecoveryCodes(tx, auth.userId);
        await writeAudit(
          tx,
          { userId: auth.userId, name: auth.displayName, correlationId: req.id },
          { chain: 'system', action: 'auth.recovery_codes', entity: 'user', entityId: auth.userId },
        );
        return { recoveryCodes: codes };
      });
    },
  );
}
