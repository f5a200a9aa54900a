/** Roles a user can hold (issue 2, item 8). Vietnamese labels are what the UI shows. */
export const ROLES = [
  'admin',
  'officer',
  'unit_head',
  'council_member',
  'chairman',
  'staff',
  'superior_viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  officer: 'Cán bộ phụ trách thi đua, khen thưởng',
  unit_head: 'Thủ trưởng đơn vị',
  council_member: 'Thành viên Hội đồng Thi đua - Khen thưởng',
  chairman: 'Chủ tịch (người ký)',
  staff: 'Cán bộ, công chức (hồ sơ của mình)',
  superior_viewer: 'Cấp trên (chỉ xem)',
};

/** Roles that write within their subtree; the rest only read. */
export const WRITER_ROLES: readonly Role[] = ['admin', 'officer', 'unit_head', 'chairman'];

/** Roles that must pass a second factor (trust issue, item 3). */
export const TWO_FACTOR_ROLES: readonly Role[] = ['admin', 'officer', 'chairman'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
