import { randomUUID } from 'node:crypto';
import type { Role } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, onssRegistrations, tenants } from '../src/db/schema/index.js';
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
});
