import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { clockTestAgent } from '../support/agent-clock.js';
import { expectAccessible, signIn } from '../support/back-office.js';

interface Anomaly {
  id: string;
  status: string;
  comment: string | null;
  openedAt: string;
  agent: { id: string; name: string } | null;
}

let since = '';

/** The POOR_ACCURACY anomalies this run's registrations opened, newest first. */
async function ours(page: Page): Promise<Anomaly[]> {
  const response = await page.request.get('/api/anomalies?type=POOR_ACCURACY&pageSize=50');
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { items: Anomaly[] };
  return body.items.filter((item) => item.openedAt >= since);
}

test.describe.configure({ mode: 'serial' });

test.describe('Compliance (anomalies)', () => {
  test.beforeAll(async ({ playwright }, testInfo) => {
    const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    since = new Date(Date.now() - 1000).toISOString();
    // A phone that places the agent only within 150 m: each registration opens an anomaly.
    await clockTestAgent(request, { accuracyMeters: 150 });
    await request.dispose();
  });

  test('a HR manager finds an anomaly by type and resolves it with a comment', async ({ page }) => {
    await signIn(page, 'rh', '/anomalies');
    await expect(page.getByRole('heading', { level: 1, name: 'Conformité' })).toBeVisible();
    const [anomaly] = await ours(page);
    expect(anomaly, 'the registration opened an anomaly').toBeDefined();
    await expect(page.getByRole('heading', { name: /anomalies? à traiter, par type/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Anomalies relevées par semaine' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: /^Position imprécise/ }).click();
    await expect(page).toHaveURL(/type=POOR_ACCURACY/);
    await expect(page.getByRole('heading', { name: '« Position imprécise » par semaine' })).toBeVisible();
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Ouverte' });
    const row = page.getByRole('row').nth(1);
    await expect(row).toContainText('Position précise à 150 m seulement.');
    await expect(row).toContainText(anomaly!.agent!.name);

    await row
      .getByRole('button', { name: `Résoudre l'anomalie « Position imprécise » de ${anomaly!.agent!.name}` })
      .click();
    const form = page.getByRole('form', {
      name: `Résoudre l'anomalie « Position imprécise » de ${anomaly!.agent!.name}`,
    });
    await form.getByRole('button', { name: 'Résoudre' }).click();
    await expect(
      form.getByText('Dites ce qui a été fait : un inspecteur lira ce commentaire.'),
    ).toBeVisible();
    await expect(form.getByLabel('Ce qui a été fait (obligatoire)')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    const comment = `GPS du téléphone réglé sur haute précision ${Date.now()}`;
    await form.getByLabel('Ce qui a été fait (obligatoire)').fill(comment);
    await form.getByRole('button', { name: 'Résoudre' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Anomalie résolue.' })).toBeVisible();

    const after = (await (await page.request.get(`/api/anomalies/${anomaly!.id}`)).json()) as Anomaly;
    expect(after).toMatchObject({ status: 'resolved', comment });
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Résolue' });
    await expect(page.getByText(`Commentaire : ${comment}`)).toBeVisible();
  });

  test('an administrative manager acknowledges an anomaly, in Dutch', async ({ page }) => {
    await signIn(page, 'gestionnaire', '/anomalies?type=POOR_ACCURACY&status=open');
    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Conformiteit' })).toBeVisible();
    const open = (await ours(page)).filter((anomaly) => anomaly.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    const row = page.getByRole('row').nth(1);
    await expect(row).toContainText('Positie slechts tot op 150 m nauwkeurig.');
    const name = open[0]!.agent!.name;
    await row
      .getByRole('button', { name: `De afwijking „Onnauwkeurige positie” van ${name} als gezien markeren` })
      .click();
    const form = page.getByRole('form', {
      name: `De afwijking „Onnauwkeurige positie” van ${name} als gezien markeren`,
    });
    await form.getByLabel('Opmerking (optioneel)').fill('Agent gebeld');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Gezien' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Afwijking gezien.' })).toBeVisible();
    const after = (await (await page.request.get(`/api/anomalies/${open[0]!.id}`)).json()) as Anomaly;
    expect(after).toMatchObject({ status: 'acknowledged', comment: 'Agent gebeld' });
  });

  test('a supervisor reads the anomalies without being offered to handle them', async ({ page }) => {
    await signIn(page, 'superviseur', '/anomalies');
    await expect(page.getByRole('heading', { level: 1, name: 'Conformité' })).toBeVisible();
    await expect(page.getByText(/Votre rôle permet de les consulter/)).toBeVisible();
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Résoudre/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Prendre en compte/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});
