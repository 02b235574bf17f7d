import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, clients, emailOutbox, sites, tasks } from '../src/db/schema/index.js';
import { renderNotificationEmail } from '../src/features/notifications/notification-emails.js';
import { createClockWorld } from './support/clock-world.js';
import { createWebUser, webSessionFor } from './support/factories.js';
import { pdfTextRuns } from './support/pdf-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';
import { xlsxRows } from './support/xlsx-rows.js';

/**
 * What people type comes back as text in every document ciao makes: PDFs show it literally,
 * spreadsheets never run it as a formula, e-mails escape it. (Both UIs: e2e stored-xss.spec.ts.)
 */
const xssPayload = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const formulas = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '=HYPERLINK("https://evil.example","x")'];

describe('stored XSS and formula injection in documents', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  /** A company whose agent, client, site and task bear `name`, with one arrival and one departure. */
  async function namedWorld(name: string) {
    const world = await createClockWorld(subject.app);
    const { db } = subject.app.ctx;
    await db.update(agents).set({ lastName: name, firstName: 'X' }).where(eq(agents.id, world.agent.id));
    await db
      .update(sites)
      .set({ name: `S ${name}` })
      .where(eq(sites.id, world.site.id));
    await db
      .update(clients)
      .set({ name: `C ${name}` })
      .where(eq(clients.id, world.site.clientId));
    await db
      .update(tasks)
      .set({ name: `T ${name}` })
      .where(eq(tasks.id, world.task.id));
    for (const event of [
      world.event('ARRIVE', { deviceTime: world.minutesAgo(120) }),
      world.event('LEAVE', { deviceTime: world.minutesAgo(60) }),
    ]) {
      const answer = await world.send(event);
      expect(answer.statusCode, answer.body).toBeLessThan(300);
    }
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    return { world, session };
  }

  const get = (session: WebSession, url: string) => asUser(subject.app, session, { method: 'GET', url });

  it('prints the markup literally in the registrations PDF and the monthly timesheet PDF', async () => {
    const { world, session } = await namedWorld(xssPayload);
    const registrations = await get(session, '/api/exports/registrations/pdf');
    expect(registrations.statusCode, registrations.body).toBe(200);
    // The table cuts long cells with an ellipsis: what shows is the text as typed, up to the cut.
    const runs = pdfTextRuns(registrations.rawPayload);
    for (const prefix of ['', 'T ', 'S ', 'C ']) {
      const cell = runs.find((run) => run.startsWith(`${prefix}<script>`));
      expect(cell, prefix).toBeDefined();
      expect(`${prefix}${xssPayload}`.startsWith(cell!.replace(/…$/, '')), cell).toBe(true);
    }

    const month = new Date(subject.app.ctx.now().getTime() - 120 * 60_000)
      .toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' })
      .slice(0, 7);
    const timesheet = await get(session, `/api/exports/monthly-timesheets?month=${month}`);
    expect(timesheet.statusCode, timesheet.body).toBe(200);
    expect(pdfTextRuns(timesheet.rawPayload).join(' ')).toContain(
      `${xssPayload} X (${world.agent.identifier})`,
    );
  });

  it('keeps the markup as plain text in CSV and XLSX', async () => {
    const { session } = await namedWorld(xssPayload);
    const csv = (await get(session, '/api/exports/registrations/csv')).rawPayload.toString('utf8');
    // RFC 4180: the quotes of the text doubled inside a quoted field, nothing else changed.
    expect(csv).toContain(`"${xssPayload.replaceAll('"', '""')} X"`);
    const rows = xlsxRows((await get(session, '/api/exports/registrations/xlsx')).rawPayload);
    expect(rows.flat()).toContain(`${xssPayload} X`);
  });

  it('neutralises formulas (= + - @) in CSV, and writes XLSX cells as text that never runs', async () => {
    for (const formula of formulas) {
      const { session } = await namedWorld(formula);
      const csv = (await get(session, '/api/exports/registrations/csv')).rawPayload.toString('utf8');
      const field = `'${formula} X`;
      expect(csv, formula).toContain(field.includes('"') ? `"${field.replaceAll('"', '""')}"` : field);
      // Every field of the CSV that a spreadsheet would evaluate starts with ' instead.
      for (const line of csv.slice(1).split('\r\n'))
        for (const cell of line.split(';')) expect(cell.replace(/^"/, ''), formula).not.toMatch(/^[=+@]/);

      const xlsx = await get(session, '/api/exports/registrations/xlsx');
      const sheet = xlsxSheetXml(xlsx.rawPayload);
      expect(sheet, formula).not.toContain('<f>');
      expect(xlsxRows(xlsx.rawPayload).flat(), formula).toContain(`${formula} X`);
    }
  });

  it('escapes the markup in the HTML of e-mails, and leaves the plain text as typed', async () => {
    const world = await createClockWorld(subject.app);
    const admin = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const invited = await createWebUser(subject.app.ctx.db, world.tenant.id, {
      displayName: xssPayload,
      email: `xss-${Date.now()}@example.be`,
      passwordHash: null,
    });
    const invitation = await asUser(subject.app, admin.session, {
      method: 'POST',
      url: `/api/users/${invited.id}/invitation`,
    });
    expect(invitation.statusCode, invitation.body).toBeLessThan(300);
    const [queued] = await subject.app.ctx.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, invited.email!));
    expect(queued!.htmlBody).not.toContain('<script>');
    expect(queued!.htmlBody).not.toContain('<img');
    expect(queued!.htmlBody).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(queued!.textBody).toContain(xssPayload);

    const alert = renderNotificationEmail(
      'fr',
      xssPayload,
      { type: 'anomaly.no_show', agentName: xssPayload, siteName: xssPayload, at: '2026-03-09 07:00' },
      'https://ciao.example.be/anomalies',
    );
    expect(alert.html).not.toMatch(/<script|<img/);
    expect(alert.html).toContain('&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
  });
});

/** The first worksheet's XML, as a spreadsheet reads it. */
function xlsxSheetXml(workbook: Buffer): string {
  const sheet = unzipSync(workbook)['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('no first sheet in the workbook');
  return Buffer.from(sheet).toString('utf8');
}
