import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { ScenarioResult } from '../report.js';

const apps = [
  {
    name: 'back-office',
    dist: path.resolve(import.meta.dirname, '../../../apps/web/dist'),
    target: undefined,
  },
  {
    name: 'agent app',
    dist: path.resolve(import.meta.dirname, '../../../apps/mobile/dist'),
    target: '≤ 150 kB',
  },
];

/** The files a first visit downloads: the entry script, its preloaded chunks and the stylesheets. */
function initialAssets(dist: string): { scripts: string[]; styles: string[] } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const references = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((match) => path.join(dist, (match[1] ?? '').replace(/^\/(m\/)?/, '')));
  return {
    scripts: [
      ...references(/<script[^>]+src="([^"]+\.js)"/g),
      ...references(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ],
    styles: references(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g),
  };
}

/** What travels over the wire: gzip at the level servers use for static files. */
const gzipKiB = (files: string[]) =>
  files.reduce((total, file) => total + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length, 0) / 1024;

/**
 * The first download of each front end (JavaScript and CSS, gzip), read from the built
 * `index.html`: what a phone on a slow line waits for before the first screen. Screens loaded later
 * (the back-office's lazy routes, the map) are not counted.
 */
export async function bundleSizeScenario(): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const app of apps) {
    if (!fs.existsSync(path.join(app.dist, 'index.html')))
      throw new Error(`build first: ${app.dist} is missing`);
    const { scripts, styles } = initialAssets(app.dist);
    results.push({
      scenario: 'bundle-size',
      metric: `${app.name}: initial JavaScript (gzip, ${scripts.length} files)`,
      value: Math.round(gzipKiB(scripts) * 10) / 10,
      unit: 'kB',
      runs: 1,
      ...(app.target ? { target: app.target } : {}),
    });
    results.push({
      scenario: 'bundle-size',
      metric: `${app.name}: initial CSS (gzip)`,
      value: Math.round(gzipKiB(styles) * 10) / 10,
      unit: 'kB',
      runs: 1,
    });
  }
  return results;
}
