import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

test.describe('back-office API keys', () => {
  test('an administrator creates a key, sees it once, an integration uses it, and the key is revoked', async ({
    page,
    request,
  }) => {
    const name = `E2E integration ${Date.now()}`;
    await signIn(page, 'admin', '/api-keys');
    await expect(page.getByRole('heading', { name: "Clés d'API", level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: "Nouvelle clé d'API" }).click();
    const form = page.getByRole('region', { name: "Nouvelle clé d'API" });
    await form.getByRole('button', { name: 'Créer la clé' }).click();
    await expect(form.getByText('Donnez un nom à la clé (100 caractères au plus).')).toBeVisible();
    await expectAccessible(page);
    await form.getByLabel('Nom').fill(name);
    await form.getByLabel("Autoriser l'écriture").check();
    await form.getByLabel('Dernier jour de validité').fill('2099-12-31');
    await form.getByRole('button', { name: 'Créer la clé' }).click();

    const secret = page.getByTestId('api-key-secret');
    await expect(secret).toHaveText(/^ciao_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const key = (await secret.textContent())!;
    await expect(page.getByText('elle ne sera plus jamais affichée', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copier la clé' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: "J'ai copié la clé" }).click();
    await expect(secret).toHaveCount(0);

    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(`${key.slice(0, 13)}_…`);
    await expect(row).toContainText('Lecture et écriture');
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Jamais');

    // The integration's side: what docs/api.md shows with curl.
    const listed = await request.get('/api/v1/registrations?limit=2', {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(listed.status()).toBe(200);
    const page1 = (await listed.json()) as { items: unknown[]; syncWatermark: string };
    expect(page1.items.length).toBeLessThanOrEqual(2);
    expect(page1.syncWatermark).toMatch(/^\d{4}-\d\d-\d\dT/);

    await page.reload();
    await expect(row).not.toContainText('Jamais');

    await row.getByRole('button', { name: `Révoquer la clé ${name}` }).click();
    const dialog = page.getByRole('region', { name: `Révoquer la clé « ${name} » ?` });
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Révoquer la clé' }).click();
    await expect(page.getByText(`La clé ${name} est révoquée`, { exact: false })).toBeVisible();
    await expect(row).toContainText('Révoquée');
    await expect(row.getByRole('button', { name: /Révoquer/ })).toHaveCount(0);

    const refused = await request.get('/api/v1/registrations', {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('API_KEY_REVOKED');
  });

  test('a manager has no API keys in the menu and is refused the screen', async ({ page }) => {
    await signIn(page, 'gestionnaire', '/');
    await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('link', { name: "Clés d'API" })).toHaveCount(0);
    await page.goto('/api-keys');
    await expect(page.getByRole('heading', { name: 'Accès refusé', level: 1 })).toBeVisible();
  });
});
