import { z } from 'zod';

export const RoleCode = z.enum([
  'admin',
  'officer',
  'unit_head',
  'council_member',
  'chairman',
  'staff',
  'superior_viewer',
]);
export type RoleCode = z.infer<typeof RoleCode>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
});

export const Me = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleCode),
  orgUnit: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
  personId: z.string().nullable(),
  secondFactorRequired: z.boolean(),
  secondFactorPassed: z.boolean(),
});
export type Me = z.infer<typeof Me>;
