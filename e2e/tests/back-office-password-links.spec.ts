import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

test.describe('invitations and forgotten passwords', () => {
  test('asks for a reset link from the sign-in page, with the same answer for any account', async ({
    page,
  }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('heading', { name: 'Mot de passe oublié', level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Code entreprise').fill('DEMO');
    await page.getByLabel('Identifiant ou adresse e-mail').fill(`nobody-${Date.now()}`);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await expect(page.getByRole('status')).toContainText('Si un compte correspond à ces informations');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Retour à la connexion' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a link that does not exist says so and offers a new one', async ({ page }) => {
    await page.goto(`/set-password?token=${'x'.repeat(43)}`);
    await expect(page.getByRole('alert')).toHaveText(
      "Ce lien n'est pas valable. Vérifiez qu'il a été copié en entier, ou demandez-en un nouveau.",
    );
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
  });

  test('an administrator invites a user who has an e-mail address', async ({ page }) => {
    const login = `e2e-invite-${Date.now()}`;
    await signIn(page, 'admin', '/users');
    await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = page.getByRole('region', { name: 'Nouvel utilisateur' });
    await form.getByLabel('Identifiant').fill(login);
    await form.getByLabel('Nom affiché').fill('Inès Invitée');
    await form.getByLabel('E-mail (facultatif)').fill(`${login}@example.be`);
    await form.getByLabel('Premier mot de passe').fill('first password 1');
    await form.getByRole('button', { name: "Créer l'utilisateur" }).click();

    const panel = page.getByRole('region', { name: `Gérer ${login}` });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Inviter' }).click();
    await expect(panel.getByRole('status')).toContainText(`Invitation envoyée à ${login}@example.be.`);
    await expectAccessible(page);
  });
});
