import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

// The demo: licence CIAO-DEMO-2026, agent TEST@DEMO, a task at Avenue Louise 231 (Ixelles).
const SITE = { latitude: 50.8275, longitude: 4.3653 };
/** About 2 km north of the site: outside its geofence (the demo company accepts and flags it). */
const FAR = { latitude: 50.8455, longitude: 4.3653 };

/**
 * TEST@DEMO works a short session at Louise 231 through the agent API: an arrival outside the
 * geofence made offline, a break, a departure. TEST ends off duty, as the other suites expect.
 * The app version is unique, so that the detail can be recognised as this run's.
 */
async function workAtLouise(request: APIRequestContext, appVersion: string) {
  const activation = await request.post('/api/agent/v1/activation', {
    data: {
      licenceCode: 'CIAO-DEMO-2026',
      installationId: crypto.randomUUID(),
      platform: 'android',
      appVersion,
    },
  });
  expect(activation.status()).toBe(200);
  const deviceToken = (await activation.json()).deviceToken as string;
  const signedIn = await request.post('/api/agent/v1/sign-in', {
    headers: { authorization: `Bearer ${deviceToken}` },
    data: { login: 'TEST@DEMO', password: 'test1234' },
  });
  expect(signedIn.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await signedIn.json()).agentToken as string}` };
  const tasks = (await (await request.get('/api/agent/v1/tasks', { headers })).json()).tasks as {
    id: string;
    site: { address: string };
  }[];
  const task = tasks.find((candidate) => candidate.site.address.includes('Avenue Louise 231'));
  expect(task).toBeDefined();

  // Another suite that failed midway may have left TEST at work: end that first.
  const state = (await (await request.get('/api/agent/v1/state', { headers })).json()) as {
    status: string;
    taskId: string | null;
  };
  const start = Date.now();
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  const event = (action: string, seconds: number, taskId: string, extra: Record<string, unknown> = {}) => ({
    id: crypto.randomUUID(),
    taskId,
    action,
    deviceTime: at(seconds),
    position: { ...SITE, accuracyMeters: 8 },
    appVersion,
    ...extra,
  });
  const events = [];
  if (state.status === 'ON_BREAK') events.push(event('RESUME', -2, state.taskId!));
  if (state.status !== 'OFF') events.push(event('LEAVE', -1, state.taskId!));
  events.push(
    event('ARRIVE', 0, task!.id, { position: { ...FAR, accuracyMeters: 8 }, capturedOffline: true }),
    event('PAUSE', 1, task!.id),
    event('RESUME', 2, task!.id),
    event('LEAVE', 3, task!.id),
  );
  const answer = await request.post('/api/agent/v1/clock-events/batch', { headers, data: { events } });
  expect(answer.status()).toBe(200);
  const result = await answer.json();
  expect(result.results.map((item: { outcome: string; code?: string }) => item.code ?? item.outcome)).toEqual(
    events.map(() => 'recorded'),
  );
  expect(result.state.status).toBe('OFF');
}

/** Today's cell of TEST in the week grid (its label names the date as the back-office writes it). */
async function todayCell(page: Page) {
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat('fr-BE', { dateStyle: 'medium', timeZone: 'Europe/Brussels' }).format(new Date()),
  );
  return page.getByRole('button', { name: new RegExp(`^Test Agent, ${today.replace('.', '\\.')} : presté`) });
}

async function openMyArrival(page: Page, appVersion: string) {
  await page.getByLabel('Rechercher', { exact: true }).fill('TEST');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByLabel('Signalement').selectOption('outside');
  await expect(page).toHaveURL(/flag=outside/);
  const row = page.getByRole('row').filter({ hasText: 'Test Agent' }).filter({ hasText: 'Arrivée' }).first();
  await expect(row).toContainText('Hors du périmètre');
  await expect(row).toContainText('Bureaux Louise 231');
  await row.getByRole('button', { name: /Détails du pointage de Test Agent/ }).click();
  const detail = page.getByRole('region', { name: /Arrivée de Test Agent/ });
  await expect(detail).toContainText(appVersion);
  return detail;
}

test.describe('back-office registrations and timesheets', () => {
  // No test reaches a real host: without map tiles the detail still writes the figures out.
  test.beforeEach(async ({ page }) => {
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
  });

  test('a manager finds a registration, reads its detail, sees the week and corrects the session', async ({
    page,
    request,
  }) => {
    const appVersion = `7.${Date.now() % 100000}.0`;
    await workAtLouise(request, appVersion);

    await signIn(page, 'gestionnaire', '/registrations');
    await expect(page.getByRole('heading', { name: 'Pointages', level: 1 })).toBeVisible();
    await expect(page.getByText(/\d+ pointages?/)).toBeVisible();
    await expectAccessible(page);

    const detail = await openMyArrival(page, appVersion);
    // The position and the distance are written out, whether or not map tiles load.
    await expect(detail).toContainText('50.84550, 4.36530');
    await expect(detail).toContainText('50.82750, 4.36530');
    await expect(detail).toContainText(/2 km · périmètre 150 m · dehors/);
    await expect(detail).toContainText('fait hors ligne');
    await expect(detail).toContainText('Hors du périmètre');
    await expect(detail.getByRole('application', { name: /Carte du pointage/ })).toBeVisible();
    await expect(detail.getByText(/Le fond de carte est injoignable/)).toBeVisible();
    await expect(detail).toContainText("mis en file pour l'ONSS");
    await expectAccessible(page);

    await page.getByLabel('Signalement').selectOption('offline');
    await expect(page.getByRole('row').filter({ hasText: 'Test Agent' }).first()).toBeVisible();
    await page.getByLabel('Statut ONSS').selectOption('validated');
    await page.getByLabel('Anomalie').selectOption('true');
    await expect(page).toHaveURL(/onssStatus=validated/);

    // From the registration to its week, then the day, then the correction.
    await detail.getByRole('link', { name: 'Voir la feuille de temps' }).click();
    await expect(page.getByRole('heading', { name: 'Prestations', level: 1 })).toBeVisible();
    const cell = await todayCell(page);
    await expect(cell).toBeVisible();
    await expectAccessible(page);
    await cell.click();
    const day = page.getByRole('region', { name: /Test Agent — / });
    await expect(day).toContainText('— Bureaux Louise 231');
    await day.getByRole('button', { name: 'Corriger' }).first().click();
    const form = day.getByRole('form', { name: 'Corriger cette prestation' });
    await form.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await expect(form.getByText('Dites pourquoi (5 caractères au moins).')).toBeVisible();
    // The session lasted seconds: it started ten minutes earlier, says the manager.
    const earlier = await page.evaluate(() => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Brussels',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(new Date(Date.now() - 10 * 60_000))
          .map((part) => [part.type, part.value]),
      );
      return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
    });
    await form.getByLabel('Début').fill(earlier);
    await form.getByLabel('Pause (minutes)').fill('0');
    await form.getByLabel('Motif').fill(`Pause non prise, confirmé par le client ${appVersion}`);
    await form.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await expect(day.getByText('La correction est enregistrée.')).toBeVisible();
    await expect(day).toContainText(`Pause non prise, confirmé par le client ${appVersion}`);
    await expect(day).toContainText(/Corrigé :/);
    await expect(page.getByRole('button', { name: /^Test Agent, .*corrigé/ }).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Mois de Test Agent' }).click();
    await expect(page).toHaveURL(/view=month/);
    await expect(page.getByRole('table', { name: "Les jours du mois de l'agent" })).toBeVisible();
    await expect(page.getByText('✎ corrigé').first()).toBeVisible();
    await expectAccessible(page);
  });

  test('an inspector reads the timesheets without the correction button', async ({ page, request }) => {
    await workAtLouise(request, `8.${Date.now() % 100000}.0`);
    await signIn(page, 'inspecteur', '/work-sessions');
    await expect(page.getByRole('heading', { name: 'Prestations', level: 1 })).toBeVisible();
    await (await todayCell(page)).click();
    const day = page.getByRole('region', { name: /Test Agent — / });
    await expect(day).toContainText('— Bureaux Louise 231');
    await expect(day.getByRole('button', { name: 'Corriger' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('the registrations in Dutch', async ({ page }) => {
    await signIn(page, 'superviseur', '/registrations');
    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Registraties', level: 1 })).toBeVisible();
    await page.getByLabel('Melding').selectOption('outside');
    await expect(page).toHaveURL(/flag=outside/);
    const row = page.getByRole('row').filter({ hasText: 'Test Agent' }).first();
    await expect(row).toContainText('Buiten de geofence');
    await row.getByRole('button', { name: /Details van de registratie/ }).click();
    await expect(page.getByRole('region', { name: /van Test Agent/ })).toContainText('geofence 150 m');
    await expectAccessible(page);
    await page.getByLabel('Taal', { exact: true }).selectOption('fr');
  });
});
