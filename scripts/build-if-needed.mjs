// `npm start` builds the PWA only when dist/ is missing or older than its sources,
// so a fresh clone works with `npm install && npm start` and a restart is quick.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist', 'index.html');
const sources = ['index.html', 'vite.config.ts', 'package.json', 'public', 'src/ui', 'src/domain', 'src/local-db', 'src/sync'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newestMtime(join(root, s))));
if (builtAt > changedAt) process.exit(0);

console.log('Building the Hearth app (first start, or the sources changed)…');
const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  // A test runner's NODE_ENV=test must not leak into the build: it would ship React's development build and no service worker.
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(result.status ?? 1);
