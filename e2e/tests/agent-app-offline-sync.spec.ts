import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// An agent app with a long queue: four taps made offline, then 1,000 more registrations put in the
// app's own IndexedDB queue (as days offline would leave it; tapping 1,000 times through the UI
// would take minutes), a reload while still offline, then the connection back. Everything reaches
// the server once. TEST ends off duty: the queue ends with a departure.
const SITE = { latitude: 50.8275, longitude: 4.3653, accuracy: 10 };
const QUEUED = 1_000;

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(SITE);
});

async function signedInOnLouise(page: Page) {
  await page.goto('/m/');
  await page.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activer' }).click();
  await page.getByLabel('Identifiant', { exact: true }).fill('TEST@DEMO');
  await page.getByLabel('Mot de passe').fill('test1234');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
  await page.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
  await expect(page.getByTestId('clock-state')).toBeVisible();
}

async function tap(page: Page, action: string, done: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const explanation = page.getByRole('button', { name: 'Compris, continuer' });
  await explanation
    .waitFor({ timeout: 1_000 })
    .then(() => explanation.click())
    .catch(() => undefined);
  await expect(page.getByTestId('confirmation')).toContainText(done);
  await expect(page.getByTestId('confirmation')).toContainText("En attente d'envoi");
}

/** Adds `count` registrations after the last queued one to the app's queue store ('ciao-agent', events). */
function fillQueue(page: Page, count: number) {
  return page.evaluate(async (count) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ciao-agent');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = database.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    const last = all
      .sort((a, b) => Date.parse(String(a.deviceTime)) - Date.parse(String(b.deviceTime)))
      .at(-1)!;
    // Between the last tap and now, 2 ms apart: the server refuses a registration dated before the previous one.
    const from = Date.parse(String(last.deviceTime)) + 10;
    const step = Math.floor((Date.now() - 200 - from) / count);
    if (step < 1) throw new Error('not enough time since the last tap');
    const actions = ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE'];
    const ids: string[] = [];
    const store = database.transaction('events', 'readwrite').objectStore('events');
    for (let index = 0; index < count; index += 1) {
      const id = crypto.randomUUID();
      ids.push(id);
      store.put({
        ...last,
        id,
        action: actions[index % 4],
        deviceTime: new Date(from + index * step).toISOString(),
        capturedOffline: true,
        status: 'pending',
        attempts: 0,
      });
    }
    await new Promise<void>((resolve, reject) => {
      store.transaction.oncomplete = () => resolve();
      store.transaction.onerror = () => reject(store.transaction.error);
    });
    database.close();
    return ids;
  }, count);
}

function queueStatuses(page: Page) {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ciao-agent');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ id: string; status: string }[]>((resolve, reject) => {
      const request = database.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result as { id: string; status: string }[]);
      request.onerror = () => reject(request.error);
    });
    database.close();
    return Object.fromEntries(all.map((event) => [event.id, event.status]));
  });
}

test('offline: 4 taps and 1,000 queued registrations survive a reload and reach the server once', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signedInOnLouise(page);
  await page.evaluate(() => navigator.serviceWorker.ready);

  await context.setOffline(true);
  await tap(page, 'Arrivée', 'Arrivée enregistrée à');
  await tap(page, 'Pause', 'Pause enregistrée à');
  await tap(page, 'Reprise', 'Reprise enregistrée à');
  await tap(page, 'Départ', 'Départ enregistré à');
  // 1,000 registrations 2 ms apart need 2 s after the last tap.
  await page.waitForTimeout(2_500);
  const injected = await fillQueue(page, QUEUED);

  await page.reload();
  await expect(page.getByTestId('queue-banner')).toContainText(
    `${QUEUED + 4} enregistrements en attente d'envoi`,
  );
  const online = Date.now();
  await context.setOffline(false);
  await expect(page.getByTestId('queue-banner')).toBeHidden({ timeout: 60_000 });
  const syncMs = Date.now() - online;
  test
    .info()
    .annotations.push({ type: 'sync', description: `${QUEUED + 4} registrations synced in ${syncMs} ms` });
  console.log(`agent app: ${QUEUED + 4} queued registrations synced in ${syncMs} ms`);

  const statuses = await queueStatuses(page);
  const notSent = Object.entries(statuses).filter(([, status]) => status !== 'sent');
  expect(notSent).toEqual([]);

  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('ciao.session') ?? '{}') as { agentToken?: string }).agentToken,
  );
  const answer = await page.request.get('/api/agent/v1/clock-events?days=1', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.ok()).toBe(true);
  const { events } = (await answer.json()) as { events: { id: string; capturedOffline: boolean }[] };
  // The history holds the newest 1,000: exactly the injected ones, each once.
  const received = events.filter((event) => injected.includes(event.id));
  expect(received).toHaveLength(QUEUED);
  expect(new Set(received.map((event) => event.id)).size).toBe(QUEUED);
  expect(received.every((event) => event.capturedOffline)).toBe(true);

  // Off duty at the end, as the last queued registration left.
  await page.getByRole('button').filter({ hasText: 'Avenue Louise 231' }).first().click();
  await expect(page.getByTestId('clock-state')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Arrivée', exact: true })).toBeEnabled();
});
