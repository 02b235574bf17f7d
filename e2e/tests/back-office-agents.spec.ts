import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectAccessible } from '../support/back-office.js';

const PASSWORD = 'ciao-demo-2026';

async function signIn(page: Page, login: string, path: string) {
  await page.goto(path);
  await page.getByLabel('Code entreprise').fill('DEMO');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function openAgents(page: Page, login: string) {
  await signIn(page, login, '/agents');
  await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible();
}

test.describe('back-office agents and company', () => {
  test('an administrator creates an agent in French (the NISS reason first), then edits it', async ({
    page,
  }) => {
    const identifier = `E2E${Date.now()}`;
    await openAgents(page, 'admin');
    await expect(
      page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Entreprise' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Nouvel agent' }).click();
    const form = page.getByRole('region', { name: 'Nouvel agent' });
    await expectAccessible(page);

    await expect(form.getByLabel("Type d'agent").locator('option')).toHaveText([
      'Agent de terrain (FIELD)',
      'Administratif (ADM)',
      'Gestion (GST)',
    ]);
    await form.getByLabel('Identifiant', { exact: true }).fill(identifier);
    await form.getByLabel('Prénom').fill('Eva');
    await form.getByLabel('Nom', { exact: true }).fill('Deux-Mille');
    await form.getByLabel('NISS').fill('85.07.30-033.29');
    await form.getByLabel('Statut').selectOption('temporary');
    await form.getByLabel("Accès à l'app agent").check();
    await expect(form.getByLabel("Rôle de l'utilisateur lié")).toHaveValue('NONE');
    await form.getByRole('button', { name: "Créer l'agent" }).click();
    await expect(
      form.getByText('Les chiffres de contrôle de ce NISS ne correspondent pas : vérifiez le numéro.'),
    ).toBeVisible();
    await expect(form.getByLabel('NISS')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('NISS').fill('85073003328');
    await form.getByRole('button', { name: "Créer l'agent" }).click();
    await expect(page.getByText(`L'agent ${identifier} a été créé.`)).toBeVisible();

    // The new agent opens for editing, with its whole NISS and its mobile password.
    const edit = page.getByRole('region', { name: `Modifier ${identifier}` });
    await expect(edit.getByLabel('NISS')).toHaveValue('85073003328');
    const password = page.getByRole('region', { name: 'Mot de passe mobile' });
    await password.getByLabel('Nouveau mot de passe mobile').fill('482915');
    await password.getByRole('button', { name: 'Définir le mot de passe' }).click();
    await expect(password.getByText(`Le mot de passe mobile de ${identifier} a été changé`)).toBeVisible();
    await expect(password.getByLabel('Nouveau mot de passe mobile')).toHaveValue('');

    await expect(
      edit.getByText(`Utilisateur lié : ${identifier.toLowerCase()}.`, { exact: false }),
    ).toBeVisible();
    await edit.getByLabel('Nom', { exact: true }).fill('Deux-Mille-Vingt-Six');
    await edit.getByLabel("Rôle de l'utilisateur lié").selectOption('SUPERVISOR');
    await edit.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByText(`L'agent ${identifier} a été enregistré.`)).toBeVisible();

    await page.getByLabel('Rechercher').fill(identifier);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const row = page.getByRole('row', { name: new RegExp(identifier) });
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    await expect(row.getByRole('cell', { name: 'Deux-Mille-Vingt-Six Eva' })).toBeVisible();
    await expect(row.getByRole('cell', { name: '85.07.**-***.**' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Intérimaire' })).toBeVisible();

    // The linked web user now has the role chosen on the agent.
    await page.goto(`/users?q=${identifier.toLowerCase()}`);
    await expect(
      page
        .getByRole('row', { name: new RegExp(identifier.toLowerCase()) })
        .getByRole('cell', { name: 'Superviseur' }),
    ).toBeVisible();
  });

  test('an HR manager is not offered the ADM and GST agent types nor the linked user’s role', async ({
    page,
  }) => {
    await openAgents(page, 'rh');
    await page.getByRole('button', { name: 'Nouvel agent' }).click();
    const form = page.getByRole('region', { name: 'Nouvel agent' });
    await expect(form.getByLabel("Type d'agent").locator('option')).toHaveText(['Agent de terrain (FIELD)']);
    await expect(form.getByLabel('Identifiant mobile')).toBeVisible();
    await expect(form.getByLabel("Rôle de l'utilisateur lié")).toHaveCount(0);
  });

  test('a supervisor sees the list without mobile identifiers and without edit buttons', async ({ page }) => {
    await openAgents(page, 'superviseur');
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: 'TEST', exact: true })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'NISS' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Identifiant mobile' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Nouvel agent' })).toHaveCount(0);
    // The NISS stays masked in the list.
    await expect(
      table.getByRole('cell', { name: /^\d{2}\.\d{2}\.\*\*-\*\*\*\.\*\*$/ }).first(),
    ).toBeVisible();

    // The support question, from the agent's side: which tasks the app shows the agent today.
    await page.getByRole('button', { name: 'Tâches de TEST' }).click();
    const panel = page.getByRole('region', { name: 'Tâches de TEST' });
    await expect(panel.getByText("Visible dans l'app").first()).toBeVisible();
    await expect(page).toHaveURL(/edit=/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Fermer' }).click();
    await expect(panel).toHaveCount(0);
  });

  test('an administrator renames the company and sees a bad enterprise number explained in Dutch', async ({
    page,
  }) => {
    await signIn(page, 'admin', '/company');
    await expect(page.getByRole('heading', { name: 'Entreprise', level: 1 })).toBeVisible();
    await expectAccessible(page);
    const name = page.getByLabel("Nom de l'entreprise");
    const original = await name.inputValue();
    await name.fill(`${original} E2E`);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByText("Les informations de l'entreprise ont été enregistrées.")).toBeVisible();
    await expect(name).toHaveValue(`${original} E2E`);

    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Bedrijf', level: 1 })).toBeVisible();
    await page.getByLabel('Ondernemingsnummer (KBO)').fill('0203.201.341');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(
      page.getByText('De controlecijfers van dit ondernemingsnummer kloppen niet: controleer het nummer.'),
    ).toBeVisible();
    await expect(page.getByLabel('Ondernemingsnummer (KBO)')).toHaveAttribute('aria-invalid', 'true');

    // Back to the demo's name, for the other tests.
    await page.reload();
    await page.getByLabel('Naam van het bedrijf').fill(original);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page.getByText('De gegevens van het bedrijf zijn opgeslagen.')).toBeVisible();
    await page.getByLabel('Taal', { exact: true }).selectOption('fr');
  });

  test('an inspector reads the company settings without a save button', async ({ page }) => {
    await signIn(page, 'inspecteur', '/company');
    await expect(page.getByText('Seul un administrateur peut modifier ces informations.')).toBeVisible();
    await expect(page.getByLabel("Nom de l'entreprise")).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  });
});
