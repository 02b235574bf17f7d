import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

// The demo company starts with eight whole weeks of past work (apps/server/src/demo/demo-history.ts):
// the default period, the last 4 weeks, has three of them and the current week.

const chart = (page: Page, title: string) => page.getByRole('region', { name: title });

test.describe('analytics', () => {
  test('shows the four charts and headline figures on the demo data, accessibly', async ({ page }) => {
    await signIn(page, 'superviseur', '/analytics');
    await expect(page.getByRole('heading', { level: 1, name: 'Analyses' })).toBeVisible();
    for (const title of [
      'Heures prestées par semaine',
      'Planifié et presté',
      'Enregistrements confirmés par l’ONSS à temps',
      'Anomalies par semaine',
    ])
      await expect(chart(page, title).getByRole('group', { name: title })).toBeVisible();
    await expect(page.getByText('Confirmés par l’ONSS à temps', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Analyses' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a site’s bar opens that week’s timesheets on that site', async ({ page }) => {
    await signIn(page, 'gestionnaire', '/analytics?groupBy=site');
    const hours = chart(page, 'Heures prestées par semaine');
    await expect(hours.getByLabel('Regrouper par')).toHaveValue('site');
    const bar = hours
      .getByRole('link', { name: /^Semaine du .* — Bureaux Fonsny \(Gare du Midi\) : / })
      .first();
    const name = (await bar.getAttribute('aria-label')) ?? '';
    await bar.click();
    await expect(page).toHaveURL(/\/work-sessions\?week=\d{4}-\d{2}-\d{2}&siteId=[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Prestations' })).toBeVisible();
    await expect(page.getByLabel('Chantier')).toHaveValue(new URL(page.url()).searchParams.get('siteId')!);
    expect(name).toMatch(/ h$/);
  });

  test('an anomaly segment opens the compliance list of that type and week; a point opens the ONSS list', async ({
    page,
  }) => {
    await signIn(page, 'admin', '/analytics?period=12w');
    const anomalies = chart(page, 'Anomalies par semaine');
    const segment = anomalies.getByRole('link', { name: /^Semaine du .* — Absence/ }).first();
    await segment.click();
    await expect(page).toHaveURL(/\/anomalies\?type=NO_SHOW&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByLabel('Anomalie', { exact: true })).toHaveValue('NO_SHOW');

    await page.goBack();
    const point = chart(page, 'Enregistrements confirmés par l’ONSS à temps').getByRole('link').first();
    await expect(point).toHaveAccessibleName(/^Semaine du .* : .* à temps \(.* sur .*\)$/);
    await point.click();
    await expect(page).toHaveURL(/\/onss\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  });

  test('the numbers behind a chart as a table, and the marks reachable with the keyboard', async ({
    page,
  }) => {
    await signIn(page, 'rh', '/analytics');
    const planned = chart(page, 'Planifié et presté');
    const table = planned.getByRole('table');
    // Always there for screen readers, shown on demand.
    await expect(table.getByRole('columnheader', { name: 'Planifié' })).toBeAttached();
    const box = table.locator('xpath=..');
    expect((await box.boundingBox())?.width ?? 0).toBeLessThan(5);
    await planned.getByRole('button', { name: 'Afficher les chiffres' }).click();
    await expect(planned.getByRole('button', { name: 'Masquer les chiffres' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect((await box.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    await expect(table.getByRole('row')).toHaveCount(1 + 4);

    const marks = planned.getByRole('link');
    await marks.first().focus();
    await expect(marks.first()).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(marks.nth(1)).toBeFocused();
    const name = await marks.nth(1).getAttribute('aria-label');
    await expect(planned.getByText(name!, { exact: true })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/work-sessions\?week=/);
  });

  test('speaks Dutch, and fits a 375 px wide phone', async ({ page }) => {
    await signIn(page, 'inspecteur', '/analytics');
    await page.getByLabel('Langue').selectOption('nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Analyses' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Gepresteerde uren per week' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Registraties tijdig bevestigd door de RSZ' }),
    ).toBeVisible();
    await expect(page.getByLabel('Periode', { exact: true })).toHaveValue('4w');

    await page.setViewportSize({ width: 375, height: 812 });
    const hours = chart(page, 'Gepresteerde uren per week');
    await expect(hours.getByRole('group', { name: 'Gepresteerde uren per week' })).toBeVisible();
    expect((await hours.getByRole('group').boundingBox())!.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.getByLabel('Taal').selectOption('fr');
  });
});
