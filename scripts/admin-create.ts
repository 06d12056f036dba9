// `npm run admin:create -- --username <name> [--name "<Họ và tên>"]`
// Creates the first system administrator (outside demo mode there are no default accounts):
// the account gets the admin role on the root organisation (created if the database is empty)
// and a one-time password that must be changed at first login. Prints the password once.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open';
import { roleGrants, users } from '../src/server/db/schema';
import { generateOneTimePassword } from '../src/server/modules/accounts/accounts.service';
import { insertOrg } from '../src/server/modules/organizations/organizations.repo';
import { writeAudit } from '../src/server/platform/audit/audit';
import { hashPassword } from '../src/server/platform/auth/passwords';

const { values } = parseArgs({
  options: {
    username: { type: 'string', default: 'admin' },
    name: { type: 'string', default: 'Quản trị hệ thống' },
    'root-name': { type: 'string', default: 'Sở Y tế' },
    'root-code': { type: 'string', default: 'SYT' },
  },
});
const username = values.username!.trim().toLowerCase();
if (!/^[a-z0-9._-]{3,50}$/.test(username)) {
  console.error('Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang (3–50 ký tự).');
  process.exit(2);
}
const opened = await openDatabase(loadConfig(), { attach: true });
try {
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  await opened.database.db.transaction(async (tx) => {
    const taken = await tx.execute(sql`select 1 from users where username = ${username}`);
    if (taken.rows.length > 0) throw new Error(`Tài khoản "${username}" đã tồn tại.`);
    let root = (
      await tx.execute<{ id: string }>(
        sql`select id from organizations where depth = 0 order by created_at limit 1`,
      )
    ).rows[0];
    if (!root) {
      const org = await insertOrg(
        tx,
        null,
        {
          type: 'department_of_health',
          code: values['root-code']!,
          name: values['root-name']!,
          shortName: 'SYT',
          validFrom: new Date().toISOString().slice(0, 10),
        },
        null,
      );
      root = { id: org.id };
    }
    const [user] = await tx
      .insert(users)
      .values({ username, displayName: values.name!, passwordHash, mustChangePassword: true })
      .returning({ id: users.id });
    await tx.insert(roleGrants).values({ userId: user!.id, role: 'admin', orgId: root.id });
    await writeAudit(
      tx,
      { actor: null, now: () => new Date(), requestId: 'cli-admin-create' },
      {
        action: 'user.create_admin',
        entityType: 'user',
        entityId: user!.id,
        orgId: root.id,
        after: { username },
      },
    );
  });
  console.log(`Đã tạo tài khoản quản trị "${username}".`);
  console.log(`Mật khẩu dùng một lần (đổi ngay khi đăng nhập lần đầu): ${password}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await opened.close();
}
