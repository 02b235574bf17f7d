// The functions given to page.evaluate run in the browser.
/// <reference lib="dom" />
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import type { ScenarioResult } from '../report.js';
import { freePort } from './startup.js';
import { waitUntilReady } from '../wait-until-ready.js';

const root = path.resolve(import.meta.dirname, '../../..');
const serverMain = path.join(root, 'apps/server/dist/main.js');
const mobileDist = path.join(root, 'apps/mobile/dist/index.html');
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const agentAppVersion = (
  JSON.parse(fs.readFileSync(path.join(root, 'apps/mobile/package.json'), 'utf8')) as { version: string }
).version;

// The demo company's licence code and agent (demo data of a fresh data directory).
const DEMO = { licenceCode: 'CIAO-DEMO-2026', login: 'TEST@DEMO', password: 'test1234' };

interface RunningServer {
  origin: string;
  stop: () => Promise<void>;
}

/** The built server on a free port, with its own throwaway data directory (demo data). */
async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-bench-lighthouse-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      ONSS_SIMULATOR_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGINT');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // The first start writes the demo data: up to two minutes on a busy machine.
    await waitUntilReady(child, `${origin}/health/ready`, 'the server', 1200);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}

async function postJson(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** What the app keeps in localStorage once the demo phone is activated and TEST@DEMO signed in. */
async function signedInStorage(origin: string): Promise<Record<string, string>> {
  const installationId = randomUUID();
  const activation = await postJson(`${origin}/api/agent/v1/activation`, {
    licenceCode: DEMO.licenceCode,
    installationId,
    platform: 'android',
    appVersion: agentAppVersion,
  });
  const signIn = await postJson(
    `${origin}/api/agent/v1/sign-in`,
    { login: DEMO.login, password: DEMO.password },
    String(activation.deviceToken),
  );
  const session = {
    deviceToken: activation.deviceToken,
    company: signIn.company,
    agentToken: signIn.agentToken,
    agent: signIn.agent,
  };
  return { 'ciao.installationId': installationId, 'ciao.session': JSON.stringify(session) };
}

interface LighthouseFigures {
  score: number;
  metrics: Record<string, number>;
  /** Audits of the run that did not pass (scored or not, e.g. text compression), for "what to fix". */
  failing: string[];
}

const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'speed-index': 'Speed Index',
  'cumulative-layout-shift': 'CLS',
} as const;

/** One Lighthouse run in its default mobile emulation (Moto G-class phone, slow 4G, 4× CPU slowdown). */
async function runLighthouse(
  url: string,
  port: number,
  keepStorage: boolean,
  reportPath: string,
): Promise<LighthouseFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    // The returning agent: the session and the service worker's cache set up before the run stay.
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error('Lighthouse gave no result');
  const { lhr } = result;
  // The whole report, for the details behind a score (open it in the Lighthouse viewer).
  fs.writeFileSync(reportPath, typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const metrics = Object.fromEntries(
    Object.keys(METRICS).map((id) => [id, lhr.audits[id]?.numericValue ?? Number.NaN]),
  );
  const failing = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 0.9)
      .map((audit) => `${category.id}: ${audit?.id} (${audit?.displayValue ?? audit?.score})`),
  );
  const scores = Object.values(lhr.categories)
    .map((category) => `${category.id} ${Math.round((category.score ?? 0) * 100)}`)
    .join(', ');
  console.log(`  lighthouse ${url}: ${scores} (report: ${reportPath})`);
  return { score: Math.round((lhr.categories.performance?.score ?? 0) * 100), metrics, failing };
}

interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): string | undefined {
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') return undefined;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

/**
 * Installability, checked in the same Chromium: Lighthouse 12 dropped its PWA category (and with it
 * the installable-manifest and service-worker audits), so this asks Chrome itself
 * (`Page.getInstallabilityErrors`) and checks what iOS Safari and Android Chrome need: the
 * manifest's fields, every icon (served, PNG, the size it claims), a service worker controlling
 * `/m/`, and the app opening without network.
 */
async function installabilityChecks(browser: Browser, url: string): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail?: string) => checks.push({ name, ok, detail });
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const cdp = await page.createCDPSession();

    const manifestHref = await page.$eval('link[rel="manifest"]', (link) => (link as HTMLLinkElement).href);
    const manifestResponse = await fetch(manifestHref);
    const manifest = (await manifestResponse.json()) as Record<string, unknown>;
    const scope = new URL(String(manifest.scope ?? '.'), manifestHref).href;
    const startUrl = new URL(String(manifest.start_url ?? '.'), manifestHref).href;
    check('manifest linked and served', manifestResponse.ok, manifestHref);
    check('manifest name and short_name', Boolean(manifest.name && manifest.short_name));
    check('manifest display standalone', manifest.display === 'standalone', String(manifest.display));
    check('start_url inside scope', startUrl.startsWith(scope), `${startUrl} in ${scope}`);
    check('theme and background colours', Boolean(manifest.theme_color && manifest.background_color));

    const icons = (manifest.icons ?? []) as ManifestIcon[];
    for (const icon of icons) {
      const iconUrl = new URL(icon.src, manifestHref).href;
      const response = await fetch(iconUrl);
      const size = response.ok ? pngSize(Buffer.from(await response.arrayBuffer())) : undefined;
      check(
        `icon ${icon.src} (${icon.purpose ?? 'any'})`,
        response.ok && size === icon.sizes && icon.type === 'image/png',
        `HTTP ${response.status}, ${size ?? 'not a PNG'} (declares ${icon.sizes})`,
      );
    }
    const hasIcon = (size: string, purpose: string) =>
      icons.some((icon) => icon.sizes === size && (icon.purpose ?? 'any').split(' ').includes(purpose));
    check('192 and 512 px icons', hasIcon('192x192', 'any') && hasIcon('512x512', 'any'));
    check(
      'maskable icon (Android adaptive icons)',
      icons.some((icon) => icon.purpose?.includes('maskable')),
    );
    const appleIcon = await page.$eval(
      'link[rel="apple-touch-icon"]',
      (link) => (link as HTMLLinkElement).href,
    );
    const appleResponse = await fetch(appleIcon);
    check('apple-touch-icon (iOS home screen)', appleResponse.ok, appleIcon);
    check('viewport meta', (await page.$('meta[name="viewport"]')) !== null);

    // The app registers its service worker itself (virtual:pwa-register); it controls the next load.
    const registered = await page.evaluate(async () => {
      const registration = await Promise.race([
        navigator.serviceWorker.ready,
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 15_000)),
      ]);
      return registration ? registration.scope : undefined;
    });
    check('service worker registered for /m/', registered === scope, registered ?? 'none within 15 s');
    await page.reload({ waitUntil: 'load' });
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    check('service worker controls the page', Boolean(controlled), controlled ?? 'no controller');

    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    check(
      "Chrome's installability check",
      installabilityErrors.length === 0,
      installabilityErrors.map((error) => error.errorId).join(', ') || 'no errors',
    );

    await page.setOfflineMode(true);
    await page.reload({ waitUntil: 'load' });
    const heading = await page
      .waitForSelector('h2', { timeout: 10_000 })
      .then((element) => element?.evaluate((node) => node.textContent))
      .catch(() => undefined);
    check('opens without network (app shell from the service worker)', Boolean(heading), heading ?? 'blank');
    await page.setOfflineMode(false);
  } finally {
    await page.close();
  }
  return checks;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Lighthouse (npm `lighthouse`, Debian's Chromium, default mobile emulation) on the agent app:
 * a first visit (the activation screen, nothing cached) and a returning signed-in agent (the task
 * list, app served by its service worker); then its installability.
 */
export async function lighthouseScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  if (!fs.existsSync(serverMain) || !fs.existsSync(mobileDist)) throw new Error('build first: npm run build');
  const runs = quick ? 1 : 3;
  const server = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const url = `${server.origin}/m/`;
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const results: ScenarioResult[] = [];
    const measure = async (label: string, keepStorage: boolean) => {
      const figures: LighthouseFigures[] = [];
      const reportPath = path.join(
        os.tmpdir(),
        `ciao-lighthouse-${keepStorage ? 'signed-in' : 'first-visit'}.json`,
      );
      for (let run = 0; run < runs; run += 1) {
        figures.push(await runLighthouse(url, chrome.port, keepStorage, reportPath));
      }
      // Each audit once (its figures differ from run to run).
      const failing = [
        ...new Map(
          figures.flatMap((figure) => figure.failing).map((line) => [line.split(' (')[0], line]),
        ).values(),
      ];
      if (failing.length > 0) console.log(`  ${label}, audits below 90: ${failing.join('; ')}`);
      results.push({
        scenario: 'lighthouse',
        metric: `agent app /m/, ${label}: performance score (mobile emulation)`,
        value: median(figures.map((figure) => figure.score)),
        unit: '/ 100',
        runs,
        target: '≥ 90',
      });
      for (const [id, name] of Object.entries(METRICS)) {
        const values = figures.map((figure) => figure.metrics[id] ?? Number.NaN);
        const cls = id === 'cumulative-layout-shift';
        results.push({
          scenario: 'lighthouse',
          metric: `agent app /m/, ${label}: ${name}${cls ? ' (× 1000)' : ''}`,
          value: cls ? median(values) * 1000 : median(values),
          unit: cls ? '' : 'ms',
          runs,
        });
      }
    };

    // First, on the fresh profile: Chrome reports an incognito context as not installable.
    const checks = await installabilityChecks(browser, url);
    for (const { name, ok, detail } of checks) {
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
    }
    results.push({
      scenario: 'lighthouse',
      metric: `agent app /m/: installability checks failed (of ${checks.length}: Chrome's own, manifest, icons, service worker, offline start)`,
      value: checks.filter((check) => !check.ok).length,
      unit: '',
      runs: 1,
      target: '0',
    });

    // Lighthouse clears the origin's storage (service worker included) before each of these runs.
    await measure('first visit (activation screen)', false);

    // A signed-in agent's phone: session in localStorage, app installed by a first load.
    const storage = await signedInStorage(server.origin);
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, storage);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload({ waitUntil: 'networkidle0' });
    await page.close();
    await measure('signed-in agent (task list, installed app)', true);
    await browser.disconnect();
    return results;
  } finally {
    chrome.kill();
    await server.stop();
  }
}
