import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config.js';

// `npm run screenshots`: the pictures of the README, taken on the demo data by a real browser so
// that they show the product as it is (docs/screenshots/*.png).
export default defineConfig({
  ...base,
  testDir: './screenshots',
  timeout: 60_000,
  projects: [
    {
      name: 'screenshots',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: base.use?.launchOptions,
      },
    },
  ],
});
