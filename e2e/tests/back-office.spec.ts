import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectAccessible } from '../support/back-office.js';

async function submitAdminSignIn(page: Page) {
  await page.getByLabel('Code entreprise').fill('DEMO');
  await page.getByLabel('Identifiant', { exact: true }).fill('admin');
  await page.getByLabel('Mot de passe', { exact: true }).fill('ciao-demo-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function signInAsAdmin(page: Page) {
  await submitAdminSignIn(page);
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
}

test.describe('back-office shell', () => {
  test('opens in French on the sign-in page, which says what ciao is', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Connexion au back-office' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Enregistrement des présences pour les entreprises de nettoyage' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: /Documentation de l'API/ })).toHaveAttribute(
      'href',
      '/api/docs',
    );
    await expectAccessible(page);
  });

  test('switches to Dutch and remembers it after a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('nl');
    await expect(
      page.getByRole('heading', { name: 'Aanwezigheidsregistratie voor schoonmaakbedrijven' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Aanmelden bij de back-office' })).toBeVisible();
  });

  test('shows a translated page for an unknown address', async ({ page }) => {
    await page.goto('/nulle-part');
    await submitAdminSignIn(page);
    await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
    await page.getByRole('link', { name: "Retour à l'accueil" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('says so, with a way to retry, when the server is not ready', async ({ page }) => {
    await page.goto('/sign-in');
    await signInAsAdmin(page);
    await expect(page.getByText('Le serveur est joignable et prêt.')).toBeVisible();
    await page.route('**/health/ready', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await expect(page.getByText('Le serveur est injoignable.')).toBeVisible();
    await page.unroute('**/health/ready');
    await page.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await expect(page.getByText('Le serveur est joignable et prêt.')).toBeVisible();
  });

  test('serves the API documentation', async ({ page }) => {
    await page.goto('/api/docs');
    await expect(page.getByText('ciao API')).toBeVisible();
  });
});
