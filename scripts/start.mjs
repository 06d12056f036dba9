// `npm start`: builds the web UI when it is missing or older than its sources, then runs the
// server in this process. Demo mode (demo data and demo accounts on an empty database) is on
// unless THIDUA_DEMO=false.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
process.env.THIDUA_DEMO ??= 'true';

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const webIndex = path.join(root, 'dist/web/index.html');
const sources = Math.max(
  newestMtime(path.join(root, 'src/web')),
  newestMtime(path.join(root, 'src/domain')),
  fs.existsSync('vite.config.ts') ? fs.statSync('vite.config.ts').mtimeMs : 0,
);
if (
  fs.existsSync(path.join(root, 'src/web/index.html')) &&
  (!fs.existsSync(webIndex) || fs.statSync(webIndex).mtimeMs < sources)
) {
  console.log('Đang biên dịch giao diện web (lần đầu mất khoảng 30 giây)… / Building the web UI…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
