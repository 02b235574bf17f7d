import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { clockTestAgent } from '../support/agent-clock.js';
import { expectAccessible, signIn } from '../support/back-office.js';

interface Registration {
  id: string;
  direction: 'IN' | 'OUT';
  registrationTime: string;
  status: string;
  followUpStatus: string | null;
  followUpComment: string | null;
  agent: { name: string };
}

const times: string[] = [];
const dateTime = new Intl.DateTimeFormat('fr-BE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Brussels',
});
const directionFr = { IN: 'Entrée', OUT: 'Sortie' } as const;
/** The words that name a registration on the list, as the screen writes them in French. */
const label = (registration: Registration) =>
  `(${directionFr[registration.direction]}) de ${registration.agent.name} du ${dateTime.format(new Date(registration.registrationTime))}`;

/** TEST's two registrations of this run, once the demo's ONSS simulator has validated them. */
async function ours(page: Page): Promise<Registration[]> {
  let found: Registration[] = [];
  await expect
    .poll(
      async () => {
        const response = await page.request.get('/api/onss-registrations?pageSize=100');
        if (!response.ok()) return -response.status();
        const body = (await response.json()) as { items: Registration[] };
        found = body.items.filter((item) =>
          times.some((time) => Date.parse(time) === Date.parse(item.registrationTime)),
        );
        return found.filter((item) => item.status === 'validated').length;
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(2);
  return found.sort((a, b) => a.direction.localeCompare(b.direction));
}

/** Splits RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

test.describe.configure({ mode: 'serial' });

test.describe('ONSS tracking', () => {
  test.beforeAll(async ({ playwright }, testInfo) => {
    const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    const { arrival, departure } = await clockTestAgent(request);
    times.push(arrival.toISOString(), departure.toISOString());
    await request.dispose();
  });

  test('a supervisor edits the follow-up inline and sets a follow-up status on a selection', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, 'superviseur', '/onss');
    await expect(page.getByRole('heading', { level: 1, name: 'Suivi ONSS' })).toBeVisible();
    const [arrival, departure] = await ours(page);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Chiffres' }).getByText('Validés')).toBeVisible();
    await expectAccessible(page);

    const row = page.getByRole('row').filter({
      has: page.getByRole('link', { name: `Détail de l'enregistrement ${label(arrival!)}` }),
    });
    await row
      .first()
      .getByRole('button', { name: `Modifier le suivi de l'enregistrement ${label(arrival!)}` })
      .click();
    const form = page.getByRole('form', { name: `Suivi de l'enregistrement ${label(arrival!)}` });
    const comment = `Vérifié avec le chef de site ${Date.now()}`;
    await form.getByLabel('Statut de suivi').selectOption({ label: 'En cours' });
    await form.getByLabel('Commentaire').fill(comment);
    await form.getByLabel('Responsable').selectOption({ label: 'Moi (Sam Superviseur)' });
    await form.getByLabel('Référence de la demande de correction').fill('REF-42');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form).toBeHidden();
    await expect(row.first()).toContainText(comment);
    await expect(row.first()).toContainText('Responsable : Sam Superviseur');
    const saved = (await (
      await page.request.get(`/api/onss-registrations/${arrival!.id}`)
    ).json()) as Registration;
    expect(saved).toMatchObject({ followUpStatus: 'in_progress', followUpComment: comment });

    await page
      .getByRole('checkbox', { name: `Sélectionner l'enregistrement ${label(arrival!)}` })
      .first()
      .check();
    await page
      .getByRole('checkbox', { name: `Sélectionner l'enregistrement ${label(departure!)}` })
      .first()
      .check();
    const bulk = page.getByRole('region', { name: 'Actions sur la sélection' });
    await expect(bulk).toContainText('2 enregistrements sélectionnés');
    await bulk.getByLabel('Nouveau statut de suivi').selectOption({ label: 'Résolu' });
    await bulk.getByRole('button', { name: 'Appliquer le statut de suivi' }).click();
    await expect(bulk.getByRole('status')).toContainText('2 enregistrements traités.');
    for (const registration of [arrival!, departure!]) {
      const after = (await (
        await page.request.get(`/api/onss-registrations/${registration.id}`)
      ).json()) as Registration;
      expect(after.followUpStatus).toBe('resolved');
    }

    // A validated registration is never sent twice: the summary says why, per refusal.
    await page
      .getByRole('checkbox', { name: `Sélectionner l'enregistrement ${label(arrival!)}` })
      .first()
      .check();
    await bulk.getByRole('button', { name: "Renvoyer à l'ONSS" }).click();
    await expect(bulk.getByRole('status')).toContainText('0 enregistrement traité.');
    await expect(bulk.getByRole('status')).toContainText('1 refusé : son statut ne le permet pas');
  });

  test('a supervisor asks a correction for two registrations and downloads its CSV', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, 'superviseur', '/onss');
    await expect(page.getByRole('heading', { level: 1, name: 'Suivi ONSS' })).toBeVisible();
    const [arrival, departure] = await ours(page);
    await page
      .getByRole('checkbox', { name: `Sélectionner l'enregistrement ${label(arrival!)}` })
      .first()
      .check();
    await page
      .getByRole('checkbox', { name: `Sélectionner l'enregistrement ${label(departure!)}` })
      .first()
      .check();
    await page.getByRole('button', { name: 'Demander une correction' }).click();

    await expect(page.getByRole('heading', { name: 'Nouvelle demande de correction' })).toBeVisible();
    await page.getByRole('button', { name: 'Créer la demande' }).click();
    await expect(page.getByLabel('Motif')).toHaveAttribute('aria-invalid', 'true');
    const reason = `Mauvais site enregistré ${Date.now()}`;
    await page.getByLabel('Motif').fill(reason);
    await page.getByLabel('Justificatifs').fill('Planning de la semaine, bon de travail signé');
    await page
      .getByLabel("Correction demandée pour l'enregistrement 1")
      .fill('Site Louise 231, arrivée à 06:02');
    await page
      .getByLabel("Correction demandée pour l'enregistrement 2")
      .fill('Site Louise 231, départ à 10:05');
    await expect(page.getByText(arrival!.agent.name).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Créer la demande' }).click();

    await expect(page.getByRole('heading', { name: /^Demande de correction / })).toBeVisible();
    await expect(page.getByText(reason)).toBeVisible();
    await expect(page.getByText(/jours restants/).first()).toBeVisible();
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger (CSV)' }).click();
    const file = await download;
    const rows = parseCsv(await fs.readFile((await file.path())!, 'utf8'));
    expect(rows[0]).toEqual([
      'niss',
      'name',
      'site',
      'declaration_number',
      'registration_time',
      'direction',
      'onss_id',
      'status',
      'remarks',
      'requested_correction',
      'deadline',
    ]);
    expect(rows).toHaveLength(3);
    const byDirection = Object.fromEntries(rows.slice(1).map((row) => [row[5], row]));
    expect(byDirection.IN).toEqual(
      expect.arrayContaining(['Bureaux Louise 231', 'validated', 'Site Louise 231, arrivée à 06:02']),
    );
    expect(byDirection.OUT?.[9]).toBe('Site Louise 231, départ à 10:05');
    expect(byDirection.IN?.[6]).not.toBe('');

    // The PDF ONSS needs, then the request marked sent: its deadline reminders stop.
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger (PDF)' }).click();
    const pdf = await fs.readFile((await (await pdfDownload).path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByText("À envoyer à l'ONSS")).toBeVisible();
    await page.getByRole('button', { name: "Marquer comme envoyée à l'ONSS" }).click();
    await expect(page.getByText(/^Envoyée à l'ONSS — envoyée le /)).toBeVisible();
    await expect(page.getByRole('button', { name: "Marquer la réponse de l'ONSS reçue" })).toBeVisible();

    await page.getByRole('link', { name: '← Retour aux demandes de correction' }).click();
    await expect(page.getByRole('row', { name: new RegExp(reason) })).toBeVisible();
    await expectAccessible(page);
  });

  test('an administrative manager reads the tracking but cannot change the follow-up', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, 'gestionnaire', '/onss');
    await expect(page.getByRole('heading', { level: 1, name: 'Suivi ONSS' })).toBeVisible();
    const [arrival] = await ours(page);
    await expect(
      page.getByText('Votre rôle permet de consulter le suivi ONSS, pas de le modifier.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /^Modifier le suivi/ })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Site' }).fill('Louise 231');
    await page.getByRole('option', { name: /Bureaux Louise 231/ }).click();
    await expect(page).toHaveURL(/siteId=/);
    await expect(page.getByRole('combobox', { name: 'Site' })).toHaveValue('Bureaux Louise 231');
    await expect(
      page.getByRole('link', { name: `Détail de l'enregistrement ${label(arrival!)}` }).first(),
    ).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await page
      .getByRole('link', { name: `Détail de l'enregistrement ${label(arrival!)}` })
      .first()
      .click();
    await expect(
      page.getByRole('heading', {
        name: `${arrival!.agent.name}, ${dateTime.format(new Date(arrival!.registrationTime))}`,
      }),
    ).toBeVisible();
    await expect(page.getByText('Historique de validation')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Modifier le suivi' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('the refused and late views, in Dutch', async ({ page }) => {
    await signIn(page, 'inspecteur', '/onss');
    await page.getByLabel('Langue', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { level: 1, name: 'RSZ-opvolging' })).toBeVisible();
    await page.getByRole('button', { name: /^Geweigerd/ }).click();
    await expect(page).toHaveURL(/view=refused/);
    await expect(page.getByRole('button', { name: /^Geweigerd/ })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: /^Te laat/ }).click();
    await expect(page).toHaveURL(/view=late/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Correctieaanvragen' }).click();
    await expect(page.getByRole('link', { name: 'Correctieaanvragen' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectAccessible(page);
  });
});
