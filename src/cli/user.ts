import { parseArgs } from 'node:util';
import { insertUser, setPassword } from '../platform/auth/users.repository.ts';
import { passwordProblem } from '../platform/auth/passwords.ts';
import { isRole } from '../platform/auth/roles.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { OrgDirectory, orgEvents, orgUnits } from '../organizations/index.ts';
import { openForCli } from './open.ts';

export async function runUserCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!values.username || !values.password) {
    console.error('Cần --username và --password.');
    return 2;
  }
  const problem = passwordProblem(values.password);
  if (problem) {
    console.error(problem);
    return 2;
  }
  const database = await openForCli();
  try {
    if (sub === 'reset-password') {
      const ok = await database.db.transaction(async (tx) => {
        const changed = await setPassword(tx, values.username!, values.password!);
        if (changed) {
          await writeAudit(
            tx,
            { userId: null, name: 'tdkt cli' },
            { chain: 'system', action: 'user.reset_password', entity: 'user', entityId: values.username! },
          );
        }
        return changed;
      });
      console.log(ok ? 'Đã đặt lại mật khẩu.' : 'Không tìm thấy tài khoản.');
      return ok ? 0 : 1;
    }
    if (sub === 'add') {
      const roles = values.role ?? [];
      if (roles.length === 0 || !roles.every(isRole) || !values.org) {
        console.error(
          'Cần --role (admin, officer, unit_head, council_member, chairman, staff, superior_viewer) và --org MÃ_ĐƠN_VỊ.',
        );
        return 2;
      }
      const directory = new OrgDirectory(
        await database.db.select().from(orgUnits),
        await database.db.select().from(orgEvents),
      );
      const unit =
        directory.byCode(values.org, new Date().toISOString().slice(0, 10)) ?? directory.byCode(values.org);
      if (!unit) {
        console.error(`Không tìm thấy đơn vị có mã ${values.org}.`);
        return 1;
      }
      await database.db.transaction(async (tx) => {
        const id = await insertUser(tx, {
          username: values.username!,
          displayName: values.name ?? values.username!,
          password: values.password!,
          roles: roles.filter(isRole),
          orgUnitId: unit.id,
        });
        await writeAudit(
          tx,
          { userId: null, name: 'tdkt cli' },
          {
            chain: 'system',
            action: 'user.create',
            entity: 'user',
            entityId: id,
            after: { username: values.username, roles, org: unit.code },
          },
        );
      });
      console.log(`Đã tạo tài khoản ${values.username}.`);
      return 0;
    }
    console.error('Dùng: tdkt user add|reset-password …');
    return 2;
  } finally {
    await database.close();
  }
}
