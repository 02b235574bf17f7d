import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

// The demo: licence CIAO-DEMO-2026, agent TEST@DEMO (Test Agent), a task at Avenue Louise 231.
// The test ends with a departure, so that TEST is off duty for the other suites.
const SITE = { latitude: 50.8275, longitude: 4.3653, accuracy: 10 };

/** The agent app on a second phone: its own browser context, activated and signed in as TEST. */
async function agentPhone(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    geolocation: SITE,
    permissions: ['geolocation'],
  });
  const phone = await context.newPage();
  await phone.goto('/m/');
  await phone.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await phone.getByRole('button', { name: 'Activer' }).click();
  await phone.getByLabel('Identifiant', { exact: true }).fill('TEST@DEMO');
  await phone.getByLabel('Mot de passe').fill('test1234');
  await phone.getByRole('button', { name: 'Se connecter' }).click();
  await expect(phone.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
  await phone.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
  await expect(phone.getByTestId('clock-state')).toBeVisible();
  const tap = async (action: 'Arrivée' | 'Reprise' | 'Départ') => {
    await phone.getByRole('button', { name: action, exact: true }).click();
    // The first tap on this phone explains why the position is taken.
    const explanation = phone.getByRole('button', { name: 'Compris, continuer' });
    await explanation
      .waitFor({ timeout: 1_000 })
      .then(() => explanation.click())
      .catch(() => undefined);
    await expect(phone.getByTestId('confirmation')).toContainText(
      action === 'Départ' ? 'Départ enregistré à' : `${action} enregistrée à`,
    );
  };
  // Another suite that failed midway may have left TEST at work: end that first.
  if (await phone.getByRole('button', { name: 'Reprise', exact: true }).isEnabled()) await tap('Reprise');
  if (await phone.getByRole('button', { name: 'Départ', exact: true }).isEnabled()) await tap('Départ');
  return { context, tap };
}

const testAtWork = (page: Page) =>
  page.getByRole('listitem').filter({ hasText: 'Test Agent' }).filter({ hasText: 'Au travail' });

test('the board shows an arrival made in the agent app without reloading, filters it, then the departure', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, 'gestionnaire', '/presence');
  await expect(page.getByRole('heading', { name: 'Présences en direct', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'En direct' })).toBeVisible();
  await expect(page.getByText(/^Situation à/)).toBeVisible();
  await expectAccessible(page);

  const phone = await agentPhone(browser, baseURL);
  try {
    await expect(testAtWork(page)).toHaveCount(0);
    // Anything reloading the board would lose this.
    await page.evaluate(() => Object.assign(window, { boardNotReloaded: true }));

    await phone.tap('Arrivée');
    await expect(testAtWork(page)).toBeVisible({ timeout: 3_000 });
    await expect(testAtWork(page)).toContainText(/depuis \d{2}:\d{2} \(0 min\)/);
    await expect(page.getByText(/Test Agent est arrivé\(e\)/)).toBeAttached();
    expect(await page.evaluate(() => (window as { boardNotReloaded?: boolean }).boardNotReloaded)).toBe(true);
    await expectAccessible(page);

    // Filters: the client and its site keep TEST; an unknown agent leaves nobody. All in the address.
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Immo Louise SA' });
    await expect(page).toHaveURL(/client=/);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Immo Louise SA']);
    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'Bureaux Louise 231' });
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Bureaux Louise 231']);
    await page.getByLabel('Rechercher').fill('test agent');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(testAtWork(page)).toBeVisible();
    await page.getByLabel('Rechercher').fill('zzz-nobody');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('Aucun agent ne correspond à ces filtres.')).toBeVisible();
    await expect(page).toHaveURL(/q=zzz-nobody/);
    await page.goto('/presence');
    await expect(testAtWork(page)).toBeVisible();

    await phone.tap('Départ');
    await expect(testAtWork(page)).toHaveCount(0, { timeout: 3_000 });
  } finally {
    await phone.context.close();
  }
});

test('fits a 375 px wide phone without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'superviseur', '/presence');
  await expect(page.getByRole('heading', { name: 'Présences en direct', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'En direct' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
