#!/usr/bin/env node
// `npm run typecheck`: the build's project references first (the others read their declarations),
// then every other program side by side, as many at once as there are cores — one after the other
// they took close to a minute on a cold cache, most of it waiting on one core.
import { spawn } from 'node:child_process';
import os from 'node:os';

const tsc = (...args) => ({ label: `tsc ${args.join(' ')}`, args });
const first = tsc('-b', 'tsconfig.build.json');
// The longest first, so that the short ones fill in at the end.
// bench/ is in tsconfig.test.json: it imports the server's sources, which that program checks anyway.
const programs = [
  tsc('-p', 'tsconfig.test.json'),
  tsc('-p', 'apps/web/tsconfig.json', '--noEmit'),
  tsc('-p', 'apps/mobile/tsconfig.json', '--noEmit'),
  tsc('-p', 'packages/front-common/tsconfig.json', '--noEmit'),
  tsc('-p', 'e2e/tsconfig.json', '--noEmit'),
];

function run({ label, args }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ label, ok: code === 0, output }));
  });
}

function report(result) {
  console.log(`${result.ok ? 'ok    ' : 'FAILED'} ${result.label}`);
  if (!result.ok) process.stdout.write(result.output);
  return result.ok;
}

if (!report(await run(first))) process.exit(1);

const queue = [...programs];
const results = [];
const parallel = Math.max(1, Math.min(os.availableParallelism(), queue.length));
await Promise.all(
  Array.from({ length: parallel }, async () => {
    for (let program = queue.shift(); program; program = queue.shift()) results.push(await run(program));
  }),
);
const failed = results.map(report).filter((ok) => !ok).length;
process.exit(failed > 0 ? 1 : 0);
