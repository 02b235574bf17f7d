import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

// Every main screen, as the administrator sees it (the most controls), with its creation form open
// where it has one: no serious or critical axe violation. The other specs scan the states they
// reach (errors, dialogs, reports).
const screens = [
  { path: '/', heading: 'Tableau de bord' },
  { path: '/agents', heading: 'Agents', create: 'Nouvel agent' },
  { path: '/clients', heading: 'Clients (tiers)', create: 'Nouveau client' },
  { path: '/sites', heading: 'Sites', create: 'Nouveau site' },
  { path: '/subcontractors', heading: 'Sous-traitants', create: 'Nouveau sous-traitant' },
  { path: '/tasks', heading: 'Tâches', create: 'Nouvelle tâche' },
  { path: '/tasks/groups', heading: 'Tâches', create: 'Nouveau groupe' },
  { path: '/licences', heading: 'Licences et appareils', create: 'Nouveau code de licence' },
  { path: '/licences/devices', heading: 'Licences et appareils' },
  { path: '/imports', heading: 'Importer des données (CSV)' },
  { path: '/users', heading: 'Utilisateurs', create: 'Nouvel utilisateur' },
  { path: '/company', heading: 'Entreprise' },
  { path: '/registrations', heading: 'Pointages' },
  { path: '/work-sessions', heading: 'Prestations' },
  { path: '/presence', heading: 'Présences en direct' },
  { path: '/onss', heading: 'Suivi ONSS' },
  { path: '/anomalies', heading: 'Conformité' },
  { path: '/api-keys', heading: "Clés d'API", create: "Nouvelle clé d'API" },
  { path: '/webhooks', heading: 'Webhooks', create: 'Nouvel abonnement' },
] as const;

test('the main screens have no serious accessibility violation, lists and forms', async ({ page }) => {
  test.setTimeout(120_000);
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
  await signIn(page, 'admin', '/');
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  for (const screen of screens) {
    await test.step(screen.path, async () => {
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { name: screen.heading, level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /Chargement/ })).toHaveCount(0);
      await expectAccessible(page);
      if ('create' in screen) {
        await page.getByRole('button', { name: screen.create, exact: true }).click();
        await expect(page.getByRole('button', { name: screen.create, exact: true })).toHaveCount(0);
        await expectAccessible(page);
      }
    });
  }
});

test('the main screens have no serious accessibility violation on a phone, in Dutch', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, 'admin', '/');
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  await page.getByLabel('Langue', { exact: true }).selectOption('nl');
  for (const path of ['/', '/agents', '/sites', '/tasks', '/licences']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expectAccessible(page);
  }
  await page.getByLabel('Taal', { exact: true }).selectOption('fr');
});
