import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// The demo: licence CIAO-DEMO-2026, agent TEST@DEMO, a task at Avenue Louise 231 (Ixelles).
// Every test ends with a departure, so that TEST is off again for the next project's run.
const SITE = { latitude: 50.8275, longitude: 4.3653, accuracy: 10 };
const ACTIONS = ['Arrivée', 'Pause', 'Reprise', 'Départ'] as const;
const DONE = {
  Arrivée: 'Arrivée enregistrée à',
  Pause: 'Pause enregistrée à',
  Reprise: 'Reprise enregistrée à',
  Départ: 'Départ enregistré à',
} as const;

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(SITE);
});

async function activate(page: Page) {
  await page.goto('/m/');
  await expect(page.getByRole('heading', { name: 'Activer ce téléphone' })).toBeVisible();
  await page.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
}

async function signIn(page: Page) {
  await page.getByLabel('Identifiant', { exact: true }).fill('TEST@DEMO');
  await page.getByLabel('Mot de passe').fill('test1234');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
}

async function openLouiseTask(page: Page) {
  await page.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
  await expect(page.getByTestId('clock-state')).toBeVisible();
}

async function expectEnabled(page: Page, enabled: readonly (typeof ACTIONS)[number][]) {
  for (const action of ACTIONS) {
    const button = page.getByRole('button', { name: action, exact: true });
    if (enabled.includes(action)) await expect(button).toBeEnabled();
    else await expect(button).toBeDisabled();
  }
}

async function tap(page: Page, action: (typeof ACTIONS)[number]) {
  await page.getByRole('button', { name: action, exact: true }).click();
  // The first tap on this phone explains why the position is taken, before the browser asks.
  const explanation = page.getByRole('button', { name: 'Compris, continuer' });
  await explanation
    .waitFor({ timeout: 1_000 })
    .then(() => explanation.click())
    .catch(() => undefined);
  await expect(page.getByTestId('confirmation')).toContainText(DONE[action]);
}

test('activation, AGENT@COMPANY sign-in, tasks and a full day', async ({ page }) => {
  await page.goto('/m/');
  await expect(page.getByText('Ce code vous est donné par votre employeur', { exact: false })).toBeVisible();
  await page.getByLabel('Code de licence').fill('WRONG-CODE-9999');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('alert')).toContainText("Ce code de licence n'existe pas");
  await page.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  await page.getByLabel('Identifiant', { exact: true }).fill('TEST');
  await page.getByLabel('Mot de passe').fill('test1234');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('Il manque la partie @DEMO');
  await expect(page.getByRole('alert')).toContainText('TEST@DEMO');
  await signIn(page);

  await expect(page.getByText('Avenue Louise 231').first()).toBeVisible();
  await openLouiseTask(page);
  await expectEnabled(page, ['Arrivée']);

  await page.getByRole('button', { name: 'Arrivée', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('uniquement au moment où vous touchez un bouton');
  await page.getByRole('button', { name: 'Compris, continuer' }).click();
  const confirmation = page.getByTestId('confirmation');
  await expect(confirmation).toContainText('Arrivée enregistrée à');
  await expect(confirmation).toContainText('Reçu par le serveur');
  await expect(confirmation).toContainText('± 10 m');
  await expectEnabled(page, ['Pause', 'Départ']);

  await tap(page, 'Pause');
  await expect(confirmation).toContainText('Pause enregistrée à');
  await expectEnabled(page, ['Reprise']);

  await tap(page, 'Reprise');
  await expect(confirmation).toContainText('Reprise enregistrée à');
  await expectEnabled(page, ['Pause', 'Départ']);

  await tap(page, 'Départ');
  await expect(confirmation).toContainText('Départ enregistré à');
  await expect(confirmation).toContainText('Reçu par le serveur');
  await expectEnabled(page, ['Arrivée']);

  await page.getByRole('button', { name: 'Historique' }).click();
  await expect(page.getByTestId('history-event').first()).toContainText('Départ');
});

test('offline: four registrations survive a reload and reach the server once, in order', async ({
  page,
  context,
}) => {
  await activate(page);
  await signIn(page);
  await openLouiseTask(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const startedAt = Date.now();

  await context.setOffline(true);
  for (const action of ACTIONS) {
    await tap(page, action);
    await expect(page.getByTestId('confirmation')).toContainText("En attente d'envoi");
  }
  await expect(page.getByTestId('queue-banner')).toContainText("4 enregistrements en attente d'envoi");
  await expectEnabled(page, ['Arrivée']);

  await page.reload();
  await expect(page.getByTestId('queue-banner')).toContainText("4 enregistrements en attente d'envoi");
  await context.setOffline(false);
  await expect(page.getByTestId('queue-banner')).toBeHidden({ timeout: 20_000 });

  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('ciao.session') ?? '{}') as { agentToken?: string }).agentToken,
  );
  const answer = await page.request.get('/api/agent/v1/clock-events?days=1', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.ok()).toBe(true);
  const { events } = (await answer.json()) as {
    events: { id: string; action: string; deviceTime: string; capturedOffline: boolean }[];
  };
  const mine = events
    .filter((event) => Date.parse(event.deviceTime) >= startedAt - 1_000)
    .sort((a, b) => Date.parse(a.deviceTime) - Date.parse(b.deviceTime));
  expect(mine.map((event) => event.action)).toEqual(['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE']);
  expect(new Set(mine.map((event) => event.id)).size).toBe(4);
  expect(mine.every((event) => event.capturedOffline)).toBe(true);

  await page.getByRole('button', { name: 'Historique' }).click();
  await expect(page.getByTestId('history-event').first()).toContainText('Départ');
});
