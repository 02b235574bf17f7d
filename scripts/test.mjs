#!/usr/bin/env node
// `npm test`: every suite in turn — lint, typecheck, unit, integration on PGlite and on PostgreSQL,
// the build, and the browser tests — then a summary of what ran and what was skipped, and why.
// With REQUIRE_ALL_SUITES=1 (CI) a skipped suite fails the run: nothing may pass by not running.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireAll = process.env.REQUIRE_ALL_SUITES === '1';
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-test-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function findPostgres() {
  if (process.env.CIAO_TEST_POSTGRES_URL) return 'CIAO_TEST_POSTGRES_URL';
  const dirs = [process.env.PG_BIN, ...listDebianPostgres()].filter(Boolean);
  return dirs.find(
    (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')),
  );
}

function listDebianPostgres() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(base, version, 'bin'));
}

function findChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (candidate) => candidate && fs.existsSync(candidate),
  );
}

/** Counts of a Vitest JSON report or a Playwright JSON report. */
function readCounts(file, kind) {
  if (!fs.existsSync(file)) return undefined;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  }
  const stats = report.stats ?? {};
  return {
    passed: stats.expected ?? 0,
    failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

const postgres = findPostgres();
const chromium = findChromium();

const suites = [
  { name: 'lint', command: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'typecheck', command: 'npm', args: ['run', '-s', 'typecheck'] },
  {
    name: 'unit',
    command: bin('vitest'),
    args: [
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/unit.json`,
    ],
    report: [`${reports}/unit.json`, 'vitest'],
  },
  {
    name: 'integration (PGlite)',
    command: bin('vitest'),
    args: [
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/pglite.json`,
    ],
    env: { CIAO_TEST_DB: 'pglite' },
    report: [`${reports}/pglite.json`, 'vitest'],
  },
  {
    name: 'integration (PostgreSQL)',
    command: bin('vitest'),
    args: [
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/postgres.json`,
    ],
    env: {
      CIAO_TEST_DB: 'postgres',
      ...(postgres && postgres !== 'CIAO_TEST_POSTGRES_URL' ? { PG_BIN: postgres } : {}),
    },
    skip: postgres
      ? undefined
      : 'no PostgreSQL binaries (apt-get install postgresql, or set PG_BIN or CIAO_TEST_POSTGRES_URL)',
    report: [`${reports}/postgres.json`, 'vitest'],
  },
  { name: 'build', command: 'npm', args: ['run', '-s', 'build'] },
  {
    name: 'browser (Playwright)',
    command: 'npm',
    args: ['run', '-s', 'test', '-w', 'e2e', '--', '--reporter=list,json'],
    env: { CHROMIUM_PATH: chromium ?? '', PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
    skip: chromium ? undefined : 'no Chromium (apt-get install chromium, or set CHROMIUM_PATH)',
    needs: 'build',
    report: [`${reports}/e2e.json`, 'playwright'],
  },
];

const results = [];
for (const suite of suites) {
  if (suite.skip) {
    results.push({ name: suite.name, status: 'skipped', why: suite.skip });
    continue;
  }
  const prerequisite = suite.needs && results.find((result) => result.name === suite.needs);
  if (prerequisite && prerequisite.status !== 'passed') {
    results.push({ name: suite.name, status: 'skipped', why: `${suite.needs} did not pass` });
    continue;
  }
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const run = spawnSync(suite.command, suite.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...suite.env },
  });
  const seconds = (Date.now() - started) / 1000;
  const counts = suite.report ? readCounts(...suite.report) : undefined;
  results.push({ name: suite.name, status: run.status === 0 ? 'passed' : 'failed', seconds, counts });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
console.log('\n=== summary ===');
for (const result of results) {
  const timing = result.seconds === undefined ? '' : ` in ${result.seconds.toFixed(1)} s`;
  const counts = result.counts
    ? ` (${result.counts.passed} passed, ${result.counts.failed} failed${result.counts.skipped ? `, ${result.counts.skipped} skipped` : ''})`
    : '';
  const why = result.why ? `: ${result.why}` : '';
  console.log(`${result.status.padEnd(8)} ${result.name}${timing}${counts}${why}`);
  if (result.counts) {
    totals.passed += result.counts.passed;
    totals.failed += result.counts.failed;
    totals.skipped += result.counts.skipped;
  }
}
fs.rmSync(reports, { recursive: true, force: true });

const failedSuites = results.filter((result) => result.status === 'failed');
const skippedSuites = results.filter((result) => result.status === 'skipped');
if (requireAll && skippedSuites.length > 0) {
  console.log(`REQUIRE_ALL_SUITES=1: ${skippedSuites.length} skipped suite(s) count as failures.`);
}
console.log(
  `suites: ${results.length - failedSuites.length - skippedSuites.length} passed, ${failedSuites.length} failed, ${skippedSuites.length} skipped`,
);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSuites.length > 0 || (requireAll && skippedSuites.length > 0) ? 1 : 0);
