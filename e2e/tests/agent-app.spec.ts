import { expect, test } from '@playwright/test';

test.describe('agent app shell (PWA)', () => {
  test('opens at /m/ in French on the activation screen, with the server status', async ({ page }) => {
    await page.goto('/m/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Activer ce téléphone' })).toBeVisible();
    await expect(page.getByText('Le serveur est joignable et prêt.')).toBeVisible();
    await expect(page.getByText('En ligne')).toBeVisible();
  });

  test('is installable: manifest scoped to /m/ and a service worker in control', async ({
    page,
    request,
  }) => {
    await page.goto('/m/');
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifest = await (await request.get(new URL(manifestHref!, page.url()).toString())).json();
    expect(manifest).toMatchObject({ name: 'ciao', start_url: '/m/', scope: '/m/', display: 'standalone' });
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.scope;
    });
    expect(scope).toMatch(/\/m\/$/);
  });

  test('opens without network once installed, and says it is offline', async ({ page, context }) => {
    await page.goto('/m/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.getByText('En ligne')).toBeVisible();
    await context.setOffline(true);
    await expect(page.getByText('Hors ligne', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByText('Hors ligne', { exact: true })).toBeVisible();
    await context.setOffline(false);
  });

  test('fits a 320 px wide phone without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/m/');
    await expect(page.getByText('Le serveur est joignable et prêt.')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
