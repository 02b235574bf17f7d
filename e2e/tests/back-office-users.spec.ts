import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectAccessible } from '../support/back-office.js';

const PASSWORD = 'ciao-demo-2026';

async function signIn(page: Page, login: string, password = PASSWORD) {
  await page.getByLabel('Code entreprise').fill('DEMO');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function openUsers(page: Page) {
  await page.goto('/users');
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
}

test.describe('back-office users', () => {
  test('lists and searches the demo users', async ({ page }) => {
    await openUsers(page);
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: 'admin', exact: true })).toBeVisible();
    // The demo agents' users come first (a001…): the managers are on the next page.
    await expect(page.getByText('Page 1 sur 2')).toBeVisible();
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await expect(table.getByRole('cell', { name: 'superviseur', exact: true })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Iris Inspectrice' })).toBeVisible();
    await expect(page.getByText('Page 2 sur 2')).toBeVisible();

    await page.getByLabel('Rechercher').fill('gaston');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('cell', { name: 'Gaston Gestionnaire' })).toBeVisible();

    await expectAccessible(page);

    // Sorted on the role, then filtered on it: both kept in the address.
    await page.getByLabel('Rechercher').fill('');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('columnheader', { name: /Rôle/ }).getByRole('button').click();
    await expect(page.getByRole('columnheader', { name: /Rôle/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/sort=role&order=asc/);
    await page.getByLabel('Rôle', { exact: true }).selectOption('INSPECTOR');
    await expect(page).toHaveURL(/role=INSPECTOR/);
    await expect(table.getByRole('cell', { name: 'Iris Inspectrice' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2);
    await page.getByLabel('Rôle', { exact: true }).selectOption('');

    await page.getByLabel('Rechercher').fill('nobody-by-that-name');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('Aucun utilisateur ne correspond à cette recherche.')).toBeVisible();
  });

  test('creates a user: client check, server field error, then success', async ({ page }) => {
    const login = `e2e-${Date.now()}`;
    await openUsers(page);
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = page.getByRole('region', { name: 'Nouvel utilisateur' });

    await form.getByLabel('Identifiant').fill('rh');
    await form.getByLabel('Nom affiché').fill('Robert Homonyme');
    await form.getByLabel('Rôle').selectOption('HR_MANAGER');
    await form.getByLabel('Premier mot de passe').fill('short');
    await form.getByRole('button', { name: "Créer l'utilisateur" }).click();
    await expect(form.getByText('Au moins 10 caractères.', { exact: true })).toBeVisible();

    // The login is taken: only the server knows, and says which field.
    await form.getByLabel('Premier mot de passe').fill('a long enough password');
    await form.getByRole('button', { name: "Créer l'utilisateur" }).click();
    await expect(form.getByText('Cet identifiant est déjà utilisé dans votre entreprise.')).toBeVisible();
    await expect(form.getByLabel('Identifiant')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('Identifiant').fill(login);
    await form.getByRole('button', { name: "Créer l'utilisateur" }).click();
    await expect(page.getByText(`L'utilisateur ${login} a été créé.`)).toBeVisible();
    await expect(page.getByRole('cell', { name: login, exact: true })).toBeVisible();
  });

  test('changes a role, sets a password, disables and enables a user', async ({ page }) => {
    const login = `e2e-manage-${Date.now()}`;
    await openUsers(page);
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = page.getByRole('region', { name: 'Nouvel utilisateur' });
    await form.getByLabel('Identifiant').fill(login);
    await form.getByLabel('Nom affiché').fill('Marc Manage');
    await form.getByLabel('Rôle').selectOption('INSPECTOR');
    await form.getByLabel('Premier mot de passe').fill('first password 1');
    await form.getByRole('button', { name: "Créer l'utilisateur" }).click();

    const panel = page.getByRole('region', { name: `Gérer ${login}` });
    await expect(panel).toBeVisible();
    await page.getByLabel('Rechercher').fill(login);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('1 utilisateur', { exact: true })).toBeVisible();
    await panel.getByLabel('Rôle').selectOption('SUPERVISOR');
    await panel.getByRole('button', { name: 'Changer le rôle' }).click();
    await expect(panel.getByText(`Le rôle de ${login} est maintenant : Superviseur.`)).toBeVisible();
    await expect(
      page.getByRole('row', { name: new RegExp(login) }).getByRole('cell', { name: 'Superviseur' }),
    ).toBeVisible();

    await panel.getByLabel('Nouveau mot de passe').fill('second password 2');
    await panel.getByRole('button', { name: 'Définir le mot de passe' }).click();
    await expect(panel.getByText(`Le mot de passe de ${login} a été changé`)).toBeVisible();
    await expect(panel.getByLabel('Nouveau mot de passe')).toHaveValue('');

    await panel.getByRole('button', { name: 'Désactiver' }).click();
    await expect(panel.getByText(`${login} est désactivé et déconnecté partout.`)).toBeVisible();
    await expect(
      page.getByRole('row', { name: new RegExp(login) }).getByRole('cell', { name: 'Désactivé' }),
    ).toBeVisible();
    await panel.getByRole('button', { name: 'Réactiver' }).click();
    await expect(panel.getByText(`${login} est réactivé.`)).toBeVisible();
  });

  test('an administrator cannot disable themselves', async ({ page }) => {
    await openUsers(page);
    await page.getByRole('button', { name: 'Gérer admin', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Gérer admin' });
    await panel.getByRole('button', { name: 'Désactiver' }).click();
    await expect(panel.getByRole('alert')).toHaveText(
      "Vous ne pouvez ni retirer votre propre rôle d'administrateur ni vous désactiver.",
    );
  });
});
