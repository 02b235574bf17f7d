import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, auditLog, webUsers, workSessions } from '../src/db/schema/index.js';
import { runExportPass, startExportWorker } from '../src/jobs/export-worker.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { pdfTextRuns } from './support/pdf-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';
import { xlsxRows } from './support/xlsx-rows.js';

const silent = { info: () => {}, error: () => {} };

/** A CSV export's lines as cells (the test data holds no quoted separators). */
function csvRows(body: Buffer): string[][] {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

describe('exports', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  /** A company whose agent arrived outside the geofence and left, an hour apart, two hours ago. */
  async function workedWorld() {
    const world = await createClockWorld(subject.app);
    const far = { latitude: 50.8455, longitude: 4.3653, accuracyMeters: 10 };
    for (const event of [
      world.event('ARRIVE', { deviceTime: world.minutesAgo(120), position: far }),
      world.event('LEAVE', { deviceTime: world.minutesAgo(60) }),
    ]) {
      const answer = await world.send(event);
      expect(answer.statusCode, answer.body).toBeLessThan(300);
    }
    return world;
  }

  const get = (session: WebSession, url: string) => asUser(subject.app, session, { method: 'GET', url });

  it('exports the registrations as CSV in the user’s language, with the screen’s filters', async () => {
    const world = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    const answer = await get(session, '/api/exports/registrations/csv');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    expect(answer.headers['content-disposition']).toMatch(
      /attachment; filename="registrations-\d{4}-\d\d-\d\d\.csv"/,
    );
    const rows = csvRows(answer.rawPayload);
    expect(rows[0]!.slice(0, 5)).toEqual(['Fait à', 'Reçu à', 'Identifiant', 'Agent', 'Pointage']);
    expect(rows).toHaveLength(3);
    // Newest first, as the screen: the departure, then the arrival outside the geofence.
    expect(rows[1]![4]).toBe('Départ');
    expect(rows[2]!.slice(2, 6)).toEqual([world.agent.identifier, 'El Amrani Fatima', 'Arrivée', 'Entrée']);
    expect(rows[2]![10]).toBe('oui');
    expect(rows[2]![0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    const outside = csvRows((await get(session, '/api/exports/registrations/csv?outside=true')).rawPayload);
    expect(outside).toHaveLength(2);
    expect(outside[1]![4]).toBe('Arrivée');

    // The name search and the ONSS status narrow to ids first, as the screen does.
    const csvOf = async (query: string) =>
      csvRows((await get(session, `/api/exports/registrations/csv?${query}`)).rawPayload);
    expect(await csvOf('q=amrani')).toHaveLength(3);
    expect(await csvOf('q=nobody-named-so')).toHaveLength(1);
    expect(await csvOf('onssStatus=validated')).toHaveLength(1);

    const audit = await subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.action, 'export.downloaded')));
    expect(audit.map((row) => row.after)).toContainEqual({
      kind: 'registrations',
      format: 'csv',
      filters: { outside: 'true' },
      rows: 1,
    });
  });

  it('speaks Dutch to a Dutch-speaking user and neutralises text that would run as a formula', async () => {
    const world = await workedWorld();
    await subject.app.ctx.db
      .update(agents)
      .set({ lastName: '=HYPERLINK("x")' })
      .where(eq(agents.id, world.agent.id));
    const { user, session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    await subject.app.ctx.db.update(webUsers).set({ language: 'nl' }).where(eq(webUsers.id, user.id));
    const text = (await get(session, '/api/exports/registrations/csv')).rawPayload.toString('utf8');
    expect(text).toContain('Gedaan om;Ontvangen om;Identificatie;Agent;Registratie');
    expect(text).toContain(`;"'=HYPERLINK(""x"") Fatima";Vertrek;`);
  });

  it('writes an XLSX workbook that a spreadsheet reads, and a PDF', async () => {
    const world = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'INSPECTOR');
    const xlsx = await get(session, '/api/exports/registrations/xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = xlsxRows(xlsx.rawPayload);
    expect(rows[0]![0]).toBe('Fait à');
    expect(rows).toHaveLength(3);
    expect(rows[2]![3]).toBe('El Amrani Fatima');
    expect(typeof rows[2]![9]).toBe('number');

    const pdf = await get(session, '/api/exports/registrations/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTextRuns(pdf.rawPayload).join(' ');
    expect(text).toContain('Pointages');
    expect(text).toContain('El Amrani Fatima');
  });

  it('exports timesheets, ONSS statuses and anomalies with their filters', async () => {
    const world = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const today = new Date(subject.app.ctx.now().getTime() - 120 * 60_000).toLocaleDateString('en-CA', {
      timeZone: 'Europe/Brussels',
    });
    const timesheet = csvRows(
      (await get(session, `/api/exports/timesheets/csv?from=${today}&to=${today}`)).rawPayload,
    );
    expect(timesheet[0]).toContain('Presté (h)');
    const line = timesheet.find((row) => row[0] === world.agent.identifier)!;
    expect(line[2]).toBe(today);
    expect(line[7]).toBe('1'); // one hour worked, decimal comma
    const onss = csvRows((await get(session, '/api/exports/onss-registrations/csv')).rawPayload);
    expect(onss[0]![0]).toBe('Moment');
    expect(onss).toHaveLength(3);
    const anomalies = csvRows(
      (await get(session, '/api/exports/anomalies/csv?type=OUTSIDE_GEOFENCE')).rawPayload,
    );
    expect(anomalies).toHaveLength(2);
    expect(anomalies[1]![1]).toBe('Hors de la zone du site');
    const none = csvRows((await get(session, '/api/exports/anomalies/csv?type=NO_SHOW')).rawPayload);
    expect(none).toHaveLength(1);
  });

  it('refuses a role without the right, and never shows another company’s rows', async () => {
    const world = await workedWorld();
    const other = await createClockWorld(subject.app);
    const { session: nobody } = await webSessionFor(subject.app, world.tenant.id, 'NONE');
    expect((await get(nobody, '/api/exports/registrations/csv')).statusCode).toBe(403);
    const { session: stranger } = await webSessionFor(subject.app, other.tenant.id, 'ADMIN');
    const rows = csvRows(
      (await get(stranger, `/api/exports/registrations/csv?agentId=${world.agent.id}`)).rawPayload,
    );
    expect(rows).toHaveLength(1);
    const bad = await get(stranger, '/api/exports/registrations/docx');
    expect(bad.statusCode).toBe(400);
    const payrollPdf = await get(stranger, '/api/exports/payroll/pdf?month=2026-11');
    expect(payrollPdf.statusCode).toBe(400);
  });

  it('makes the monthly timesheet PDF with every day, totals and signature boxes', async () => {
    const world = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'HR_MANAGER');
    const month = new Date(subject.app.ctx.now().getTime() - 120 * 60_000)
      .toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' })
      .slice(0, 7);
    const pdf = await get(session, `/api/exports/monthly-timesheets?month=${month}`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-disposition']).toContain(`timesheets-${month}.pdf`);
    const text = pdfTextRuns(pdf.rawPayload).join(' ');
    expect(text).toContain('Relevé mensuel des prestations');
    expect(text).toContain(`El Amrani Fatima (${world.agent.identifier})`);
    expect(text).toContain('Total du mois');
    expect(text).toContain('Signature de l’agent');
    expect(text).toContain('Signature de l’employeur');
  });

  it('writes the payroll file with night and Sunday hours, and the NISS only for HR roles', async () => {
    const world = await createClockWorld(subject.app);
    // Saturday 28 November 2026, 22:00 → Sunday 02:00 in Brussels, 30 minutes of break.
    await subject.app.ctx.db.insert(workSessions).values({
      tenantId: world.tenant.id,
      agentId: world.agent.id,
      taskId: world.task.id,
      siteId: world.site.id,
      workDate: '2026-11-28',
      state: 'CLOSED',
      startedAt: new Date('2026-11-28T21:00:00Z'),
      endedAt: new Date('2026-11-29T01:00:00Z'),
      lastEventAt: new Date('2026-11-29T01:00:00Z'),
      workedSeconds: 3.5 * 3600,
      breakSeconds: 1800,
      breakCount: 1,
    });
    const { session: hr } = await webSessionFor(subject.app, world.tenant.id, 'HR_MANAGER');
    const answer = await get(hr, '/api/exports/payroll/csv?month=2026-11');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-disposition']).toContain('payroll-generic-2026-11.csv');
    const rows = csvRows(answer.rawPayload);
    expect(rows[0]).toEqual([
      'NISS',
      'Identifiant',
      'Nom',
      'Prénom',
      'Date',
      'Site',
      'Centre de coût',
      'Heures prestées',
      'Minutes de pause',
      'Heures de nuit (22-6)',
      'Heures du dimanche',
      'Jour férié',
      'Corrigé',
    ]);
    expect(rows[1]).toEqual([
      '85073003328',
      world.agent.identifier,
      'El Amrani',
      'Fatima',
      '2026-11-28',
      'Louise 231',
      '1Y102M7NZF7PZ',
      '3,5',
      '30',
      '3,5',
      '1,75',
      '',
      '0',
    ]);
    const { session: supervisor } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    const masked = csvRows((await get(supervisor, '/api/exports/payroll/csv?month=2026-11')).rawPayload);
    expect(masked[1]![0]).toBe('');
    expect(masked[1]![1]).toBe(world.agent.identifier);
    const unknown = await get(hr, '/api/exports/payroll/csv?month=2026-11&layout=nope');
    expect(unknown.statusCode).toBe(400);
  });

  it('runs a background export to completion, serves its file, then deletes it when it expires', async () => {
    const world = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    const created = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/export-jobs',
      payload: { kind: 'registrations', format: 'xlsx', filters: { outside: 'false' } },
    });
    expect(created.statusCode, created.body).toBe(202);
    const job = created.json() as { id: string; status: string };
    expect(job.status).toBe('queued');
    const early = await get(session, `/api/export-jobs/${job.id}/file`);
    expect(early.json()).toMatchObject({ code: 'EXPORT_NOT_READY' });

    await runExportPass(subject.app.ctx, { logger: silent });
    const done = (await get(session, `/api/export-jobs/${job.id}`)).json() as Record<string, unknown>;
    expect(done).toMatchObject({ status: 'done', rowsDone: 1, rowsTotal: 1, format: 'xlsx' });
    expect(done.fileName).toMatch(/^registrations-.*\.xlsx$/);
    const list = (await get(session, '/api/export-jobs')).json() as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toEqual([job.id]);

    const file = await get(session, `/api/export-jobs/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    const rows = xlsxRows(file.rawPayload);
    expect(rows).toHaveLength(2);
    expect(rows[1]![4]).toBe('Départ');

    // A colleague with the right may fetch it; another company may not even see it.
    const { session: colleague } = await webSessionFor(subject.app, world.tenant.id, 'INSPECTOR');
    expect((await get(colleague, `/api/export-jobs/${job.id}/file`)).statusCode).toBe(200);
    const other = await createClockWorld(subject.app);
    const { session: stranger } = await webSessionFor(subject.app, other.tenant.id, 'ADMIN');
    expect((await get(stranger, `/api/export-jobs/${job.id}`)).statusCode).toBe(404);
    expect((await get(stranger, `/api/export-jobs/${job.id}/file`)).statusCode).toBe(404);
    expect(((await get(stranger, '/api/export-jobs')).json() as { total: number }).total).toBe(0);

    const filePath = path.join(subject.app.ctx.exportsDir, world.tenant.id, `${job.id}.xlsx`);
    expect(existsSync(filePath)).toBe(true);
    subject.clock.advance(49 * 3_600_000);
    await runExportPass(subject.app.ctx, { logger: silent });
    expect(existsSync(filePath)).toBe(false);
    // Two days later the web session is gone too: a colleague signs in afresh.
    const { session: later } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    expect((await get(later, `/api/export-jobs/${job.id}`)).json()).toMatchObject({ status: 'expired' });
    expect((await get(later, `/api/export-jobs/${job.id}/file`)).json()).toMatchObject({
      code: 'EXPORT_EXPIRED',
    });
  });

  it('starts a background export as soon as it is asked for, without waiting for the next poll', async () => {
    const world = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    // A poll interval far beyond the test: only the wake-up can run the job in time.
    const stop = startExportWorker(subject.app.ctx, { logger: silent, intervalMs: 3_600_000 });
    try {
      const created = await asUser(subject.app, session, {
        method: 'POST',
        url: '/api/export-jobs',
        payload: { kind: 'registrations', format: 'csv', filters: {} },
      });
      expect(created.statusCode, created.body).toBe(202);
      const id = (created.json() as { id: string }).id;
      await expect
        .poll(
          async () => ((await get(session, `/api/export-jobs/${id}`)).json() as { status: string }).status,
          {
            timeout: 10_000,
          },
        )
        .toBe('done');
    } finally {
      await stop();
    }
  });

  it('sends more than 10,000 rows to a background job, which writes them all', async () => {
    const world = await workedWorld();
    // 10,001 more registrations of the agent, a minute apart over the last week, loaded in SQL.
    await subject.app.ctx.db.execute(sql`
      insert into clock_events (tenant_id, id, agent_id, task_id, site_id, action, direction, device_time,
                                latitude, longitude, accuracy_meters, content_hash)
      select ${world.tenant.id}, gen_random_uuid(), ${world.agent.id}, ${world.task.id}, ${world.site.id},
             'ARRIVE', 'IN', ${subject.app.ctx.now().toISOString()}::timestamptz - g * interval '1 minute' - interval '3 hours',
             50.8275, 4.3653, 10, 'bulk'
      from generate_series(1, 10001) as g`);
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const direct = await get(session, '/api/exports/registrations/csv');
    expect(direct.statusCode).toBe(409);
    expect(direct.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE' });
    const created = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/export-jobs',
      payload: { kind: 'registrations', format: 'csv', filters: {} },
    });
    const { id } = created.json() as { id: string };
    await runExportPass(subject.app.ctx, { logger: silent });
    expect((await get(session, `/api/export-jobs/${id}`)).json()).toMatchObject({
      status: 'done',
      rowsDone: 10_003,
      rowsTotal: 10_003,
    });
    const rows = csvRows((await get(session, `/api/export-jobs/${id}/file`)).rawPayload);
    expect(rows).toHaveLength(10_004);
    // Keyset pages neither skip nor repeat a row across their boundaries.
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(10_003);
  });

  it('checks a background export’s filters and rights when it is asked for', async () => {
    const world = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    const bad = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/export-jobs',
      payload: { kind: 'registrations', format: 'csv', filters: { from: 'yesterday' } },
    });
    expect(bad.statusCode).toBe(400);
    const { session: nobody } = await webSessionFor(subject.app, world.tenant.id, 'NONE');
    const refused = await asUser(subject.app, nobody, {
      method: 'POST',
      url: '/api/export-jobs',
      payload: { kind: 'registrations', format: 'csv', filters: {} },
    });
    expect(refused.statusCode).toBe(403);
  });
});
