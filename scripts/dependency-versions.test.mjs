import { describe, expect, it } from 'vitest';
import {
  assessVersion,
  compareVersions,
  installedPackages,
  judge,
  releaseLine,
  renderMarkdown,
  validateExceptions,
} from './dependency-versions.mjs';

describe('version order', () => {
  it('compares numerically, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('10.1.11', '10.1.2')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });

  it('puts a prerelease before its release, and orders prereleases as semver does', () => {
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-alpha', '1.0.0-alpha.1')).toBeLessThan(0);
    expect(compareVersions('1.0.0-beta.2', '1.0.0-beta.11')).toBeLessThan(0);
    expect(compareVersions('1.0.0-1', '1.0.0-alpha')).toBeLessThan(0);
  });

  it('groups versions by what a caret range accepts', () => {
    expect(releaseLine('10.1.11')).toBe('10');
    expect(releaseLine('0.20.2')).toBe('0.20');
    expect(releaseLine('0.0.3')).toBe('0.0.3');
  });
});

describe('a package against its published versions', () => {
  const published = ['9.2.0', '9.3.0', '9.3.1', '9.4.0-rc.1', '10.0.0', '10.1.11', '11.0.0-beta.1'];

  it('is current when nothing newer is out, and a prerelease does not count as newer', () => {
    expect(assessVersion('10.1.11', published)).toMatchObject({ status: 'current', latest: '10.1.11' });
  });

  it('is a patch behind when its minor has a newer patch', () => {
    expect(assessVersion('9.3.0', ['9.3.0', '9.3.1'])).toMatchObject({
      status: 'behind-patch',
      latestInLine: '9.3.1',
    });
  });

  it('is a minor behind when its major has a newer minor, whatever the newer majors', () => {
    expect(assessVersion('9.2.0', published)).toMatchObject({
      status: 'behind-minor',
      latestInLine: '9.3.1',
      latest: '10.1.11',
    });
  });

  it('only has a newer major when it is the latest of its own', () => {
    expect(assessVersion('9.3.1', published)).toMatchObject({
      status: 'behind-major',
      latestInLine: '9.3.1',
    });
  });

  it('treats 0.x minors as majors, as npm caret ranges do', () => {
    expect(assessVersion('0.20.2', ['0.20.2', '0.21.0'])).toMatchObject({ status: 'behind-major' });
    expect(assessVersion('0.20.2', ['0.20.2', '0.20.3', '0.21.0'])).toMatchObject({ status: 'behind-patch' });
  });

  it('does not call an installed prerelease behind its own line when that line has no release yet', () => {
    expect(assessVersion('11.0.0-beta.1', published)).toMatchObject({ status: 'current' });
  });

  it('says so when the installed version is not semver', () => {
    expect(assessVersion('github:owner/repo', published).status).toBe('unknown');
  });
});

describe('the installed tree', () => {
  const tree = {
    name: 'ciao',
    dependencies: {
      '@ciao/server': {
        version: '0.1.0',
        resolved: 'file:../../apps/server',
        dependencies: {
          '@ciao/domain': { version: '0.1.0' },
          fastify: { version: '5.12.8', dependencies: { 'find-my-way': { version: '9.3.0' } } },
          '@fastify/static': { version: '10.1.11', dependencies: { glob: { version: '14.0.6' } } },
        },
      },
      '@ciao/domain': {
        version: '0.1.0',
        resolved: 'file:../../packages/domain',
        dependencies: { zod: { version: '4.6.7' } },
      },
      '@ciao/web': {
        version: '0.1.0',
        resolved: 'file:../../apps/web',
        dependencies: { glob: { version: '13.0.7' }, 'find-my-way': { version: '9.3.0' } },
      },
    },
  };

  it('lists each registry package once per version, with who requires it, and none of the workspaces', () => {
    expect(installedPackages(tree)).toEqual([
      { name: '@fastify/static', version: '10.1.11', requiredBy: ['@ciao/server'] },
      { name: 'fastify', version: '5.12.8', requiredBy: ['@ciao/server'] },
      { name: 'find-my-way', version: '9.3.0', requiredBy: ['fastify', '@ciao/web'] },
      { name: 'glob', version: '13.0.7', requiredBy: ['@ciao/web'] },
      { name: 'glob', version: '14.0.6', requiredBy: ['@fastify/static'] },
      { name: 'zod', version: '4.6.7', requiredBy: ['@ciao/domain'] },
    ]);
  });
});

describe('the verdict', () => {
  const row = (name, status, extra = {}) => ({
    name,
    version: '1.0.0',
    status,
    requiredBy: ['@ciao/server'],
    deprecated: null,
    ...extra,
  });

  it('fails a deprecated package and one behind its line, not one with only a newer major', () => {
    const { failures } = judge(
      [
        row('current', 'current'),
        row('old-major', 'behind-major'),
        row('patch', 'behind-patch'),
        row('minor', 'behind-minor'),
        row('gone', 'current', { deprecated: 'use something else' }),
      ],
      [],
    );
    expect(failures.map((failure) => [failure.name, failure.problems])).toEqual([
      ['patch', ['behind-patch']],
      ['minor', ['behind-minor']],
      ['gone', ['deprecated']],
    ]);
  });

  it('excuses a failure the allow-list explains, for the version it names if it names one', () => {
    const reason = 'pinned by its parent with an exact version; nothing to take until the parent moves';
    const result = judge(
      [row('pinned', 'behind-patch'), row('moved', 'behind-patch', { version: '1.0.1' })],
      [
        { name: 'pinned', reason },
        { name: 'moved', version: '1.0.0', reason },
      ],
    );
    expect(result.rows.map((r) => [r.name, r.verdict])).toEqual([
      ['pinned', 'excused'],
      ['moved', 'fail'],
    ]);
    expect(result.rows[0].exception).toBe(reason);
    expect(result.unusedExceptions).toEqual([{ name: 'moved', version: '1.0.0', reason }]);
  });

  it('lists an exception that excuses nothing, so that it is removed', () => {
    const stale = { name: 'current', reason: 'was behind once, but is not any more' };
    expect(judge([row('current', 'current')], [stale]).unusedExceptions).toEqual([stale]);
  });

  it('refuses an allow-list entry without a name or a real reason', () => {
    expect(validateExceptions([{ name: 'x', reason: 'explained at length here' }])).toEqual([]);
    expect(validateExceptions({})).toHaveLength(1);
    expect(validateExceptions([{ name: 'x' }, { reason: 'explained at length here' }])).toHaveLength(2);
    expect(
      validateExceptions([{ name: 'x', reason: 'explained at length here', version: 'latest' }]),
    ).toHaveLength(1);
  });

  it('renders failures first in a Markdown table, with the warnings above it', () => {
    const result = judge(
      [
        { ...row('a-fine', 'current'), latestInLine: '1.0.0', latest: '1.0.0' },
        {
          ...row('z-late', 'behind-patch'),
          latestInLine: '1.0.1',
          latestInLineDate: '2026-11-20',
          latest: '1.0.1',
        },
      ],
      [],
    );
    const markdown = renderMarkdown(result, {
      generatedAt: '2026-11-29',
      registry: 'https://registry.npmjs.org/',
      warnings: ['no deprecations here'],
    });
    const lines = markdown.split('\n');
    expect(lines).toContain('> **Warning:** no deprecations here');
    const tableRows = lines.filter(
      (line) => line.startsWith('| ') && !line.startsWith('| Package') && !line.startsWith('| ---'),
    );
    expect(tableRows).toEqual([
      '| z-late | 1.0.0 | 1.0.1 (2026-11-20) | 1.0.1 | patch behind |  | fail | via @ciao/server |',
      '| a-fine | 1.0.0 | 1.0.0 | 1.0.0 | current |  | ok | via @ciao/server |',
    ]);
    expect(markdown).toContain('1 failing, 0 excused');
  });
});
