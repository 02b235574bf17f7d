// The pure half of `npm run deps:report` (scripts/dependency-report.mjs): which production packages are
// installed, how each compares with what its registry publishes, and which of them fail the check.
// No I/O here, so that the rules are unit-tested (dependency-versions.test.mjs) without a registry.

const versionPattern = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** `1.2.3-rc.1` → { major: 1, minor: 2, patch: 3, prerelease: ['rc', 1] }; null when it is not semver. */
export function parseVersion(text) {
  const match = versionPattern.exec(String(text).trim());
  if (!match) return null;
  const prerelease = match[4]
    ? match[4].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    : [];
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease };
}

/** Semver precedence: negative when a < b. A prerelease comes before its release (1.0.0-rc.1 < 1.0.0). */
export function compareVersions(a, b) {
  const left = typeof a === 'string' ? parseVersion(a) : a;
  const right = typeof b === 'string' ? parseVersion(b) : b;
  for (const key of ['major', 'minor', 'patch']) {
    if (left[key] !== right[key]) return left[key] - right[key];
  }
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return right.prerelease.length - left.prerelease.length;
  }
  for (let i = 0; i < Math.max(left.prerelease.length, right.prerelease.length); i++) {
    const [x, y] = [left.prerelease[i], right.prerelease[i]];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The versions a caret range accepts without a breaking change, as npm understands them: the major from
 * 1.0.0 on, but each 0.minor before it (0.20 → 0.21 may break), and each 0.0.patch.
 */
export function releaseLine(version) {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  if (v.major > 0) return `${v.major}`;
  if (v.minor > 0) return `0.${v.minor}`;
  return `0.0.${v.patch}`;
}

function highest(versions) {
  return versions.reduce(
    (best, candidate) => (best && compareVersions(best, candidate) >= 0 ? best : candidate),
    null,
  );
}

/**
 * How one installed package stands against the versions its registry lists. Prereleases never count as
 * "latest" (nobody should be told to move to a beta), unless that is what is installed.
 * status: 'current' | 'behind-patch' (a newer patch of the same minor) | 'behind-minor' (a newer minor of
 * the same release line) | 'behind-major' (current in its line, a newer line exists: informational).
 */
export function assessVersion(installed, published) {
  const parsed = parseVersion(installed);
  if (!parsed) return { status: 'unknown', latestInLine: null, latest: null };
  const stable = published.filter((version) => {
    const candidate = parseVersion(version);
    return candidate !== null && candidate.prerelease.length === 0;
  });
  const line = releaseLine(parsed);
  const latestInLine = highest(stable.filter((version) => releaseLine(version) === line)) ?? installed;
  const latest = highest(stable) ?? installed;
  let status = 'current';
  if (compareVersions(latestInLine, parsed) > 0) {
    const target = parseVersion(latestInLine);
    status = target.major === parsed.major && target.minor === parsed.minor ? 'behind-patch' : 'behind-minor';
  } else if (compareVersions(latest, parsed) > 0) {
    status = 'behind-major';
  }
  return { status, line, latestInLine, latest };
}

/**
 * Every package `npm ls --omit=dev --all --json` lists, once per name@version, with the packages that
 * require it. Workspace packages (linked from this repository, `file:` resolved) are ours, not the registry's.
 */
export function installedPackages(tree) {
  // npm marks a workspace `file:` where the root lists it, but not where another workspace requires it.
  const workspaces = new Set(
    Object.entries(tree.dependencies ?? {})
      .filter(([, child]) => typeof child.resolved === 'string' && child.resolved.startsWith('file:'))
      .map(([name]) => name),
  );
  const found = new Map();
  const walk = (node, parent) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (!workspaces.has(name) && child.version) {
        const key = `${name}@${child.version}`;
        const entry = found.get(key) ?? { name, version: child.version, requiredBy: [] };
        if (parent && !entry.requiredBy.includes(parent)) entry.requiredBy.push(parent);
        found.set(key, entry);
      }
      walk(child, name);
    }
  };
  walk(tree, null);
  return [...found.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || compareVersions(a.version, b.version),
  );
}

/**
 * Checks the allow-list file's shape: an array of { name, reason, version? }, each with a real reason.
 * `version`, when given, limits the exception to that installed version, so that it is reviewed again
 * when the package moves.
 */
export function validateExceptions(exceptions) {
  if (!Array.isArray(exceptions)) return ['the exceptions file must hold an array'];
  const problems = [];
  exceptions.forEach((entry, index) => {
    if (typeof entry?.name !== 'string' || entry.name === '') problems.push(`entry ${index}: no name`);
    if (typeof entry?.reason !== 'string' || entry.reason.trim().length < 10) {
      problems.push(`entry ${index} (${entry?.name}): a reason of a sentence is required`);
    }
    if (entry?.version !== undefined && !parseVersion(entry.version)) {
      problems.push(`entry ${index} (${entry?.name}): version is not a version`);
    }
  });
  return problems;
}

/**
 * Which packages fail the check: deprecated, or behind the latest release of their own line (a patch or a
 * minor that `npm update` can take without a breaking change). An exception excuses a package, with its
 * reason kept in the report. A newer major only informs. Exceptions that match no failure are listed, so
 * that the allow-list does not outlive its reasons.
 */
export function judge(assessed, exceptions) {
  const used = new Set();
  const rows = assessed.map((entry) => {
    const problems = [];
    if (entry.deprecated) problems.push('deprecated');
    if (entry.status === 'behind-patch' || entry.status === 'behind-minor') problems.push(entry.status);
    if (entry.status === 'unknown') problems.push('unknown version');
    const exceptionIndex = exceptions.findIndex(
      (exception) =>
        exception.name === entry.name &&
        (exception.version === undefined || exception.version === entry.version),
    );
    const excused = problems.length > 0 && exceptionIndex >= 0;
    if (excused) used.add(exceptionIndex);
    let verdict = 'ok';
    if (excused) verdict = 'excused';
    else if (problems.length > 0) verdict = 'fail';
    return {
      ...entry,
      problems,
      verdict,
      ...(excused ? { exception: exceptions[exceptionIndex].reason } : {}),
    };
  });
  const unusedExceptions = exceptions.filter((_, index) => !used.has(index));
  return { rows, failures: rows.filter((row) => row.verdict === 'fail'), unusedExceptions };
}

const statusText = {
  current: 'current',
  'behind-patch': 'patch behind',
  'behind-minor': 'minor behind',
  'behind-major': 'newer major',
  unknown: 'not semver',
};

const cell = (text) =>
  String(text ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ');

/** The report as a Markdown table, failures first, then everything else by name. */
export function renderMarkdown(
  { rows, failures, unusedExceptions },
  { generatedAt, registry, warnings = [] },
) {
  const order = { fail: 0, excused: 1, ok: 2 };
  const sorted = [...rows].sort(
    (a, b) => order[a.verdict] - order[b.verdict] || a.name.localeCompare(b.name),
  );
  const lines = [
    `# Production dependencies (${rows.length} installed name@version, ${generatedAt}, ${registry})`,
    '',
    ...warnings.map((warning) => `> **Warning:** ${warning}`),
    ...(warnings.length > 0 ? [''] : []),
    '| Package | Installed | Latest in its line | Latest | Status | Deprecated | Verdict | Note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...sorted.map((row) =>
      [
        '',
        cell(row.name),
        cell(row.version),
        cell(
          row.latestInLine
            ? `${row.latestInLine}${row.latestInLineDate ? ` (${row.latestInLineDate})` : ''}`
            : '',
        ),
        cell(row.latest),
        cell(statusText[row.status] ?? row.status),
        cell(row.deprecated ? `yes: ${row.deprecated}` : ''),
        cell(row.verdict),
        cell(
          row.exception ??
            (row.requiredBy.length > 0 ? `via ${row.requiredBy.slice(0, 3).join(', ')}` : 'direct'),
        ),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
    `${failures.length} failing, ${rows.filter((row) => row.verdict === 'excused').length} excused, ` +
      `${rows.filter((row) => row.status === 'behind-major').length} with a newer major (informational).`,
  ];
  for (const exception of unusedExceptions) {
    lines.push(
      `Unused exception (remove it?): ${exception.name}${exception.version ? `@${exception.version}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
