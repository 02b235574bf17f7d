import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

test.describe('back-office notifications', () => {
  test('a manager subscribes to e-mail alerts and the digest for one site, and finds the choices again', async ({
    page,
  }) => {
    await signIn(page, 'gestionnaire', '/');
    await page.getByRole('link', { name: 'Notifications' }).first().click();
    await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
    await expectAccessible(page);

    // The manager's role reads ONSS: every type is offered.
    await expect(page.getByLabel('Enregistrement refusé par l’ONSS')).toBeVisible();
    for (const label of ['Départ oublié', 'Absence', 'Résumé quotidien de conformité']) {
      await page.getByLabel(label).check();
    }
    await page.getByLabel('Enregistrement refusé par l’ONSS').uncheck();
    await page.getByLabel('Portée').selectOption('site');
    const site = page.getByLabel('Un site', { exact: true });
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(page.getByText('Choisissez le site.')).toBeVisible();
    await expectAccessible(page);

    await expect(site.locator('option')).not.toHaveCount(1);
    await site.selectOption({ index: 1 });
    const siteName = (await site.locator('option:checked').textContent())!;
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(page.getByRole('status')).toContainText('Vos choix de notifications sont enregistrés.');

    await page.reload();
    await expect(page.getByLabel('Absence')).toBeChecked();
    await expect(page.getByLabel('Résumé quotidien de conformité')).toBeChecked();
    await expect(page.getByLabel('Enregistrement refusé par l’ONSS')).not.toBeChecked();
    await expect(page.getByLabel('Portée')).toHaveValue('site');
    await expect(page.getByLabel('Un site', { exact: true }).locator('option:checked')).toHaveText(siteName);
    await expectAccessible(page);
  });
});
