import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

test.describe('back-office company settings: anomaly thresholds and the ONSS connection', () => {
  test('an administrator sets an anomaly threshold, is told when it is not a positive number, and resets it', async ({
    page,
  }) => {
    await signIn(page, 'admin', '/company');
    const threshold = page.getByLabel('Pause trop longue au-delà de (min)');
    await expect(threshold).toHaveAttribute('placeholder', '60');
    await threshold.fill('-5');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(
      page.getByText('Indiquez un nombre positif, ou laissez vide pour la valeur par défaut.'),
    ).toBeVisible();
    await expect(threshold).toHaveAttribute('aria-invalid', 'true');

    await threshold.fill('45');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByText("Les informations de l'entreprise ont été enregistrées.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Pause trop longue au-delà de (min)')).toHaveValue('45');

    await page.getByLabel('Pause trop longue au-delà de (min)').fill('');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByText("Les informations de l'entreprise ont été enregistrées.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Pause trop longue au-delà de (min)')).toHaveValue('');
  });

  test('an administrator tests the demo ONSS connection and is told when a key file is not a key', async ({
    page,
  }) => {
    await signIn(page, 'admin', '/company');
    const panel = page.getByRole('region', { name: "Connexion à l'ONSS" });
    await expect(panel.getByText('Enregistrée (chiffrée). Empreinte :')).toBeVisible();
    await expect(panel.getByLabel('Environnement')).toHaveValue('simulator');
    await expectAccessible(page);

    await panel.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect(panel.getByText("Test réussi : l'ONSS a délivré un jeton d'accès.")).toBeVisible();
    await expect(panel.getByText(/^Réussi le /)).toBeVisible();

    await panel.getByLabel('Remplacer la clé privée (fichier PEM)').setInputFiles({
      name: 'not-a-key.pem',
      mimeType: 'text/plain',
      buffer: Buffer.from('-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n'),
    });
    await expect(panel.getByText('Fichier choisi : not-a-key.pem')).toBeVisible();
    await panel.getByRole('button', { name: 'Enregistrer la connexion' }).click();
    await expect(
      panel.getByText(
        "Ce fichier n'est pas une clé privée RSA utilisable : choisissez le fichier PEM de la clé.",
      ),
    ).toBeVisible();
    // Nothing changed: the stored key still works.
    await page.reload();
    await page
      .getByRole('region', { name: "Connexion à l'ONSS" })
      .getByRole('button', { name: 'Tester la connexion' })
      .click();
    await expect(page.getByText("Test réussi : l'ONSS a délivré un jeton d'accès.")).toBeVisible();
  });

  test('a supervisor sees the ONSS connection without being able to change or test it', async ({ page }) => {
    await signIn(page, 'superviseur', '/company');
    const panel = page.getByRole('region', { name: "Connexion à l'ONSS" });
    await expect(panel.getByText('Enregistrée (chiffrée). Empreinte :')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Tester la connexion' })).toHaveCount(0);
    await expect(panel.getByLabel('Identifiant client (OAuth)')).toBeDisabled();
  });
});
