import { z } from 'zod';

/** What a session still needs after the password (trust issue, item 3). */
export const SecondFactorState = z.enum(['none', 'required', 'enrolment_required']);
export type SecondFactorState = z.infer<typeof SecondFactorState>;

export const LoginResponse = z.object({
  ok: z.literal(true),
  userId: z.string(),
  /** 'required': send a TOTP code; 'enrolment_required': enrol TOTP before anything else. */
  secondFactor: SecondFactorState,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TotpCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số'),
});

export const RecoveryCode = z.object({
  code: z.string().trim().min(6, 'Mã khôi phục không hợp lệ').max(20, 'Mã khôi phục không hợp lệ'),
});

export const TotpEnrolment = z.object({
  /** Base32 secret, for typing into an authenticator by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** PNG QR code of `otpauthUri` as a data: URL. */
  qrDataUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  /** The roles of the account require a second factor. */
  required: z.boolean(),
  passed: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

export const ReauthRequest = z
  .object({
    password: z.string().min(1).max(200).optional(),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số')
      .optional(),
  })
  .refine((v) => v.password !== undefined || v.code !== undefined, 'Nhập mật khẩu hoặc mã xác thực');
