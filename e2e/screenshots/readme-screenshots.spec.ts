import path from 'node:path';
import { devices, expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { signIn } from '../support/back-office.js';

const outputDir = path.resolve(import.meta.dirname, '../../docs/screenshots');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(outputDir, `${name}.png`), animations: 'disabled' });

// The demo's history (apps/server/src/demo/demo-history.ts) ends with last week: the lists show it.
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const lastMonday = (() => {
  const today = new Date();
  const monday = new Date(today);
  monday.setUTCDate(today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7);
  return monday;
})();
const lastSunday = new Date(lastMonday.getTime() + 6 * 86_400_000);
const lastWeek = `from=${isoDate(lastMonday)}&to=${isoDate(lastSunday)}`;

/** The back-office screens of the README, as the demo administrator sees them. */
const backOfficeScreens = [
  { name: 'dashboard', path: '/' },
  { name: 'presence', path: '/presence' },
  { name: 'analytics', path: '/analytics' },
  { name: 'registrations', path: `/registrations?${lastWeek}` },
  { name: 'work-sessions', path: `/work-sessions?week=${isoDate(lastMonday)}` },
  { name: 'onss', path: `/onss?${lastWeek}` },
  { name: 'anomalies', path: `/anomalies?${lastWeek}` },
  { name: 'agents', path: '/agents' },
  { name: 'tasks', path: '/tasks' },
] as const;

test('back-office screens', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  for (const screen of backOfficeScreens) {
    await page.goto(screen.path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Lists load after the heading: wait until nothing says it is loading.
    await expect(page.getByText(/Chargement/)).toHaveCount(0);
    await shot(page, `back-office-${screen.name}`);
  }
});

test('agent app on a phone', async ({ browser }) => {
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    permissions: ['geolocation'],
    geolocation: { latitude: 50.8275, longitude: 4.3653, accuracy: 10 },
  });
  const page = await context.newPage();
  await page.goto('/m/');
  await page.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activer' }).click();
  await page.getByLabel('Identifiant', { exact: true }).fill('TEST@DEMO');
  await page.getByLabel('Mot de passe').fill('test1234');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
  // The one-time "works offline now" notice is not what the picture is about.
  const understood = page.getByRole('button', { name: 'Compris' });
  if (await understood.isVisible()) await understood.click();
  await shot(page, 'agent-app-tasks');
  await page.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
  await expect(page.getByTestId('clock-state')).toBeVisible();
  await shot(page, 'agent-app-task');
  await context.close();
});
