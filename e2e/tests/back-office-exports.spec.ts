import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expectAccessible, signIn } from '../support/back-office.js';

/** The rows of a ciao CSV export: UTF-8 with a BOM, `;`-separated, CRLF (quoted cells kept whole). */
function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) =>
      line
        .match(/("([^"]|"")*"|[^;]*)(;|$)/g)!
        .map((cell) => cell.replace(/;$/, ''))
        .slice(0, -1),
    );
}

/** The inline-string or numeric cells of an XLSX workbook's first sheet. */
function xlsxRows(file: Buffer): (string | number)[][] {
  const sheet = unzipSync(new Uint8Array(file))['xl/worksheets/sheet1.xml'];
  expect(sheet).toBeDefined();
  const xml = Buffer.from(sheet!).toString('utf8');
  return [...xml.matchAll(/<row>(.*?)<\/row>/gs)].map((row) =>
    [...row[1]!.matchAll(/<c\b[^>]*?(?:\/>|>(.*?)<\/c>)/gs)].map((cell) =>
      cell[1]?.startsWith('<is>')
        ? (/<t[^>]*>(.*?)<\/t>/s.exec(cell[1])?.[1] ?? '')
        : Number(/<v>(.*?)<\/v>/s.exec(cell[1] ?? '')?.[1] ?? Number.NaN),
    ),
  );
}

const SITE = { latitude: 50.8275, longitude: 4.3653 };

/**
 * TEST@DEMO registers an arrival and a departure at Louise 231 through the agent API, so that the
 * registrations list has this run's rows (the demo's history may be older than the default week).
 * TEST ends off duty, as the other suites expect.
 */
async function registerAtLouise(request: APIRequestContext) {
  const activation = await request.post('/api/agent/v1/activation', {
    data: {
      licenceCode: 'CIAO-DEMO-2026',
      installationId: crypto.randomUUID(),
      platform: 'android',
      appVersion: '0.1.0',
    },
  });
  expect(activation.status()).toBe(200);
  const deviceToken = (await activation.json()).deviceToken as string;
  const signedIn = await request.post('/api/agent/v1/sign-in', {
    headers: { authorization: `Bearer ${deviceToken}` },
    data: { login: 'TEST@DEMO', password: 'test1234' },
  });
  expect(signedIn.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await signedIn.json()).agentToken as string}` };
  const tasks = (await (await request.get('/api/agent/v1/tasks', { headers })).json()).tasks as {
    id: string;
    site: { address: string };
  }[];
  const task = tasks.find((candidate) => candidate.site.address.includes('Avenue Louise 231'))!;
  const state = (await (await request.get('/api/agent/v1/state', { headers })).json()) as {
    status: string;
    taskId: string | null;
  };
  const start = Date.now();
  const event = (action: string, seconds: number, taskId: string) => ({
    id: crypto.randomUUID(),
    taskId,
    action,
    deviceTime: new Date(start + seconds * 1000).toISOString(),
    position: { ...SITE, accuracyMeters: 8 },
    appVersion: '0.1.0',
  });
  const events = [];
  if (state.status === 'ON_BREAK') events.push(event('RESUME', -2, state.taskId!));
  if (state.status !== 'OFF') events.push(event('LEAVE', -1, state.taskId!));
  events.push(event('ARRIVE', 0, task.id), event('LEAVE', 1, task.id));
  const answer = await request.post('/api/agent/v1/clock-events/batch', { headers, data: { events } });
  expect(answer.status()).toBe(200);
  expect((await answer.json()).state.status).toBe('OFF');
}

async function download(page: Page, name: string | RegExp) {
  const waiting = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), content: await fs.readFile((await file.path())!) };
}

test.describe('back-office exports', () => {
  test('an administrator downloads the registrations as CSV and XLSX with the screen’s filters', async ({
    page,
    request,
  }) => {
    await registerAtLouise(request);
    await signIn(page, 'admin', '/registrations');
    await expect(page.getByRole('heading', { level: 1, name: 'Pointages' })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    const menu = page.getByRole('button', { name: 'Exporter' });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectAccessible(page);

    const csv = await download(page, 'CSV (Excel)');
    expect(csv.name).toMatch(/^registrations-\d{4}-\d\d-\d\d\.csv$/);
    const rows = csvRows(csv.content.toString('utf8'));
    expect(rows[0]!.slice(0, 5)).toEqual(['Fait à', 'Reçu à', 'Identifiant', 'Agent', 'Pointage']);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[1]![0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(['Arrivée', 'Pause', 'Reprise', 'Départ']).toContain(rows[1]![4]);

    await menu.click();
    const xlsx = await download(page, 'Classeur Excel (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const sheet = xlsxRows(xlsx.content);
    expect(sheet[0]!.slice(0, 4)).toEqual(['Fait à', 'Reçu à', 'Identifiant', 'Agent']);
    // The same rows as the CSV, in the same order.
    expect(sheet.length).toBe(rows.length);
    expect(sheet[1]![0]).toBe(rows[1]![0]);
  });

  test('a manager downloads the monthly timesheet PDF', async ({ page }) => {
    await signIn(page, 'gestionnaire', '/work-sessions');
    await expect(page.getByRole('heading', { level: 1, name: 'Prestations' })).toBeVisible();
    await page.getByRole('button', { name: 'Exporter' }).click();
    const pdf = await download(page, /^Relevé mensuel PDF \(\d{4}-\d\d\)$/);
    expect(pdf.name).toMatch(/^timesheets-\d{4}-\d\d\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('a background export reaches 100 % and its file is downloaded from the Exports screen', async ({
    page,
  }) => {
    await signIn(page, 'superviseur', '/exports');
    await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'ciao_csrf')?.value ?? '';
    const started = await page.request.post('/api/export-jobs', {
      headers: { 'x-csrf-token': csrf },
      data: { kind: 'anomalies', format: 'xlsx', filters: {} },
    });
    expect(started.status()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await page.reload();
    const link = page.locator(`a[href="/api/export-jobs/${id}/file"]`);
    await expect(link).toBeVisible({ timeout: 15_000 });
    const bar = page.getByRole('progressbar').first();
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expectAccessible(page);
    const waiting = page.waitForEvent('download');
    await link.click();
    const file = await fs.readFile((await (await waiting).path())!);
    expect(xlsxRows(file)[0]![0]).toBe('Relevée le');
  });
});
