// `npm run audit:verify`: checks the hash chain of the audit trail. Prints OK and the head of the
// chain, or names the first row that was edited or removed (exit code 1).
// Works with the server running (attaches to its embedded database) or stopped.
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open';
import { verifyAuditChain } from '../src/server/platform/audit/audit';

const opened = await openDatabase(loadConfig(), { attach: true });
try {
  const result = await verifyAuditChain(opened.database.db);
  if (result.ok) {
    console.log(`OK — ${result.rows} bản ghi nhật ký, chuỗi băm toàn vẹn.`);
    if (result.head) console.log(`Đầu chuỗi: #${result.head.seq} ${result.head.hash}`);
    console.log(`OK — ${result.rows} audit rows, hash chain intact.`);
  } else {
    const p = result.problem!;
    console.error(`LỖI — ${p.message}`);
    console.error(
      `FAILED — audit row #${p.seq}: ${p.kind === 'edited' ? 'edited' : p.kind === 'missing' ? 'removed' : 'chain link broken'}`,
    );
    process.exitCode = 1;
  }
} finally {
  await opened.close();
}
