import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

/** A Belgian enterprise number nobody has yet: 8 digits and their mod-97 check. */
function newEnterpriseNumber(): string {
  const base = 2_000_000 + Math.floor(Math.random() * 7_000_000);
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

/** Chooses a CSV file made of these lines, as a user picks a file saved from a spreadsheet. */
async function chooseCsv(page: Page, label: string, name: string, lines: string[]) {
  await page
    .getByLabel(label, { exact: true })
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`) });
}

/** The rows of the problems table, each as "line | column | reason". */
async function problemRows(page: Page) {
  const table = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: /^(Problème|Probleem)$/ }) });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  const count = await rows.count();
  const texts: string[] = [];
  for (let index = 1; index < count; index += 1) {
    const cells = await rows.nth(index).getByRole('cell').allInnerTexts();
    texts.push(cells.map((cell) => cell.trim()).join(' | '));
  }
  return texts;
}

test.describe('back-office CSV imports', () => {
  test('an administrator checks a clients file with bad lines, fixes it, imports it, then imports sites of those clients', async ({
    page,
  }) => {
    const stamp = Date.now();
    const clientA = `Import E2E ${stamp} A`;
    const clientC = `Import E2E ${stamp} C`;
    await signIn(page, 'admin', '/imports');
    await expect(page.getByRole('heading', { name: 'Importer des données (CSV)', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(3);
    await expect(page.getByRole('radio', { name: /^Clients/ })).toBeChecked();
    await expect(
      page.getByRole('link', { name: 'Télécharger le modèle (ciao-clients-template.csv)' }),
    ).toHaveAttribute('href', '/api/imports/clients/template.csv');
    await expect(
      page.getByRole('row', { name: /enterpriseNumber Non numéro d'entreprise belge/ }),
    ).toBeVisible();

    await chooseCsv(page, 'Fichier CSV', 'clients.csv', [
      'name;reference;enterpriseNumber;active',
      `${clientA};IMPA${stamp};;oui`,
      `;IMPB${stamp};;`,
      `${clientC};IMPC${stamp};0203.201.341;`,
      `${clientA};IMPD${stamp};;peut-être`,
    ]);
    await expect(page.getByText('Fichier choisi : clients.csv (1 Kio).')).toBeVisible();
    const importButton = page.getByRole('button', { name: 'Importer les lignes vérifiées' });
    await expect(importButton).toBeDisabled();
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect(
      page.getByRole('heading', { name: '4 lignes lues : 4 problèmes à corriger (lignes concernées : 3).' }),
    ).toBeVisible();
    await expect(page.getByText("Rien n'a été importé.", { exact: false })).toBeVisible();
    expect(await problemRows(page)).toEqual([
      '3 | name | Cette cellule est obligatoire et elle est vide.',
      "4 | enterpriseNumber | Ce numéro d'entreprise n'est pas valide : vérifiez les chiffres.",
      '5 | name | Cette valeur figure déjà à la ligne 2 du fichier.',
      '5 | active | Écrivez oui ou non (ou true/false, ja/nee, 1/0).',
    ]);
    await expect(importButton).toBeDisabled();
    await expectAccessible(page);

    await chooseCsv(page, 'Fichier CSV', 'clients.csv', [
      'name;reference;enterpriseNumber;active',
      `${clientA};IMPA${stamp};;oui`,
      `${clientC};IMPC${stamp};${newEnterpriseNumber()};`,
    ]);
    // A new file: the earlier report is gone, and it must be checked before it is imported.
    await expect(page.getByText('problèmes à corriger')).toHaveCount(0);
    await expect(importButton).toBeDisabled();
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect(page.getByText('2 lignes lues : toutes sont valides.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
    await expect(page.getByText('2 clients créés.')).toBeVisible();

    await page.getByRole('link', { name: 'Voir les clients' }).click();
    await page.getByLabel('Rechercher').fill(`Import E2E ${stamp}`);
    await expect(page.getByRole('row', { name: new RegExp(clientA) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(clientC) })).toBeVisible();

    // Sites name their client by reference or by name; an unknown client is reported.
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('radio', { name: /^Sites/ }).check();
    await chooseCsv(page, 'Fichier CSV', 'sites.csv', [
      'client;name;latitude;longitude',
      `IMPA${stamp};Site import ${stamp} A;50,8275;4,3653`,
      `Personne ${stamp};Site import ${stamp} X;;`,
    ]);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    expect(await problemRows(page)).toEqual([
      "3 | client | Ce n'est ni la référence ni le nom d'un de vos clients (importez d'abord les clients).",
    ]);
    await chooseCsv(page, 'Fichier CSV', 'sites.csv', [
      'client;name;latitude;longitude',
      `IMPA${stamp};Site import ${stamp} A;50,8275;4,3653`,
      `${clientC};Site import ${stamp} C;;`,
    ]);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
    await expect(page.getByText('2 sites créés.')).toBeVisible();
    await page.getByRole('link', { name: 'Voir les sites' }).click();
    await page.getByLabel('Rechercher').fill(`Site import ${stamp}`);
    await expect(page.getByRole('row', { name: new RegExp(`Site import ${stamp} A`) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Site import ${stamp} C`) })).toBeVisible();
  });

  test('in Dutch on a phone-sized screen, an administrator checks an agents file and imports it', async ({
    page,
  }) => {
    const stamp = Date.now();
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, 'admin', '/imports');
    await expect(page.getByRole('heading', { name: 'Importer des données (CSV)', level: 1 })).toBeVisible();
    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Gegevens importeren (CSV)', level: 1 })).toBeVisible();
    await page.getByRole('radio', { name: /^Agenten/ }).check();

    await chooseCsv(page, 'CSV-bestand', 'agenten.csv', [
      'identifier;firstName;lastName;niss;activeFrom',
      `IMP${stamp};Jens;Importeur;85.07.30-033.29;2026-12-01`,
      `IMQ${stamp};Anke;Importeur;;31/02/2026`,
    ]);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await expect(
      page.getByRole('heading', {
        name: '2 regels gelezen: 2 problemen op te lossen (betrokken regels: 2).',
      }),
    ).toBeVisible();
    expect(await problemRows(page)).toEqual([
      '2 | niss | Dit INSZ is niet geldig: controleer de cijfers (het controlegetal klopt niet).',
      '3 | activeFrom | Dit is geen geldige datum: schrijf JJJJ-MM-DD of DD/MM/JJJJ.',
    ]);
    // The page does not scroll sideways on a phone: only the tables do.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await chooseCsv(page, 'CSV-bestand', 'agenten.csv', [
      'identifier;firstName;lastName;niss;activeFrom',
      `IMP${stamp};Jens;Importeur;;2026-12-01`,
      `IMQ${stamp};Anke;Importeur;;01/02/2026`,
    ]);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('button', { name: '2 regels importeren' }).click();
    await expect(page.getByText('2 agenten aangemaakt.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Naar de agenten' })).toHaveAttribute('href', '/agents');
  });

  test('files too big, too long or not CSV are explained, and a client created between the check and the import shows the report again', async ({
    page,
  }) => {
    const stamp = Date.now();
    const name = `Import E2E ${stamp} Z`;
    await signIn(page, 'admin', '/imports');
    await expect(page.getByRole('heading', { name: 'Importer des données (CSV)', level: 1 })).toBeVisible();

    await chooseCsv(page, 'Fichier CSV', 'clients.csv', ['name;reference', `"${name};IMPZ${stamp}`]);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect(page.getByRole('alert')).toContainText("Ce fichier n'est pas un CSV lisible");

    await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles({
      name: 'clients.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('PK'),
    });
    await expect(page.getByText('Ceci est un classeur, pas un fichier CSV', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Vérifier le fichier' })).toBeDisabled();

    await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles({
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(4 * 1024 * 1024 + 1, 'a'),
    });
    await expect(
      page.getByText('Ce fichier dépasse 4 Mio : découpez-le en plusieurs fichiers.'),
    ).toBeVisible();

    const tooMany = Array.from({ length: 5001 }, (_, index) => `Client ${index};`);
    await chooseCsv(page, 'Fichier CSV', 'clients.csv', ['name;reference', ...tooMany]);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect(page.getByRole('alert')).toContainText(
      /Ce fichier contient 5.001 lignes ; on peut en importer 5.000/,
    );

    await chooseCsv(page, 'Fichier CSV', 'clients.csv', ['name;reference', `${name};IMPZ${stamp}`]);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect(page.getByRole('button', { name: 'Importer 1 ligne' })).toBeEnabled();
    // Meanwhile, someone creates the same client by hand.
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'ciao_csrf')?.value ?? '';
    const created = await page.request.post('/api/clients', {
      data: { name },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(created.status()).toBe(201);
    await page.getByRole('button', { name: 'Importer 1 ligne' }).click();
    expect(await problemRows(page)).toEqual(['2 | name | Ce nom existe déjà.']);
    await expect(page.getByRole('button', { name: 'Importer les lignes vérifiées' })).toBeDisabled();
  });

  test('an HR manager is offered the agents import only', async ({ page }) => {
    await signIn(page, 'rh', '/');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await expect(page.getByRole('heading', { name: 'Importer des données (CSV)', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(1);
    await expect(page.getByRole('radio', { name: /^Agents/ })).toBeChecked();
    await expect(
      page.getByRole('link', { name: 'Télécharger le modèle (ciao-agents-template.csv)' }),
    ).toBeVisible();
  });

  test('a supervisor has no imports in the menu and gets the 403 page at /imports', async ({ page }) => {
    await signIn(page, 'superviseur', '/');
    await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import CSV' })).toHaveCount(0);
    await page.goto('/imports');
    await expect(page.getByRole('heading', { name: 'Accès refusé', level: 1 })).toBeVisible();
  });
});
