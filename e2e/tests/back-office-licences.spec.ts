import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

test.describe('back-office licences and devices', () => {
  test('an administrator creates a code, sees it once, and revokes it while keeping the phones', async ({
    page,
  }) => {
    const label = `E2E ${Date.now()}`;
    await signIn(page, 'admin', '/licences');
    await expect(page.getByRole('heading', { name: 'Licences et appareils', level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Nouveau code de licence' }).click();
    const form = page.getByRole('region', { name: 'Nouveau code de licence' });
    await form.getByLabel('Libellé (facultatif)').fill(label);
    await form.getByLabel("Nombre maximal d'appareils").fill('0');
    await form.getByRole('button', { name: 'Créer le code' }).click();
    await expect(form.getByText('Indiquez un nombre entier de 1 à 10000.')).toBeVisible();
    await expect(form.getByLabel("Nombre maximal d'appareils")).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel("Nombre maximal d'appareils").fill('3');
    await form.getByLabel("Valable jusqu'au (facultatif)").fill('2099-12-31');
    await form.getByRole('button', { name: 'Créer le code' }).click();
    const code = page.getByTestId('licence-code');
    await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const hint = (await code.textContent())!.slice(-4);
    await expect(
      page.getByText("Notez ce code maintenant : il n'est affiché qu'une fois.", { exact: false }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: "J'ai noté le code" }).click();
    await expect(code).toHaveCount(0);

    await page.getByLabel('Rechercher', { exact: true }).fill(label);
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(label) });
    await expect(row).toContainText(`…${hint}`);
    await expect(row).toContainText('0 / 3');
    await expect(row).toContainText('31 déc. 2099');
    await expect(row).toContainText('Actif');
    await expect(page).toHaveURL(/q=E2E/);

    await row.getByRole('button', { name: `Révoquer le code …${hint}` }).click();
    const dialog = page.getByRole('region', { name: `Révoquer le code …${hint} ?` });
    await dialog.getByLabel(/Déconnecter aussi/).uncheck();
    await dialog.getByRole('button', { name: 'Révoquer le code' }).click();
    await expect(
      page.getByText(`Le code …${hint} est révoqué ; les téléphones déjà activés continuent de fonctionner.`),
    ).toBeVisible();
    await expect(row).toContainText('Révoqué');
    await expect(row.getByRole('button', { name: /Révoquer/ })).toHaveCount(0);
  });

  test('an administrator finds a phone by its app version and revokes it, in Dutch', async ({
    page,
    request,
  }) => {
    const appVersion = `9.${Date.now() % 100000}.0`;
    const activation = await request.post('/api/agent/v1/activation', {
      data: {
        licenceCode: 'CIAO-DEMO-2026',
        installationId: crypto.randomUUID(),
        platform: 'android',
        appVersion,
      },
    });
    expect(activation.status()).toBe(200);

    await signIn(page, 'admin', '/licences/devices');
    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(
      page
        .getByRole('navigation', { name: 'Licenties en toestellen' })
        .getByRole('link', { name: 'Toestellen' }),
    ).toHaveAttribute('aria-current', 'page');
    await page.getByLabel('Zoeken', { exact: true }).fill(appVersion);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(appVersion.replaceAll('.', '\\.')) });
    await expect(row).toContainText('Geen agent aangemeld');
    await expect(row).toContainText('Android');
    await expectAccessible(page);

    await row.getByRole('button', { name: 'Telefoon van Geen agent aangemeld intrekken' }).click();
    await page.getByRole('button', { name: 'Telefoon intrekken' }).click();
    await expect(page.getByText('De telefoon van Geen agent aangemeld is ingetrokken.')).toBeVisible();
    await expect(row).toContainText('Ingetrokken');
    await page.getByLabel('Status').selectOption('revoked');
    await expect(page).toHaveURL(/status=revoked/);
    await expect(row).toBeVisible();

    await page.getByLabel('Taal', { exact: true }).selectOption('fr');
  });

  test('a supervisor reads the licences and devices without creating or revoking anything', async ({
    page,
  }) => {
    await signIn(page, 'superviseur', '/licences');
    await expect(page.getByRole('heading', { name: 'Licences et appareils', level: 1 })).toBeVisible();
    await expect(page.getByText('Votre rôle permet de consulter les licences')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nouveau code de licence' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Révoquer/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Appareils', exact: true }).click();
    await expect(page).toHaveURL(/\/licences\/devices$/);
    await expect(page.getByRole('columnheader', { name: /Dernier agent/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Révoquer/ })).toHaveCount(0);
  });
});
