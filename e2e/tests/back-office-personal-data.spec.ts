import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

test.describe('back-office GDPR access request', () => {
  test('an administrator downloads the personal data of an agent as JSON from the agent screen', async ({
    page,
  }) => {
    await signIn(page, 'admin', '/agents');
    await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible();
    await page.getByLabel('Rechercher').fill('TEST');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page
      .getByRole('row', { name: /\bTEST\b/ })
      .getByRole('button', { name: /^Modifier/ })
      .click();

    const panel = page.getByRole('region', { name: 'Données personnelles (RGPD)' });
    await expect(panel).toBeVisible();
    await expectAccessible(page);

    const waiting = page.waitForEvent('download');
    await panel.getByRole('link', { name: 'Télécharger (JSON)' }).click();
    const file = await waiting;
    expect(file.suggestedFilename()).toMatch(/^personal-data-test-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await fs.readFile((await file.path())!, 'utf8'));
    expect(data).toMatchObject({ format: 'ciao.personal-data.v1', agent: { identifier: 'TEST' } });
    expect(Array.isArray(data.registrations)).toBe(true);
    expect(data.auditEntries.map((entry: { action: string }) => entry.action)).toContain(
      'agent.personal_data_exported',
    );
  });

  test('a supervisor, who may not edit agents, is not offered the download', async ({ page }) => {
    await signIn(page, 'superviseur', '/agents');
    await page.getByRole('button', { name: 'Tâches de TEST' }).click();
    await expect(page.getByRole('region', { name: 'Tâches de TEST' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Données personnelles (RGPD)' })).toHaveCount(0);
  });
});
