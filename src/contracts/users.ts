import { z } from 'zod';
import { RoleCode } from './auth.ts';
import { Ref } from './common.ts';

const Password = z
  .string()
  .min(10, 'Mật khẩu phải có ít nhất 10 ký tự.')
  .max(200, 'Mật khẩu quá dài (tối đa 200 ký tự).');

export const UserDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  orgUnitId: z.string(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  /** Locked after too many wrong passwords or codes, until this time. */
  lockedUntil: z.string().nullable(),
});
export type UserDto = z.infer<typeof UserDto>;

export const UserList = z.object({ items: z.array(UserDto) });

/** Changes an administrator makes; each one ends every session of the account. */
export const UserPatch = z
  .object({
    roles: z.array(RoleCode).min(1, 'Chọn ít nhất một vai trò').max(7).optional(),
    /** The unit the account moves to: one of the administrator's own subtree. */
    orgUnitId: Ref('orgUnit', 'write').optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.roles !== undefined || v.orgUnitId !== undefined || v.disabled !== undefined, {
    message: 'Chưa có thay đổi nào.',
  });

export const PasswordReset = z.object({ password: Password });

export const PasswordChange = z.object({
  currentPassword: z.string().min(1, 'Vui lòng nhập mật khẩu hiện tại').max(200),
  newPassword: Password,
});

export const AccountChanged = z.object({ ok: z.literal(true), endedSessions: z.number().int() });
