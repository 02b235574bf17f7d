#!/usr/bin/env node
// `npm run deps:report [-- --json] [-- --concurrency N]`: every production package installed (what the
// server runs and the front ends bundle), against what the registry publishes. It stands in for
// `npm audit` where the registry's audit endpoints are refused (docs/security.md): it does not know
// advisories, only that a package is deprecated or behind a release its range would accept.
// Exit 1 when one is, unless scripts/dependency-exceptions.json explains why; exit 2 when it cannot tell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  assessVersion,
  installedPackages,
  judge,
  renderMarkdown,
  validateExceptions,
} from './dependency-versions.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const exceptionsFile = fileURLToPath(new URL('./dependency-exceptions.json', import.meta.url));
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const concurrencyIndex = args.indexOf('--concurrency');
// Each `npm view` is a node process: a few at a time keeps a shared machine usable.
const concurrency = concurrencyIndex >= 0 ? Math.max(1, Number(args[concurrencyIndex + 1]) || 4) : 4;
// A package the registry has deprecated for years (it leaks memory): if the registry does not say so,
// it does not serve deprecations at all (some mirrors strip them), and an empty column proves nothing.
const deprecationCanary = 'inflight@1.0.6';

async function npm(...npmArgs) {
  const { stdout } = await run('npm', npmArgs, { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

async function installedTree() {
  try {
    return JSON.parse(await npm('ls', '--omit=dev', '--all', '--json'));
  } catch (error) {
    // npm ls exits 1 on an invalid or missing package but still prints the tree: report what is there.
    if (error.stdout) return JSON.parse(error.stdout);
    throw error;
  }
}

// One `npm view` per installed name@version, each asked once per run even if the tree lists it many times.
const viewed = new Map();
function view(spec) {
  if (!viewed.has(spec)) {
    viewed.set(
      spec,
      npm('view', spec, 'deprecated', 'versions', 'time', '--json').then((stdout) => {
        const answer = stdout.trim() === '' ? {} : JSON.parse(stdout);
        // npm prints a lone field's value instead of an object, and a lone version as a string.
        const fields = Array.isArray(answer) || typeof answer === 'string' ? { versions: answer } : answer;
        const versions = typeof fields.versions === 'string' ? [fields.versions] : (fields.versions ?? []);
        return { deprecated: fields.deprecated ?? null, versions, time: fields.time ?? {} };
      }),
    );
  }
  return viewed.get(spec);
}

async function inPool(items, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

function readExceptions() {
  const exceptions = fs.existsSync(exceptionsFile) ? JSON.parse(fs.readFileSync(exceptionsFile, 'utf8')) : [];
  const problems = validateExceptions(exceptions);
  if (problems.length > 0) {
    console.error(`${exceptionsFile}:\n  ${problems.join('\n  ')}`);
    process.exit(2);
  }
  return exceptions;
}

const exceptions = readExceptions();
const registry = (await npm('config', 'get', 'registry')).trim();
const packages = installedPackages(await installedTree());
const lookupErrors = [];
const assessed = await inPool(packages, async (entry) => {
  try {
    const published = await view(`${entry.name}@${entry.version}`);
    const assessment = assessVersion(entry.version, published.versions);
    const date = published.time[assessment.latestInLine];
    return {
      ...entry,
      ...assessment,
      latestInLineDate: date ? date.slice(0, 10) : null,
      deprecated: published.deprecated,
    };
  } catch (error) {
    lookupErrors.push(
      `${entry.name}@${entry.version}: ${
        String(error.stderr || error.message)
          .trim()
          .split('\n')[0]
      }`,
    );
    return null;
  }
});
if (lookupErrors.length > 0) {
  // Better no report than one that looks clean because the registry did not answer.
  console.error(`The registry (${registry}) did not answer for:\n  ${lookupErrors.join('\n  ')}`);
  process.exit(2);
}

const warnings = [];
const canary = await view(deprecationCanary).catch(() => ({ deprecated: null }));
if (!canary.deprecated) {
  warnings.push(
    `${registry} does not report ${deprecationCanary} as deprecated, though it is: this registry serves no ` +
      'deprecation notices (some mirrors strip them), so an empty Deprecated column proves nothing here. ' +
      'Run it where the public npm registry answers.',
  );
}

const result = judge(assessed, exceptions);
const generatedAt = new Date().toISOString().slice(0, 10);
if (asJson) {
  console.log(JSON.stringify({ generatedAt, registry, warnings, ...result }, null, 2));
} else {
  process.stdout.write(renderMarkdown(result, { generatedAt, registry, warnings }));
}
for (const warning of warnings) console.error(`Warning: ${warning}`);
if (result.failures.length > 0) {
  console.error(
    `${result.failures.length} production package(s) deprecated or behind their line's latest release: ` +
      `${result.failures.map((row) => `${row.name}@${row.version} (${row.problems.join(', ')})`).join('; ')}. ` +
      'Update them (npm update), or explain each in scripts/dependency-exceptions.json.',
  );
  process.exit(1);
}
