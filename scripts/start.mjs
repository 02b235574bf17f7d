#!/usr/bin/env node
// `npm start`: builds what is not built (or is older than its sources), then starts the server in
// this same process, so that Ctrl-C reaches it directly and stops everything cleanly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function run(label, command, args, cwd = root) {
  const started = Date.now();
  process.stdout.write(`ciao: building ${label}… `);
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write('failed\n');
    console.error(result.stdout, result.stderr);
    console.error(`ciao: building ${label} failed; fix the error above and run npm start again.`);
    process.exit(1);
  }
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const vite = path.join(root, 'node_modules', '.bin', 'vite');
const serverEntry = path.join(root, 'apps', 'server', 'dist', 'main.js');

// Server-side packages: only rebuilt when a source is newer than the last build.
const serverSources = [
  'packages/domain/src',
  'apps/onss-simulator/src',
  'apps/server/src',
  'apps/server/package.json',
];
const serverBuiltAt = Math.min(
  ...['packages/domain', 'apps/onss-simulator', 'apps/server'].map((dir) =>
    fs.existsSync(path.join(root, dir, 'dist'))
      ? newestMtime(path.join(root, dir, 'dist', '.tsbuildinfo'))
      : 0,
  ),
);
if (
  !fs.existsSync(serverEntry) ||
  Math.max(...serverSources.map((s) => newestMtime(path.join(root, s)))) > serverBuiltAt
) {
  if (!fs.existsSync(tsc)) {
    console.error('ciao: the server is not built and TypeScript is not installed: run npm ci first.');
    process.exit(1);
  }
  run('the server', tsc, ['-b', 'tsconfig.build.json']);
}

// Front ends: rebuilt when their sources (or the shared domain and front-common packages) changed
// since the last build.
for (const app of ['web', 'mobile']) {
  const dir = path.join(root, 'apps', app);
  const builtAt = newestMtime(path.join(dir, 'dist', 'index.html'));
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((s) =>
    path.join(dir, s),
  );
  const changedAt = Math.max(
    ...sources.map(newestMtime),
    newestMtime(path.join(root, 'packages', 'domain', 'src')),
    newestMtime(path.join(root, 'packages', 'front-common')),
  );
  if (builtAt === 0 || changedAt > builtAt) {
    if (!fs.existsSync(vite)) {
      console.error(`ciao: the ${app} app is not built and Vite is not installed: run npm ci first.`);
      process.exit(1);
    }
    run(app === 'web' ? 'the back-office' : 'the agent app', vite, ['build'], dir);
  }
}

await import(serverEntry);
