import { randomUUID } from 'node:crypto';
import type { Role } from '@ciao/domain';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedInstant } from '@ciao/domain';
import { agents, anomalies, auditLog, onssRegistrations, tenants } from '../src/db/schema/index.js';
import { scanAnomalies } from '../src/features/anomalies/scan-anomalies.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { pdfTextRuns } from './support/pdf-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

type ClockWorld = Awaited<ReturnType<typeof createClockWorld>>;

/** The drawn text without its white space: a cell wrapped over two lines still reads as one. */
const compact = (text: string) => text.replace(/\s+/g, '');

/** Whether `texts` are drawn in this order (each after the previous one). */
function drawnInOrder(runs: string[], texts: string[]): boolean {
  const page = compact(runs.join(''));
  let from = 0;
  for (const text of texts) {
    const at = page.indexOf(compact(text), from);
    if (at < 0) return false;
    from = at + compact(text).length;
  }
  return true;
}

describe('ONSS correction requests: PDF, deadline reminders', () => {
  let subject: TestApp;
  let world: ClockWorld;
  let other: ClockWorld;

  const as = async (role: Role, tenantId = world.tenant.id) => {
    const { session } = await webSessionFor(subject.app, tenantId, role);
    return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      asUser(subject.app, session, { method, url, ...(payload ? { payload } : {}) });
  };

  /** A registration ONSS answered, straight in the outbox table. */
  async function registration(
    target: ClockWorld,
    values: Partial<typeof onssRegistrations.$inferInsert> & { registrationTime: Date },
  ) {
    const [row] = await subject.app.ctx.db
      .insert(onssRegistrations)
      .values({
        tenantId: target.tenant.id,
        clockEventId: randomUUID(),
        agentId: target.agent.id,
        siteId: target.site.id,
        direction: 'IN',
        payload: { niss: '85073003328', workDeclarationNumber: '1Y102M7NZF7PZ' },
        status: 'validated',
        onssId: `ONSS-${randomUUID().slice(0, 8)}`,
        ...values,
      })
      .returning();
    return row!;
  }

  async function fileRequest(
    target: ClockWorld,
    registrations: { id: string; correction: string }[],
    reason = 'Registered at the wrong site',
    evidence?: string,
  ) {
    const call = await as('ADMIN', target.tenant.id);
    const created = await call('POST', '/api/onss-correction-requests', {
      registrationIds: registrations.map((row) => row.id),
      reason,
      ...(evidence ? { evidence } : {}),
      items: registrations.map((row) => ({ registrationId: row.id, requestedCorrection: row.correction })),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; reference: string };
  }

  beforeAll(async () => {
    subject = await createTestApp();
    world = await createClockWorld(subject.app);
    other = await createClockWorld(subject.app);
    await subject.app.ctx.db
      .update(tenants)
      .set({ name: 'Nettoyage Émeraude', onssEmployerNumber: '123456749', defaultLanguage: 'fr' })
      .where(eq(tenants.id, world.tenant.id));
    await subject.app.ctx.db
      .update(agents)
      .set({ firstName: '<script>alert(1)</script>', lastName: 'Dąbrowska-Lefèvre' })
      .where(eq(agents.id, world.agent.id));
  });
  afterAll(async () => {
    await subject.close();
  });

  it('produces the PDF ONSS needs, in the company language, the agent name as plain text', async () => {
    // 23:30 UTC on 28 October is already the 29th in Brussels: date and deadline count from the 29th.
    const refused = await registration(world, {
      registrationTime: new Date('2026-10-28T23:30:00Z'),
      status: 'refused',
      remarks: ['NISS IS NOT KNOW IN THE NATIONAL REGISTER'],
      onssId: 'ONSS-REF-1',
    });
    const departure = await registration(world, {
      registrationTime: new Date('2026-11-02T07:15:00Z'),
      direction: 'OUT',
      onssId: 'ONSS-REF-2',
    });
    // Enough more rows for a second page: the table carries on after the page break.
    const more = [];
    for (let index = 0; index < 24; index += 1)
      more.push(
        await registration(world, {
          registrationTime: new Date(Date.UTC(2026, 10, 3, 6, index)),
          onssId: `ONSS-MORE-${String(index).padStart(2, '0')}`,
        }),
      );
    const request = await fileRequest(
      world,
      [
        { id: refused.id, correction: 'Site Louise 231 à 01:30, pas 00:30' },
        { id: departure.id, correction: 'Départ à 08:20' },
        ...more.map((row) => ({ id: row.id, correction: 'Arrivée à supprimer' })),
      ],
      'Enregistrement au mauvais chantier',
      'Planning de la semaine, attestation du client',
    );

    const response = await (
      await as('HR_MANAGER')
    )('GET', `/api/onss-correction-requests/${request.id}/export.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${request.reference}.pdf"`);
    const runs = pdfTextRuns(response.rawPayload);
    const text = runs.join('\n');
    expect(text).toContain('Demande de correction d’enregistrements de présence');
    expect(
      drawnInOrder(runs, [
        'Employeur : Nettoyage Émeraude',
        'Numéro d’entreprise : 0777.123.418',
        'Numéro d’employeur ONSS : 1234567-49',
        `Référence : ${request.reference}`,
        'Motif : Enregistrement au mauvais chantier',
        'Pièces justificatives : Planning de la semaine, attestation du client',
      ]),
    ).toBe(true);
    expect(
      drawnInOrder(runs, [
        'Travailleur',
        'NISS',
        'Date et heure',
        'Type',
        'Lieu de travail',
        'Déclaration de travaux',
        'Identifiant ONSS',
        'Statut',
        'Correction demandée',
        'Délai',
      ]),
    ).toBe(true);
    // The oldest registration first; a Polish ą has no glyph in the standard fonts and loses its accent.
    expect(
      drawnInOrder(runs, [
        '<script>alert(1)</script> Dabrowska-Lefèvre',
        '85.07.30-033.28',
        '29/10/2026 00:30',
        'Entrée',
        'Louise 231',
        '1Y102M7NZF7PZ',
        'ONSS-REF-1',
        'Refusé (NISS IS NOT KNOW IN THE NATIONAL REGISTER)',
        'Site Louise 231 à 01:30, pas 00:30',
        '28/11/2026',
        '<script>alert(1)</script> Dabrowska-Lefèvre',
        '85.07.30-033.28',
        '02/11/2026 08:15',
        'Sortie',
        'Louise 231',
        '1Y102M7NZF7PZ',
        'ONSS-REF-2',
        'Validé',
        'Départ à 08:20',
        '02/12/2026',
        ...more.map((row) => row.onssId!),
      ]),
    ).toBe(true);
    expect(text).toContain(`${request.reference} – Page 1 / 2`);
    expect(text).toContain(`${request.reference} – Page 2 / 2`);

    await subject.app.ctx.db
      .update(tenants)
      .set({ defaultLanguage: 'nl' })
      .where(eq(tenants.id, world.tenant.id));
    const dutch = pdfTextRuns(
      (await (await as('ADMIN'))('GET', `/api/onss-correction-requests/${request.id}/export.pdf`)).rawPayload,
    );
    expect(drawnInOrder(dutch, ['Werkgever: Nettoyage Émeraude', 'Werknemer', 'Geweigerd'])).toBe(true);
    await subject.app.ctx.db
      .update(tenants)
      .set({ defaultLanguage: 'fr' })
      .where(eq(tenants.id, world.tenant.id));
  });

  it("answers 404 for another company's correction request PDF", async () => {
    const row = await registration(world, { registrationTime: new Date('2026-11-10T08:00:00Z') });
    const request = await fileRequest(world, [{ id: row.id, correction: 'x' }]);
    const call = await as('ADMIN', other.tenant.id);
    const response = await call('GET', `/api/onss-correction-requests/${request.id}/export.pdf`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
  describe('deadline reminders', () => {
    const DAY = 86_400_000;
    const scan = () => scanAnomalies(subject.app.ctx, subject.app.ctx.now());
    const remindersOf = (tenantId: string) =>
      subject.app.ctx.db
        .select()
        .from(anomalies)
        .where(and(eq(anomalies.tenantId, tenantId)))
        .orderBy(asc(anomalies.openedAt), asc(anomalies.type))
        .then((rows) => rows.filter((row) => row.type.startsWith('CORRECTION_DEADLINE_')));
    /** Moves the test clock to `time` (Europe/Brussels) `days` days before `deadline`. */
    const moveTo = (deadline: string, days: number, time: string) => {
      const [year, month, day] = deadline.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
      const target = zonedInstant(date, time, 'Europe/Brussels').getTime();
      subject.clock.advance(target - subject.app.ctx.now().getTime());
    };

    it('reminds 7 and 2 days before the deadline of a draft, once each, and closes when it is sent', async () => {
      const company = await createClockWorld(subject.app);
      const row = await registration(company, {
        registrationTime: new Date(subject.app.ctx.now().getTime() - DAY),
      });
      const request = await fileRequest(company, [{ id: row.id, correction: 'Arrivée à 06:05' }]);
      const { firstDeadline } = (
        await (
          await as('ADMIN', company.tenant.id)
        )('GET', `/api/onss-correction-requests/${request.id}`)
      ).json() as { firstDeadline: string };

      moveTo(firstDeadline, 8, '23:59');
      await scan();
      expect(await remindersOf(company.tenant.id)).toEqual([]);

      moveTo(firstDeadline, 7, '00:01');
      await scan();
      await scan();
      expect(await remindersOf(company.tenant.id)).toMatchObject([
        {
          type: 'CORRECTION_DEADLINE_7_DAYS',
          status: 'open',
          dedupeKey: `CORRECTION_DEADLINE_7_DAYS:${request.id}`,
          details: {
            correctionRequestId: request.id,
            reference: request.reference,
            deadline: firstDeadline,
            daysLeft: 7,
            registrations: 1,
          },
        },
      ]);
      const listed = await (
        await as('SUPERVISOR', company.tenant.id)
      )('GET', '/api/anomalies?type=CORRECTION_DEADLINE_7_DAYS');
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().items).toMatchObject([{ type: 'CORRECTION_DEADLINE_7_DAYS', agent: null }]);

      moveTo(firstDeadline, 2, '00:01');
      await scan();
      await scan();
      expect((await remindersOf(company.tenant.id)).map((anomaly) => [anomaly.type, anomaly.status])).toEqual(
        [
          ['CORRECTION_DEADLINE_7_DAYS', 'open'],
          ['CORRECTION_DEADLINE_2_DAYS', 'open'],
        ],
      );

      const sent = await (
        await as('ADMIN', company.tenant.id)
      )('PATCH', `/api/onss-correction-requests/${request.id}/status`, { status: 'submitted' });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({
        status: 'submitted',
        submittedAt: subject.app.ctx.now().toISOString(),
      });
      const audit = await subject.app.ctx.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, company.tenant.id),
            eq(auditLog.action, 'correction_request.status_changed'),
          ),
        );
      expect(audit).toMatchObject([
        { entityId: request.id, before: { status: 'draft' }, after: { status: 'submitted' } },
      ]);
      await scan();
      expect(await remindersOf(company.tenant.id)).toMatchObject([
        { type: 'CORRECTION_DEADLINE_7_DAYS', status: 'resolved', resolvedAutomatically: true },
        { type: 'CORRECTION_DEADLINE_2_DAYS', status: 'resolved', resolvedAutomatically: true },
      ]);
    });

    it('gives a request filed late only the 2-day reminder, none past the deadline, and refuses a bad status', async () => {
      const company = await createClockWorld(subject.app);
      const now = subject.app.ctx.now().getTime();
      // 29 days ago: its deadline is tomorrow. 31 days ago: it passed yesterday.
      const late = await registration(company, { registrationTime: new Date(now - 29 * DAY) });
      const lapsed = await registration(company, { registrationTime: new Date(now - 31 * DAY) });
      const lateRequest = await fileRequest(company, [{ id: late.id, correction: 'Départ à 17:00' }]);
      await fileRequest(company, [{ id: lapsed.id, correction: 'Départ à 17:00' }]);
      await scan();
      expect(await remindersOf(company.tenant.id)).toMatchObject([
        {
          type: 'CORRECTION_DEADLINE_2_DAYS',
          status: 'open',
          details: { correctionRequestId: lateRequest.id, daysLeft: 1 },
        },
      ]);

      const call = await as('ADMIN', company.tenant.id);
      const bad = await call('PATCH', `/api/onss-correction-requests/${lateRequest.id}/status`, {
        status: 'lost',
      });
      expect(bad.statusCode).toBe(400);
      const answered = await call('PATCH', `/api/onss-correction-requests/${lateRequest.id}/status`, {
        status: 'answered',
      });
      expect(answered.json()).toMatchObject({
        status: 'answered',
        submittedAt: subject.app.ctx.now().toISOString(),
      });
      await scan();
      expect(await remindersOf(company.tenant.id)).toMatchObject([
        { status: 'resolved', resolvedAutomatically: true },
      ]);
      const foreign = await (
        await as('ADMIN', other.tenant.id)
      )('PATCH', `/api/onss-correction-requests/${lateRequest.id}/status`, { status: 'draft' });
      expect(foreign.statusCode).toBe(404);
    });
  });
});
