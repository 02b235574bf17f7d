import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';

// Refusals, each with its own message: activation and sign-in errors not seen in the full-day
// test, and a registration refused because the company blocks those made outside the geofence.
// The demo: licence CIAO-DEMO-2026, agent TEST@DEMO, a task at Avenue Louise 231 (150 m geofence).
const SITE = { latitude: 50.8275, longitude: 4.3653, accuracy: 10 };
// About 2 km north of the site.
const FAR_AWAY = { latitude: 50.8455, longitude: 4.3653, accuracy: 10 };

async function activate(page: Page) {
  await page.goto('/m/');
  await expect(page.getByRole('heading', { name: 'Activer ce téléphone' })).toBeVisible();
  await page.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The demo company's "refuse registrations outside the geofence" setting, changed as its admin. */
async function setBlockOutsideGeofence(request: APIRequestContext, block: boolean) {
  const signedIn = await request.post('/api/auth/sign-in', {
    data: { companyCode: 'DEMO', login: 'admin', password: 'ciao-demo-2026' },
  });
  expect(signedIn.ok()).toBe(true);
  const csrf = (await request.storageState()).cookies.find((cookie) => cookie.name === 'ciao_csrf')?.value;
  const changed = await request.patch('/api/company', {
    data: { settings: { blockOutsideGeofence: block } },
    headers: { 'X-CSRF-Token': csrf ?? '' },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  expect(((await changed.json()) as { settings: { blockOutsideGeofence: boolean } }).settings).toMatchObject({
    blockOutsideGeofence: block,
  });
}

test('activation and sign-in refusals each say what is wrong', async ({ page }) => {
  await page.goto('/m/');
  await expect(page.getByRole('button', { name: 'Activer' })).toBeDisabled();
  await page.getByLabel('Code de licence').fill('AB');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('alert')).toContainText('Tapez le code de licence complet, par exemple');

  await activate(page);
  await signIn(page, 'TEST@DEMO', `not-the-password-${Date.now()}`);
  await expect(page.getByRole('alert')).toContainText('Identifiant ou mot de passe incorrect.');

  await signIn(page, 'TEST@NOUVEAU', 'test1234');
  await expect(page.getByRole('alert')).toContainText('Ce téléphone est activé pour la société');
  await expect(page.getByRole('alert')).toContainText('TEST@DEMO');

  // The right login still works after the refusals.
  await signIn(page, 'TEST@DEMO', 'test1234');
  await expect(page.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
});

test.describe('a company that refuses registrations outside the geofence', () => {
  test.afterEach(async ({ request }) => {
    await setBlockOutsideGeofence(request, false);
  });

  test('a far arrival is warned about, then refused with the reason; nothing stays open', async ({
    page,
    context,
    request,
  }) => {
    await setBlockOutsideGeofence(request, true);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(FAR_AWAY);
    await activate(page);
    await signIn(page, 'TEST@DEMO', 'test1234');
    await expect(page.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
    await page.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
    await expect(page.getByTestId('clock-state')).toBeVisible();

    await page.getByRole('button', { name: 'Arrivée', exact: true }).click();
    await page.getByRole('button', { name: 'Compris, continuer' }).click();
    const confirmation = page.getByTestId('confirmation');
    await expect(confirmation).toContainText('Attention : vous semblez être à');
    await expect(confirmation).toContainText(
      'Refusé par le serveur : vous êtes trop loin du site et votre société refuse les enregistrements hors zone.',
    );
    await expect(page.getByTestId('queue-banner')).toBeHidden();

    // Refused, so TEST is still off: the arrival can be made again, from the site this time.
    await context.setGeolocation(SITE);
    await expect(page.getByRole('button', { name: 'Arrivée', exact: true })).toBeEnabled();
    await page.getByRole('button', { name: 'Arrivée', exact: true }).click();
    await expect(confirmation).toContainText('Arrivée enregistrée à');
    await expect(confirmation).toContainText('Reçu par le serveur');
    await page.getByRole('button', { name: 'Départ', exact: true }).click();
    await expect(confirmation).toContainText('Départ enregistré à');
    await expect(confirmation).toContainText('Reçu par le serveur');
  });
});
