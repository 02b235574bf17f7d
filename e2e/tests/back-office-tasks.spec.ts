import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const PASSWORD = 'ciao-demo-2026';

async function signIn(page: Page, login: string, path: string) {
  await page.goto(path);
  await page.getByLabel('Code entreprise').fill('DEMO');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function openTasks(page: Page, login: string) {
  await signIn(page, login, '/tasks');
  await expect(page.getByRole('heading', { name: 'Tâches', level: 1 })).toBeVisible();
}

async function searchTask(page: Page, name: string) {
  await page.getByLabel('Rechercher').fill(name);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
}

test.describe('back-office tasks and task groups', () => {
  test('a manager creates a task group, then a task with a schedule, validity dates and an agent, and edits it', async ({
    page,
  }) => {
    const stamp = Date.now();
    const group = `Groupe E2E ${stamp}`;
    const task = `Vitres E2E ${stamp}`;
    await openTasks(page, 'gestionnaire');

    // The groups are a tab of the tasks screen.
    await page
      .getByRole('navigation', { name: 'Tâches et groupes' })
      .getByRole('link', { name: 'Groupes de tâches' })
      .click();
    await expect(page.getByRole('heading', { name: 'Groupes de tâches', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Nouveau groupe' }).click();
    const groupForm = page.getByRole('region', { name: 'Nouveau groupe de tâches' });
    await groupForm.getByRole('button', { name: 'Créer le groupe' }).click();
    await expect(groupForm.getByText('Ce champ est obligatoire.')).toBeVisible();
    await groupForm.getByLabel('Nom du groupe').fill(group);
    await groupForm.getByRole('button', { name: 'Créer le groupe' }).click();
    await expect(page.getByText(`Le groupe « ${group} » a été créé.`)).toBeVisible();
    await page.getByRole('button', { name: `Modifier le groupe ${group}` }).click();
    await page
      .getByRole('region', { name: `Modifier le groupe ${group}` })
      .getByLabel('Description')
      .fill('Vitres');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText(`Le groupe « ${group} » a été enregistré.`)).toBeVisible();
    await expect(
      page.getByRole('row', { name: new RegExp(group) }).getByRole('cell', { name: 'Vitres' }),
    ).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Tâches et groupes' })
      .getByRole('link', { name: 'Tâches', exact: true })
      .click();
    await page.getByRole('button', { name: 'Nouvelle tâche' }).click();
    const form = page.getByRole('region', { name: 'Nouvelle tâche' });
    const site = form.getByRole('combobox', { name: 'Site' });
    await site.fill('Louise');
    await form.getByRole('option', { name: /Bureaux Louise 231/ }).click();
    await expect(site).toHaveValue('Bureaux Louise 231');
    await form.getByLabel('Groupe').selectOption({ label: group });
    await form.getByLabel('Nom de la tâche').fill(task);
    await form.getByLabel('Valable à partir du').fill('2026-01-01');
    await form.getByLabel("Valable jusqu'au").fill('2027-06-30');

    await form.getByRole('button', { name: 'Ajouter un créneau' }).click();
    const first = form.getByRole('group', { name: 'Créneau 1' });
    await first.getByLabel('Début').fill('22:00');
    await first.getByLabel('Fin').fill('06:00');
    await expect(first.getByText('Passe minuit : ce créneau finit le lendemain.')).toBeVisible();
    await form.getByRole('button', { name: 'Ajouter un créneau' }).click();
    const second = form.getByRole('group', { name: 'Créneau 2' });
    await expect(second.getByLabel('Jour')).toHaveValue('2');
    await expect(second.getByLabel('Début')).toHaveValue('22:00');
    await second.getByLabel('Fin').fill('23:30');
    await expect(second.getByText(/Passe minuit/)).toHaveCount(0);
    await form.getByRole('button', { name: 'Créer la tâche' }).click();
    await expect(page.getByText(`La tâche « ${task} » a été créée.`, { exact: false })).toBeVisible();

    // The new task opens: its agents are linked there.
    const agents = page.getByRole('region', { name: 'Agents liés' });
    await expect(agents.getByText("Aucun agent n'est lié à cette tâche.")).toBeVisible();
    await agents.getByRole('combobox', { name: 'Ajouter un agent' }).fill('Amrani');
    await agents.getByRole('option', { name: /El Amrani Fatima/ }).click();
    await expect(agents.getByRole('list', { name: 'Agents liés à la tâche' })).toContainText(
      'El Amrani Fatima (A001)',
    );
    await agents.getByRole('button', { name: 'Enregistrer les agents' }).click();
    await expect(agents.getByText('Les agents liés ont été enregistrés (1 agent).')).toBeVisible();

    const edit = page.getByRole('region', { name: `Modifier la tâche ${task}` });
    await edit.getByLabel('Nom de la tâche').fill(`${task} bis`);
    await edit.getByRole('button', { name: 'Retirer le Créneau 2' }).click();
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText(`La tâche « ${task} bis » a été enregistrée.`)).toBeVisible();

    await searchTask(page, `${task} bis`);
    const row = page.getByRole('row', { name: new RegExp(`${task} bis`) });
    await expect(row.getByRole('cell', { name: group })).toBeVisible();
    await expect(row.getByRole('cell', { name: /lun\. 22:00–06:00 \(\+1 j\)/ })).toBeVisible();
    await expect(row.getByRole('cell', { name: /du 1 janv\. 2026 au 30 juin 2027/ })).toBeVisible();
    await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  });

  test('a slot given twice and a validity ending before it starts are shown at their fields', async ({
    page,
  }) => {
    await openTasks(page, 'admin');
    await searchTask(page, 'Nettoyage matinal');
    await page.getByRole('button', { name: 'Modifier la tâche Nettoyage matinal' }).click();
    const edit = page.getByRole('region', { name: 'Modifier la tâche Nettoyage matinal' });
    await expect(edit.getByRole('combobox', { name: 'Site' })).toHaveValue('Bureaux Louise 231');
    // Monday to Friday 06:00–09:00: a sixth slot copies Friday's hours on Saturday; Monday repeats slot 1.
    await edit.getByRole('button', { name: 'Ajouter un créneau' }).click();
    const added = edit.getByRole('group', { name: 'Créneau 6' });
    await expect(added.getByLabel('Jour')).toHaveValue('6');
    await added.getByLabel('Jour').selectOption({ label: 'Lundi' });
    await edit.getByLabel('Valable à partir du').fill('2026-03-01');
    await edit.getByLabel("Valable jusqu'au").fill('2026-02-01');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();

    await expect(
      added.getByText(
        "Ce créneau est déjà dans l'horaire (même jour, même début, même fin) : retirez-le ou changez-le.",
      ),
    ).toBeVisible();
    await expect(
      edit.getByText('La fin de validité doit être le même jour que le début ou après.'),
    ).toBeVisible();
    await expect(edit.getByLabel("Valable jusqu'au")).toHaveAttribute('aria-invalid', 'true');
    await expect(edit.getByRole('group', { name: 'Créneau 1' }).getByText(/déjà dans l'horaire/)).toHaveCount(
      0,
    );

    // Fixed, nothing is saved that was not meant: cancel leaves the demo task as it was.
    await edit.getByRole('button', { name: 'Annuler' }).click();
    await expect(
      page
        .getByRole('row', { name: /Nettoyage matinal/ })
        .getByRole('cell', { name: /lun\.–ven\. 06:00–09:00/ }),
    ).toBeVisible();
  });

  test('a supervisor reads tasks and groups without create or edit buttons', async ({ page }) => {
    await openTasks(page, 'superviseur');
    await expect(
      page.getByText('Votre rôle permet de consulter les tâches, pas de les modifier.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nouvelle tâche' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);
    await searchTask(page, 'Bionettoyage');
    await page.getByRole('button', { name: 'Consulter la tâche Bionettoyage de nuit' }).click();
    const view = page.getByRole('region', { name: 'Tâche Bionettoyage de nuit' });
    await expect(view.getByLabel('Nom de la tâche')).toBeDisabled();
    await expect(view.getByRole('group', { name: 'Créneau 1' }).getByText(/Passe minuit/)).toBeVisible();
    await expect(view.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
    await expect(view.getByRole('button', { name: 'Ajouter un créneau' })).toHaveCount(0);
    const agents = page.getByRole('region', { name: 'Agents liés' });
    await expect(
      agents.getByRole('list', { name: 'Agents liés à la tâche' }).getByRole('listitem'),
    ).not.toHaveCount(0);
    await expect(agents.getByRole('button', { name: /^Retirer/ })).toHaveCount(0);
    await expect(agents.getByRole('combobox')).toHaveCount(0);

    await page.goto('/tasks/groups');
    await expect(page.getByRole('heading', { name: 'Groupes de tâches', level: 1 })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Bureaux / Kantoren' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nouveau groupe' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);
  });

  test('an HR manager, who may not change tasks, is refused by the server too', async ({ page }) => {
    await openTasks(page, 'rh');
    await expect(page.getByRole('button', { name: 'Nouvelle tâche' })).toHaveCount(0);
    // The screen hides the buttons; the API refuses the change anyway.
    const status = await page.evaluate(async () => {
      const csrf = document.cookie.match(/ciao_csrf=([^;]+)/)?.[1] ?? '';
      const answer = await fetch('/api/task-groups', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: JSON.stringify({ name: 'Interdit' }),
      });
      return answer.status;
    });
    expect(status).toBe(403);
  });

  test('in Dutch, an administrator creates a task group and sees a duplicate slot explained', async ({
    page,
  }) => {
    const group = `Ramen ${Date.now()}`;
    await signIn(page, 'admin', '/tasks/groups');
    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Taakgroepen', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Nieuwe groep' }).click();
    await page.getByLabel('Naam van de groep').fill(group);
    await page.getByRole('button', { name: 'Groep aanmaken' }).click();
    await expect(page.getByText(`De groep „${group}” is aangemaakt.`)).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Taken en groepen' })
      .getByRole('link', { name: 'Taken', exact: true })
      .click();
    await expect(page.getByRole('heading', { name: 'Taken', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Nieuwe taak' }).click();
    const form = page.getByRole('region', { name: 'Nieuwe taak' });
    await form.getByRole('combobox', { name: 'Werf' }).fill('Meir');
    await form.getByRole('option', { name: /Meir/ }).first().click();
    await form.getByLabel('Naam van de taak').fill('Ramen wassen');
    await form.getByRole('button', { name: 'Tijdslot toevoegen' }).click();
    await form.getByRole('button', { name: 'Tijdslot toevoegen' }).click();
    await form
      .getByRole('group', { name: 'Tijdslot 2' })
      .getByLabel('Dag')
      .selectOption({ label: 'Maandag' });
    await form.getByRole('button', { name: 'Taak aanmaken' }).click();
    await expect(
      form
        .getByRole('group', { name: 'Tijdslot 2' })
        .getByText(
          'Dit tijdslot staat al in het rooster (zelfde dag, begin en einde): verwijder of wijzig het.',
        ),
    ).toBeVisible();
    await page.getByLabel('Taal', { exact: true }).selectOption('fr');
  });

  test('the tasks screen fits a 375 px wide phone, its editor included', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openTasks(page, 'admin');
    await searchTask(page, 'Nettoyage du soir');
    await page.getByRole('button', { name: 'Modifier la tâche Nettoyage du soir' }).click();
    await expect(page.getByRole('region', { name: 'Agents liés' })).toBeVisible();
    // Only the table scrolls sideways, inside its own box: the page itself does not.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('"why can\'t this agent see this task?" names what to fix', async ({ page }) => {
    await openTasks(page, 'admin');
    await searchTask(page, 'Nettoyage matinal');
    await page.getByRole('button', { name: 'Modifier la tâche Nettoyage matinal' }).click();
    const check = page.getByRole('region', { name: 'Pourquoi un agent ne voit-il pas cette tâche ?' });
    await check.getByRole('combobox', { name: 'Agent à vérifier' }).fill('Peeters');
    // Other tests import agents with the same names: the demo agent is picked by its identifier.
    await check.getByRole('option', { name: 'Peeters Jan A002' }).click();
    await check.getByRole('button', { name: 'Vérifier' }).click();
    await expect(
      check.getByText(/Peeters Jan \(A002\) ne voit pas la tâche « Nettoyage matinal »/),
    ).toBeVisible();
    await expect(
      check.getByText("L'agent n'est pas lié à cette tâche : ajoutez-le dans « Agents liés »."),
    ).toBeVisible();

    // A linked agent with the app and a password sees it.
    await check.getByRole('combobox', { name: 'Agent à vérifier' }).fill('TEST');
    await check.getByRole('option', { name: /Agent Test/ }).click();
    await check.getByRole('button', { name: 'Vérifier' }).click();
    await expect(check.getByText(/Agent Test \(TEST\) voit la tâche « Nettoyage matinal »/)).toBeVisible();
    await expect(check.getByText(/ajoutez-le dans « Agents liés »/)).toHaveCount(0);
  });
});
