import { expect, test } from '@playwright/test';

test.describe('back-office shell', () => {
  test('opens in French and shows that the server is ready', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(
      page.getByRole('heading', { name: 'Enregistrement des présences pour les entreprises de nettoyage' }),
    ).toBeVisible();
    await expect(page.getByText('Le serveur est joignable et prêt.')).toBeVisible();
    await expect(page.getByRole('link', { name: /Documentation de l'API/ })).toHaveAttribute(
      'href',
      '/api/docs',
    );
  });

  test('switches to Dutch and remembers it after a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('nl');
    await expect(
      page.getByRole('heading', { name: 'Aanwezigheidsregistratie voor schoonmaakbedrijven' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.reload();
    await expect(page.getByText('De server is bereikbaar en klaar.')).toBeVisible();
  });

  test('shows a translated page for an unknown address', async ({ page }) => {
    await page.goto('/nulle-part');
    await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
    await page.getByRole('link', { name: "Retour à l'accueil" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('says so, with a way to retry, when the server cannot be reached', async ({ page }) => {
    await page.route('**/health/ready', (route) => route.abort('connectionrefused'));
    await page.goto('/');
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
