import { expect, test } from '@playwright/test';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { signIn } from '../support/back-office.js';
import { LOUISE_231 } from '../support/agent-clock.js';

// Names typed by someone with the right to create agents, clients, sites and tasks, and shown to
// everybody else: if either UI ever renders them as HTML, a script of that person's runs in the
// browsers of the others. Both UIs must show them as text.
const PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const mark = Date.now().toString(36).toUpperCase();
const names = {
  agentFirst: `Xss${mark}`,
  client: `${PAYLOAD} C${mark}`,
  site: `${PAYLOAD} S${mark}`,
  task: `${PAYLOAD} T${mark}`,
};
const identifier = `XSS${mark}`.slice(0, 20);
const mobilePassword = 'xss-pass-2026';

async function expectNoScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator(`img[src="x"]`).count()).toBe(0);
}

/** The back-office API as the signed-in page: its cookie, and the CSRF token from its cookie. */
async function backOffice(context: BrowserContext, request: APIRequestContext) {
  const csrf = (await context.cookies()).find((cookie) => cookie.name === 'ciao_csrf')?.value ?? '';
  return async (method: 'post' | 'put', url: string, data: object) => {
    const response = await request[method](url, { data, headers: { 'x-csrf-token': csrf } });
    expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json().catch(() => ({}))) as { id: string };
  };
}

test('names made of markup show as text in the back-office and the agent app, and run nothing', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  const call = await backOffice(context, page.request);
  const client = await call('post', '/api/clients', { name: names.client });
  const site = await call('post', '/api/sites', {
    clientId: client.id,
    name: names.site,
    latitude: LOUISE_231.latitude,
    longitude: LOUISE_231.longitude,
    subjectToOnss: false,
  });
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' }));
  const task = await call('post', '/api/tasks', { siteId: site.id, name: names.task, schedule: everyDay });
  const agent = await call('post', '/api/agents', {
    identifier,
    firstName: names.agentFirst,
    lastName: PAYLOAD,
    mobileAccess: true,
    mobilePassword,
  });
  await call('put', `/api/tasks/${task.id}/agents`, { agentIds: [agent.id] });

  // The agent app: its task list and its clock screen show the site and the task as typed.
  await context.grantPermissions(['geolocation']);
  // Imprecise on purpose: each registration opens an anomaly for the compliance screen.
  await context.setGeolocation({ ...LOUISE_231, accuracy: 150 });
  const phone = await context.newPage();
  await phone.goto('/m/');
  await phone.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await phone.getByRole('button', { name: 'Activer' }).click();
  await phone.getByLabel('Identifiant', { exact: true }).fill(`${identifier}@DEMO`);
  await phone.getByLabel('Mot de passe').fill(mobilePassword);
  await phone.getByRole('button', { name: 'Se connecter' }).click();
  await expect(phone.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
  await expect(phone.getByText(names.task).first()).toBeVisible();
  await expect(phone.getByText(names.site, { exact: false }).first()).toBeVisible();
  await expectNoScriptRan(phone);
  await phone.getByRole('button').filter({ hasText: names.task }).first().click();
  await expect(phone.getByTestId('clock-state')).toBeVisible();
  await expect(phone.getByText(names.task).first()).toBeVisible();
  const tap = async (action: 'Arrivée' | 'Départ') => {
    await phone.getByRole('button', { name: action, exact: true }).click();
    const explanation = phone.getByRole('button', { name: 'Compris, continuer' });
    await explanation
      .waitFor({ timeout: 1_000 })
      .then(() => explanation.click())
      .catch(() => undefined);
    await expect(phone.getByTestId('confirmation')).toContainText(
      action === 'Arrivée' ? 'Arrivée' : 'Départ',
    );
  };
  await tap('Arrivée');
  await expectNoScriptRan(phone);
  try {
    await backOfficeScreens(page);
  } finally {
    // Leave the agent off duty.
    await tap('Départ');
  }
  await expectNoScriptRan(phone);
});

async function backOfficeScreens(page: Page) {
  // The back-office: each screen that shows these names, while the agent is at work.
  const screens: { path: string; texts: string[] }[] = [
    { path: '/presence', texts: [names.agentFirst, names.site] },
    { path: `/agents?q=${identifier}`, texts: [identifier, names.agentFirst] },
    { path: `/registrations?q=${identifier}`, texts: [names.agentFirst, names.site] },
    { path: '/anomalies', texts: [] },
    { path: `/tasks?q=${encodeURIComponent(`T${mark}`)}`, texts: [names.task] },
  ];
  for (const screen of screens) {
    await page.goto(screen.path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const text of screen.texts)
      await expect(page.getByText(text).filter({ visible: true }).first(), screen.path).toBeVisible();
    await expectNoScriptRan(page);
  }
  // The markup itself is on screen, as characters.
  await page.goto(`/registrations?q=${identifier}`);
  await expect(page.getByText(PAYLOAD, { exact: false }).filter({ visible: true }).first()).toBeVisible();
  await expect(page.locator('main')).toContainText(PAYLOAD);
  // The agent's own panel: its fields hold the markup as a value, nothing more.
  await page.goto(`/agents?q=${identifier}`);
  await page.getByRole('button', { name: `Modifier ${identifier}` }).click();
  await expect(page).toHaveURL(/edit=/);
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue(PAYLOAD);
  await expectNoScriptRan(page);
  // The anomalies of this agent, on the compliance screen.
  await page.goto('/anomalies?type=POOR_ACCURACY');
  await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Ouverte' });
  await expect(page.getByRole('row').filter({ hasText: names.agentFirst }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: names.agentFirst }).first()).toContainText(PAYLOAD);
  await expectNoScriptRan(page);
}
