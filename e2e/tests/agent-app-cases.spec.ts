import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// The demo: licence CIAO-DEMO-2026, agent TEST@DEMO, a task at Avenue Louise 231 (Ixelles) with a
// 150 m geofence. The android and iphone projects share one demo database: every test leaves TEST
// off (a registered arrival is always followed by a departure).
const SITE = { latitude: 50.8275, longitude: 4.3653, accuracy: 10 };
// About 2 km north of the site.
const FAR_AWAY = { latitude: 50.8455, longitude: 4.3653, accuracy: 10 };

interface ServerEvent {
  id: string;
  action: string;
  deviceTime: string;
  insideGeofence: boolean | null;
  distanceMeters: number | null;
  flags: string[];
}

async function activateAndSignIn(page: Page) {
  await page.goto('/m/');
  await expect(page.getByRole('heading', { name: 'Activer ce téléphone' })).toBeVisible();
  await page.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant', { exact: true }).fill('TEST@DEMO');
  await page.getByLabel('Mot de passe').fill('test1234');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
}

// The demo task is listed every day (planned on weekdays only): nothing here depends on the weekday.
async function openLouiseTask(page: Page) {
  await page.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
  await expect(page.getByTestId('clock-state')).toBeVisible();
}

async function serverEvents(page: Page): Promise<ServerEvent[]> {
  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('ciao.session') ?? '{}') as { agentToken?: string }).agentToken,
  );
  const answer = await page.request.get('/api/agent/v1/clock-events?days=1', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { events: ServerEvent[] }).events;
}

test('geolocation denied: a blocking message explains how to enable it, nothing is sent', async ({
  page,
  context,
}) => {
  await context.clearPermissions();
  await activateAndSignIn(page);
  await openLouiseTask(page);
  const before = (await serverEvents(page)).length;

  await page.getByRole('button', { name: 'Arrivée', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('uniquement au moment où vous touchez un bouton');
  await page.getByRole('button', { name: 'Compris, continuer' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText("L'accès à la position est refusé");
  await expect(alert).toContainText("Pour l'autoriser : sur Android");
  await expect(alert).toContainText("Rien n'a été enregistré.");
  await expect(page.getByTestId('confirmation')).toBeHidden();
  await expect(page.getByTestId('queue-banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Arrivée', exact: true })).toBeEnabled();
  expect((await serverEvents(page)).length).toBe(before);
});

test('outside the geofence: a warning, and the registration is recorded with the flag', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(FAR_AWAY);
  await activateAndSignIn(page);
  await openLouiseTask(page);

  await page.getByRole('button', { name: 'Arrivée', exact: true }).click();
  await page.getByRole('button', { name: 'Compris, continuer' }).click();
  const confirmation = page.getByTestId('confirmation');
  await expect(confirmation).toContainText('Arrivée enregistrée à');
  await expect(confirmation).toContainText('Attention : vous semblez être à');
  await expect(confirmation).toContainText('zone de 150 m');
  await expect(confirmation).toContainText('Reçu par le serveur');

  const arrival = (await serverEvents(page))
    .filter((event) => event.action === 'ARRIVE')
    .sort((a, b) => Date.parse(b.deviceTime) - Date.parse(a.deviceTime))[0];
  expect(arrival?.insideGeofence).toBe(false);
  expect(arrival?.flags).toContain('OUTSIDE_GEOFENCE');
  expect(arrival?.distanceMeters).toBeGreaterThan(1_500);

  // Leave TEST off for the next test, from the site.
  await context.setGeolocation(SITE);
  await page.getByRole('button', { name: 'Départ', exact: true }).click();
  await expect(confirmation).toContainText('Départ enregistré à');
  await expect(confirmation).toContainText('Reçu par le serveur');
  await expect(page.getByRole('button', { name: 'Arrivée', exact: true })).toBeEnabled();
});

test.describe('answers replaced by the test', () => {
  // page.route does not see requests that go through a service worker.
  test.use({ serviceWorkers: 'block' });

  test('an outdated app shows the update screen, never an endless spinner', async ({ page }) => {
    await page.route('**/api/meta', async (route) => {
      const answer = await route.fetch();
      const meta = (await answer.json()) as Record<string, unknown>;
      await route.fulfill({ response: answer, json: { ...meta, minimumAgentAppVersion: '99.0.0' } });
    });
    await page.goto('/m/');
    await expect(page.getByRole('heading', { name: 'Mise à jour nécessaire' })).toBeVisible();
    await expect(page.getByText('demande au moins la version 99.0.0')).toBeVisible();
    await expect(page.getByText("Fermez complètement l'application, puis rouvrez-la")).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Activer ce téléphone' })).toBeHidden();

    // Still too old after the check and reload: the same screen, with its button ready again.
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Rechercher la mise à jour' }).click(),
    ]);
    await expect(page.getByRole('heading', { name: 'Mise à jour nécessaire' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rechercher la mise à jour' })).toBeVisible();
  });

  test('an empty task list explains the causes and who can fix them', async ({ page }) => {
    await page.route(/\/api\/agent\/v1\/tasks(\?.*)?$/, async (route) => {
      const answer = await route.fetch();
      const body = (await answer.json()) as Record<string, unknown>;
      await route.fulfill({ response: answer, json: { ...body, tasks: [] } });
    });
    await activateAndSignIn(page);
    await expect(page.getByText("Aucune tâche pour vous aujourd'hui.")).toBeVisible();
    await expect(page.getByText("La tâche n'est peut-être pas active dans le back-office.")).toBeVisible();
    await expect(page.getByText("Vous n'êtes peut-être pas lié à cette tâche.")).toBeVisible();
    await expect(page.getByText('Seul votre responsable peut corriger cela')).toBeVisible();
    await expect(page.getByRole('button').filter({ hasText: 'Avenue Louise 231' })).toHaveCount(0);
  });
});
