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

test('agent app on a phone, and the live board while the agent works', async ({ browser, page }) => {
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    permissions: ['geolocation'],
    geolocation: { latitude: 50.8275, longitude: 4.3653, accuracy: 10 },
  });
  const phone = await context.newPage();
  await phone.goto('/m/');
  await phone.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await phone.getByRole('button', { name: 'Activer' }).click();
  await phone.getByLabel('Identifiant', { exact: true }).fill('TEST@DEMO');
  await phone.getByLabel('Mot de passe').fill('test1234');
  await phone.getByRole('button', { name: 'Se connecter' }).click();
  await expect(phone.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
  // The one-time "works offline now" notice is not what the picture is about.
  const understood = phone.getByRole('button', { name: 'Compris' });
  if (await understood.isVisible()) await understood.click();
  await shot(phone, 'agent-app-tasks');
  await phone.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
  await expect(phone.getByTestId('clock-state')).toBeVisible();
  await phone.getByRole('button', { name: 'Arrivée', exact: true }).click();
  // The first registration explains once when the position is read.
  const explained = phone.getByRole('button', { name: 'Compris, continuer' });
  if (await explained.isVisible()) await explained.click();
  await expect(phone.getByTestId('confirmation')).toContainText('Arrivée enregistrée à');
  await shot(phone, 'agent-app-task');

  await signIn(page, 'admin', '/presence');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await page.goto('/presence');
  await expect(page.getByText(/Test/).first()).toBeVisible();
  await shot(page, 'back-office-presence');

  // TEST leaves: the demo stays as it was for whoever uses it next.
  await phone.getByRole('button', { name: 'Départ', exact: true }).click();
  await expect(phone.getByTestId('confirmation')).toContainText('Départ enregistré à');
  await context.close();
});
