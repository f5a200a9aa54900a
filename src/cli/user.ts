import { parseArgs } from 'node:util';
import { getUserByUsername, insertUser } from '../platform/auth/users.repository.ts';
import { passwordProblem } from '../platform/auth/passwords.ts';
import { isRole, ROLES } from '../platform/auth/roles.ts';
import { changeAccount, type AccountChange } from '../platform/auth/accounts.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { Database } from '../platform/db/client.ts';
import { OrgDirectory, orgEvents, orgUnits, type OrgUnitRow } from '../organizations/index.ts';
import { openForCli } from './open.ts';

const USAGE = `Dùng:
  tdkt user add --username U --password P --role R [--role R…] --org MÃ_ĐƠN_VỊ [--name "Họ tên"]
  tdkt user reset-password --username U --password P
  tdkt user set-roles --username U --role R [--role R…]
  tdkt user move --username U --org MÃ_ĐƠN_VỊ
  tdkt user disable|enable --username U
  tdkt user reset-2fa --username U
Mỗi thay đổi (trừ add) kết thúc mọi phiên đăng nhập đang mở của tài khoản.`;

const CLI_ACTOR = { userId: null, name: 'tdkt cli' };

async function findUnit(database: Database, code: string): Promise<OrgUnitRow | undefined> {
  const directory = new OrgDirectory(
    await database.db.select().from(orgUnits),
    await database.db.select().from(orgEvents),
  );
  return directory.byCode(code, new Date().toISOString().slice(0, 10)) ?? directory.byCode(code);
}

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
  const known = ['add', 'reset-password', 'set-roles', 'move', 'disable', 'enable', 'reset-2fa'];
  if (!sub || !known.includes(sub) || !values.username) {
    console.error(USAGE);
    return 2;
  }
  const username = values.username;
  const roles = values.role ?? [];
  if ((sub === 'add' || sub === 'set-roles') && (roles.length === 0 || !roles.every(isRole))) {
    console.error(`Cần --role (${ROLES.join(', ')}).`);
    return 2;
  }
  if ((sub === 'add' || sub === 'move') && !values.org) {
    console.error('Cần --org MÃ_ĐƠN_VỊ.');
    return 2;
  }
  if (sub === 'add' || sub === 'reset-password') {
    const problem = values.password ? passwordProblem(values.password) : 'Cần --password.';
    if (problem) {
      console.error(problem);
      return 2;
    }
  }
  const database = await openForCli();
  try {
    const unit = values.org ? await findUnit(database, values.org) : undefined;
    if (values.org && !unit) {
      console.error(`Không tìm thấy đơn vị có mã ${values.org}.`);
      return 1;
    }
    if (sub === 'add') {
      await database.db.transaction(async (tx) => {
        const id = await insertUser(tx, {
          username,
          displayName: values.name ?? username,
          password: values.password!,
          roles: roles.filter(isRole),
          orgUnitId: unit!.id,
        });
        await writeAudit(tx, CLI_ACTOR, {
          chain: 'system',
          action: 'user.create',
          entity: 'user',
          entityId: id,
          after: { username, roles, org: unit!.code },
        });
      });
      console.log(`Đã tạo tài khoản ${username}.`);
      return 0;
    }
    const user = await getUserByUsername(database.db, username);
    if (!user) {
      console.error('Không tìm thấy tài khoản.');
      return 1;
    }
    const change: AccountChange =
      sub === 'reset-password'
        ? { kind: 'password', password: values.password! }
        : sub === 'set-roles'
          ? { kind: 'roles', roles: roles.filter(isRole) }
          : sub === 'move'
            ? { kind: 'org', orgUnitId: unit!.id }
            : sub === 'reset-2fa'
              ? { kind: 'second_factor_reset' }
              : { kind: 'disabled', disabled: sub === 'disable' };
    const { endedSessions } = await database.db.transaction((tx) =>
      changeAccount(tx, CLI_ACTOR, user.id, change),
    );
    const done: Record<string, string> = {
      'reset-password': 'Đã đặt lại mật khẩu.',
      'set-roles': 'Đã đổi vai trò.',
      move: `Đã chuyển tài khoản sang ${unit?.name ?? ''}.`,
      disable: 'Đã khóa tài khoản.',
      enable: 'Đã mở khóa tài khoản.',
      'reset-2fa': 'Đã gỡ xác thực hai lớp; người dùng sẽ đăng ký lại khi đăng nhập.',
    };
    console.log(`${done[sub]} Đã kết thúc ${endedSessions} phiên đăng nhập.`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.userMessage);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
