import { devices, expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

// The "done when": a new administrator sets an empty company up with the back-office
// only — from nothing to a task that an agent sees in the agent app. The demo's empty company
// NOUVEAU has nothing but its administrator; each Playwright run starts on a fresh database.
const SITE = { latitude: 50.8275, longitude: 4.3653 };

test('a new administrator sets up an empty company until an agent sees the task in the app', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
  await signIn(page, 'admin', '/', 'NOUVEAU');
  const checklist = page.getByRole('region', { name: 'Mise en route' });
  await expect(checklist.getByText('0 étape(s) sur 7 faite(s).', { exact: false })).toBeVisible();
  await expectAccessible(page);

  // 1. The company's identity.
  await checklist.getByRole('link', { name: "Identifier l'entreprise" }).click();
  await page.getByLabel("Numéro d'entreprise (BCE)").fill('0203.201.340');
  await page.getByLabel("Numéro d'employeur ONSS").fill('123456749');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText("Les informations de l'entreprise ont été enregistrées.")).toBeVisible();

  // 2. A client, then its site with typed coordinates (the map tiles are unreachable here).
  await page.goto('/');
  await checklist.getByRole('link', { name: 'Créer un client' }).click();
  const clientForm = page.getByRole('region', { name: 'Nouveau client' });
  await clientForm.getByLabel('Nom du client').fill('Résidence Les Tilleuls');
  await clientForm.getByRole('button', { name: 'Créer le client' }).click();
  await expect(page.getByText('Le client Résidence Les Tilleuls a été créé.')).toBeVisible();

  await page.goto('/');
  await checklist.getByRole('link', { name: 'Créer un site avec ses coordonnées' }).click();
  const siteForm = page.getByRole('region', { name: 'Nouveau site' });
  await siteForm.getByLabel('Client', { exact: true }).selectOption({ label: 'Résidence Les Tilleuls' });
  await siteForm.getByLabel('Nom du site').fill('Tilleuls — hall A');
  await siteForm.getByLabel('Latitude').fill(String(SITE.latitude));
  await siteForm.getByLabel('Longitude').fill(String(SITE.longitude));
  await siteForm.getByRole('button', { name: 'Créer le site' }).click();
  await expect(page.getByText('Le site Tilleuls — hall A a été créé.')).toBeVisible();

  // 3. An agent who may use the app, with a mobile password.
  await page.goto('/');
  await checklist.getByRole('link', { name: "Créer un agent avec l'accès à l'app" }).click();
  const agentForm = page.getByRole('region', { name: 'Nouvel agent' });
  await agentForm.getByLabel('Identifiant', { exact: true }).fill('NINA');
  await agentForm.getByLabel('Prénom').fill('Nina');
  await agentForm.getByLabel('Nom', { exact: true }).fill('Peeters');
  await agentForm.getByLabel("Accès à l'app agent").check();
  await agentForm.getByRole('button', { name: "Créer l'agent" }).click();
  await expect(page.getByText("L'agent NINA a été créé.")).toBeVisible();
  const password = page.getByRole('region', { name: 'Mot de passe mobile' });
  await password.getByLabel('Nouveau mot de passe mobile').fill('730164');
  await password.getByRole('button', { name: 'Définir le mot de passe' }).click();
  await expect(
    password.getByText('Le mot de passe mobile de NINA a été changé', { exact: false }),
  ).toBeVisible();
  // Not linked to anything yet: the agent screen says why the app shows nothing.
  await expect(page.getByText("L'agent n'est lié à aucune tâche", { exact: false })).toBeVisible();

  // 4. A licence code for the phone.
  await page.goto('/');
  await checklist.getByRole('link', { name: 'Créer un code de licence' }).click();
  await page.getByRole('button', { name: 'Nouveau code de licence' }).click();
  const licenceForm = page.getByRole('region', { name: 'Nouveau code de licence' });
  await licenceForm.getByLabel("Nombre maximal d'appareils").fill('5');
  await licenceForm.getByRole('button', { name: 'Créer le code' }).click();
  const licenceCode = (await page.getByTestId('licence-code').textContent())!.trim();
  await page.getByRole('button', { name: "J'ai noté le code" }).click();

  // 5. A task on the site, with a weekly slot, and the agent linked to it.
  await page.goto('/');
  await checklist.getByRole('link', { name: "Créer une tâche et y lier l'agent" }).click();
  const taskForm = page.getByRole('region', { name: 'Nouvelle tâche' });
  await taskForm.getByRole('combobox', { name: 'Site' }).fill('Tilleuls');
  await taskForm.getByRole('option', { name: /Tilleuls — hall A/ }).click();
  await taskForm.getByLabel('Nom de la tâche').fill('Entretien du hall');
  await taskForm.getByRole('button', { name: 'Ajouter un créneau' }).click();
  await taskForm.getByLabel('Début').fill('06:00');
  await taskForm.getByLabel('Fin').fill('09:00');
  await taskForm.getByRole('button', { name: 'Créer la tâche' }).click();
  await expect(page.getByText('La tâche « Entretien du hall » a été créée.', { exact: false })).toBeVisible();
  const linked = page.getByRole('region', { name: 'Agents liés' });
  await linked.getByRole('combobox', { name: 'Ajouter un agent' }).fill('Peeters');
  await linked.getByRole('option', { name: /Peeters Nina/ }).click();
  await linked.getByRole('button', { name: 'Enregistrer les agents' }).click();
  await expect(linked.getByText('Les agents liés ont été enregistrés (1 agent).')).toBeVisible();

  // The dashboard ticks what is done; only the ONSS connection (a real key from ONSS) is left.
  await page.goto('/');
  await expect(checklist.getByText('6 étape(s) sur 7 faite(s).', { exact: false })).toBeVisible();

  // 6. On a phone: activate with the new code, sign in as NINA@NOUVEAU, and see the task.
  const phone = await browser.newContext({
    ...devices['Pixel 7'],
    baseURL: test.info().project.use.baseURL,
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    geolocation: { ...SITE, accuracy: 10 },
    permissions: ['geolocation'],
  });
  const app = await phone.newPage();
  await app.goto('/m/');
  await app.getByLabel('Code de licence').fill(licenceCode);
  await app.getByRole('button', { name: 'Activer' }).click();
  await expect(app.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await app.getByLabel('Identifiant', { exact: true }).fill('NINA@NOUVEAU');
  await app.getByLabel('Mot de passe').fill('730164');
  await app.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
  await expect(app.getByText('Entretien du hall')).toBeVisible();
  await expect(app.getByText('Tilleuls — hall A').first()).toBeVisible();
  await phone.close();

  // The phone shows in the back-office, used by NINA.
  await page.goto('/licences/devices');
  await expect(page.getByRole('row', { name: /Peeters Nina \(NINA\)/ })).toBeVisible();
});
