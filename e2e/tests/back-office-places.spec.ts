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

/** A Belgian enterprise number nobody has yet: 8 digits and their mod-97 check, e.g. `0412345678`. */
function newEnterpriseNumber(): string {
  const base = 2_000_000 + Math.floor(Math.random() * 7_000_000);
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

/** The test machine has no internet: the map tiles are refused outright, as a blocked host would be. */
async function refuseMapTiles(page: Page) {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
}

test.describe('back-office clients, sites and subcontractors', () => {
  test('an administrator creates a client (the enterprise number reason first), edits it, then adds its site with typed coordinates', async ({
    page,
  }) => {
    const stamp = Date.now();
    const clientName = `Client E2E ${stamp}`;
    const siteName = `Site E2E ${stamp}`;
    await refuseMapTiles(page);
    await signIn(page, 'admin', '/clients');
    await expect(page.getByRole('heading', { name: 'Clients (tiers)', level: 1 })).toBeVisible();
    await expect(page.getByRole('row', { name: /Immo Louise SA/ })).toBeVisible();

    await page.getByRole('button', { name: 'Nouveau client' }).click();
    const form = page.getByRole('region', { name: 'Nouveau client' });
    await form.getByLabel('Nom du client').fill(clientName);
    await form.getByLabel("Numéro d'entreprise (BCE)").fill('0203.201.341');
    await form.getByLabel('Rue').fill('Rue Neuve');
    await form.getByLabel('Numéro', { exact: true }).fill('1');
    await form.getByLabel('Code postal').fill('1000');
    await form.getByLabel('Commune').fill('Bruxelles');
    await form.getByRole('button', { name: 'Créer le client' }).click();
    await expect(
      form.getByText(
        "Les chiffres de contrôle de ce numéro d'entreprise ne correspondent pas : vérifiez le numéro.",
      ),
    ).toBeVisible();
    await expect(form.getByLabel("Numéro d'entreprise (BCE)")).toHaveAttribute('aria-invalid', 'true');

    const enterpriseNumber = newEnterpriseNumber();
    await form.getByLabel("Numéro d'entreprise (BCE)").fill(enterpriseNumber);
    await form.getByRole('button', { name: 'Créer le client' }).click();
    await expect(page.getByText(`Le client ${clientName} a été créé.`)).toBeVisible();

    // The new client opens for editing, with its (empty) list of sites.
    const edit = page.getByRole('region', { name: `Modifier ${clientName}` });
    await expect(edit.getByLabel("Numéro d'entreprise (BCE)")).toHaveValue(
      `${enterpriseNumber.slice(0, 4)}.${enterpriseNumber.slice(4, 7)}.${enterpriseNumber.slice(7)}`,
    );
    await edit.getByLabel('Référence interne').fill(`REF${stamp}`);
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText(`Le client ${clientName} a été enregistré.`)).toBeVisible();

    await page.getByLabel('Rechercher').fill(`REF${stamp}`);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    const row = page.getByRole('row', { name: new RegExp(clientName) });
    await expect(row.getByRole('cell', { name: 'Rue Neuve 1, 1000 Bruxelles' })).toBeVisible();
    await row.getByRole('button', { name: `Modifier ${clientName}` }).click();
    const sites = page.getByRole('region', { name: `Sites de ${clientName}` });
    await expect(sites.getByText("Ce client n'a pas encore de site.")).toBeVisible();
    await sites.getByRole('link', { name: 'Nouveau site pour ce client' }).click();

    // The sites screen opens with a new site for that client.
    await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible();
    const siteForm = page.getByRole('region', { name: 'Nouveau site' });
    await expect(siteForm.getByLabel('Client', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(siteForm.getByLabel('Client', { exact: true }).locator('option:checked')).toHaveText(
      clientName,
    );
    await siteForm.getByLabel('Nom du site').fill(siteName);

    // Without tiles, the map says so; a click still picks a point, and typed coordinates always work.
    await siteForm.getByRole('button', { name: 'Choisir sur la carte' }).click();
    await expect(siteForm.getByText(/Le fond de carte \(OpenStreetMap\) est injoignable/)).toBeVisible();
    await siteForm.getByRole('application', { name: /Carte du site/ }).click();
    await expect(siteForm.getByLabel('Latitude')).toHaveValue(/^5\d(\.\d+)?$/);
    await expect(siteForm.getByLabel('Longitude')).toHaveValue(/^\d(\.\d+)?$/);
    await siteForm.getByLabel('Latitude').fill('50,8503');
    await siteForm.getByLabel('Longitude').fill('4.3517');
    await siteForm.getByLabel('Rayon de la zone (m)').fill('120');
    await siteForm.getByLabel('Numéro de déclaration de travaux').fill('1Y102M7');
    await siteForm.getByRole('button', { name: 'Créer le site' }).click();
    await expect(siteForm.getByText(/compte exactement 13 lettres et chiffres/)).toBeVisible();
    await expect(siteForm.getByLabel('Numéro de déclaration de travaux')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await siteForm.getByLabel('Numéro de déclaration de travaux').fill('7g2qv4cb9s6yf');
    await siteForm.getByRole('button', { name: 'Créer le site' }).click();
    await expect(page.getByText(`Le site ${siteName} a été créé.`)).toBeVisible();
    const siteRow = page.getByRole('row', { name: new RegExp(siteName) });
    await expect(siteRow.getByRole('cell', { name: '120 m autour du site' })).toBeVisible();
    await expect(siteRow.getByRole('cell', { name: '7G2QV4CB9S6YF' })).toBeVisible();
    await expect(page.getByText(`1 site de ${clientName}`)).toBeVisible();

    // Edited: the typed coordinates came back as numbers, and a change is saved.
    await siteRow.getByRole('button', { name: `Modifier ${siteName}` }).click();
    const siteEdit = page.getByRole('region', { name: `Modifier ${siteName}` });
    await expect(siteEdit.getByLabel('Latitude')).toHaveValue('50.8503');
    await siteEdit.getByLabel('Rayon de la zone (m)').fill('250');
    await siteEdit.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText(`Le site ${siteName} a été enregistré.`)).toBeVisible();
    await expect(siteRow.getByRole('cell', { name: '250 m autour du site' })).toBeVisible();
  });

  test('an administrator manages a subcontractor: the employer number is required, checked, then edited', async ({
    page,
  }) => {
    const name = `Sous-traitant E2E ${Date.now()}`;
    await signIn(page, 'admin', '/subcontractors');
    await expect(page.getByRole('heading', { name: 'Sous-traitants', level: 1 })).toBeVisible();
    await expect(page.getByRole('row', { name: /Sparkle Partners BV/ })).toBeVisible();

    await page.getByRole('button', { name: 'Nouveau sous-traitant' }).click();
    const form = page.getByRole('region', { name: 'Nouveau sous-traitant' });
    await form.getByLabel('Nom de la société').fill(name);
    await form.getByRole('button', { name: 'Créer le sous-traitant' }).click();
    await expect(form.getByText(/L'ONSS doit connaître l'employeur/)).toBeVisible();
    await form.getByLabel("Numéro d'entreprise (BCE)").fill('0876.543.271');
    await form.getByRole('button', { name: 'Créer le sous-traitant' }).click();
    await expect(
      form.getByText(
        "Les chiffres de contrôle de ce numéro d'entreprise ne correspondent pas : vérifiez le numéro.",
      ),
    ).toBeVisible();
    await expect(form.getByLabel("Numéro d'entreprise (BCE)")).toHaveAttribute('aria-invalid', 'true');

    // A foreign company: its VAT number, which the server checks (a Belgian one is refused there).
    await form.getByLabel("Numéro d'entreprise (BCE)").fill('');
    await form.getByLabel('Numéro de TVA étranger').fill('BE0203201340');
    await form.getByRole('button', { name: 'Créer le sous-traitant' }).click();
    await expect(
      form.getByText("C'est un numéro belge : saisissez-le comme numéro d'entreprise."),
    ).toBeVisible();
    await form.getByLabel('Numéro de TVA étranger').fill('nl 123456789 b01');
    await form.getByRole('button', { name: 'Créer le sous-traitant' }).click();
    await expect(page.getByText(`Le sous-traitant ${name} a été créé.`)).toBeVisible();

    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row.getByRole('cell', { name: 'NL123456789B01' })).toBeVisible();
    await row.getByRole('button', { name: `Modifier ${name}` }).click();
    const edit = page.getByRole('region', { name: `Modifier ${name}` });
    await edit.getByLabel('Sous-traitant actif').uncheck();
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText(`Le sous-traitant ${name} a été enregistré.`)).toBeVisible();

    await page.getByLabel('État').selectOption('false');
    await expect(page).toHaveURL(/active=false/);
    await expect(
      page.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: 'Inactif' }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /Sparkle Partners BV/ })).toHaveCount(0);
  });

  test('a manager creates a site in Dutch on a phone-sized screen, the coordinates typed by hand', async ({
    page,
  }) => {
    const siteName = `Werf E2E ${Date.now()}`;
    await page.setViewportSize({ width: 375, height: 812 });
    await refuseMapTiles(page);
    await signIn(page, 'gestionnaire', '/sites');
    await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible();
    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Werven', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Nieuwe werf' }).click();
    const form = page.getByRole('region', { name: 'Nieuwe werf' });
    await form.getByLabel('Naam van de werf').fill(siteName);
    await form.getByLabel('Straal van de zone (m)').fill('3');
    await form.getByRole('button', { name: 'Werf aanmaken' }).click();
    await expect(form.getByText('Dit veld is verplicht.')).toBeVisible();
    await expect(form.getByText('Een geheel aantal meter, van 10 tot 5000.')).toBeVisible();
    // Left empty, a new site takes the company's default radius.
    await form.getByLabel('Straal van de zone (m)').fill('');
    await form.getByLabel('Klant', { exact: true }).selectOption({ label: 'Scheldekaai Kantoren NV' });
    await form.getByLabel('Breedtegraad').fill('51,2194');
    await form.getByRole('button', { name: 'Werf aanmaken' }).click();
    await expect(
      form.getByText('Breedtegraad en lengtegraad horen bij elkaar: vul ze allebei in, of geen van beide.'),
    ).toBeVisible();
    await expect(form.getByLabel('Lengtegraad')).toHaveAttribute('aria-invalid', 'true');

    await form.getByRole('button', { name: 'Kiezen op de kaart' }).click();
    await expect(form.getByText(/De achtergrondkaart \(OpenStreetMap\) is niet bereikbaar/)).toBeVisible();
    await form.getByLabel('Lengtegraad').fill('4,4025');
    // Nothing sticks out sideways at 375 px, the map included.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await form.getByRole('button', { name: 'Werf aanmaken' }).click();
    await expect(page.getByText(`De werf ${siteName} is aangemaakt.`)).toBeVisible();

    await page.getByLabel('Klant', { exact: true }).selectOption({ label: 'Scheldekaai Kantoren NV' });
    const row = page.getByRole('row', { name: new RegExp(siteName) });
    await expect(row.getByRole('cell', { name: 'Scheldekaai Kantoren NV' })).toBeVisible();
    await expect(row.getByRole('cell', { name: /m rond de werf$/ })).toBeVisible();

    await page.getByLabel('Taal', { exact: true }).selectOption('fr');
    await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible();
  });

  test('an HR manager reads clients, sites and subcontractors without any create or edit button', async ({
    page,
  }) => {
    await signIn(page, 'rh', '/clients');
    await expect(page.getByRole('heading', { name: 'Clients (tiers)', level: 1 })).toBeVisible();
    await expect(page.getByText('Votre rôle permet de les consulter, pas de les modifier.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nouveau client' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);

    // The client's site count leads to its sites, read-only too.
    await page
      .getByRole('row', { name: /Immo Louise SA/ })
      .getByRole('link', { name: /sites?$/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible();
    await expect(page.getByRole('row', { name: /Bureaux Louise 231/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nouveau site' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);

    // An edit address typed by hand opens no form, and the server refuses a change anyway.
    const answer = await page.request.get('/api/sites?q=Louise%20231');
    const siteId = ((await answer.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    await page.goto(`/sites?edit=${siteId}`);
    await expect(page.getByRole('row', { name: /Bureaux Louise 231/ })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Modifier/ })).toHaveCount(0);
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'ciao_csrf')?.value ?? '';
    const refused = await page.request.patch(`/api/sites/${siteId}`, {
      data: { name: 'x' },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');

    await page.goto('/subcontractors');
    await expect(page.getByRole('row', { name: /Sparkle Partners BV/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nouveau sous-traitant' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);
  });
});
