import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The browser tests drive Debian's Chromium (Playwright cannot download its own browser here)
// against the real built server on a fresh embedded database with the demo data.
const port = Number(process.env.E2E_PORT ?? 3210);
const simulatorPort = Number(process.env.E2E_SIMULATOR_PORT ?? 3910);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-e2e-'));
const baseURL = `http://localhost:${port}`;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    baseURL,
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: chromium },
      testIgnore: /agent-app/,
    },
    { name: 'android', use: { ...devices['Pixel 7'], launchOptions: chromium }, testMatch: /agent-app/ },
    {
      // WebKit cannot be downloaded here: an iPhone profile (viewport, touch, user agent) on Chromium.
      name: 'iphone',
      use: { ...devices['iPhone 13'], browserName: 'chromium', launchOptions: chromium },
      testMatch: /agent-app/,
    },
  ],
  webServer: {
    command: 'node ../apps/server/dist/main.js',
    url: `${baseURL}/health/ready`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      ONSS_SIMULATOR_PORT: String(simulatorPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    },
  },
});
