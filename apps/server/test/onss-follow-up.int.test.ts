import type { Role } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, onssRegistrations } from '../src/db/schema/index.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

type ClockWorld = Awaited<ReturnType<typeof createClockWorld>>;

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

describe('ONSS registrations: follow-up, retry, correction requests', () => {
  let subject: TestApp;
  let world: ClockWorld;
  let other: ClockWorld;
  let inId: string;
  let outId: string;
  let otherId: string;

  async function registrationsOf(target: ClockWorld) {
    const arrive = await target.send(target.event('ARRIVE', { deviceTime: target.minutesAgo(30) }));
    expect(arrive.statusCode, arrive.body).toBe(201);
    const depart = await target.send(target.event('LEAVE', { deviceTime: target.minutesAgo(10) }));
    expect(depart.statusCode, depart.body).toBe(201);
    const rows = await subject.app.ctx.db
      .select()
      .from(onssRegistrations)
      .where(eq(onssRegistrations.tenantId, target.tenant.id));
    return {
      inId: rows.find((row) => row.direction === 'IN')!.id,
      outId: rows.find((row) => row.direction === 'OUT')!.id,
    };
  }
  const setRow = (id: string, changes: Partial<typeof onssRegistrations.$inferInsert>) =>
    subject.app.ctx.db.update(onssRegistrations).set(changes).where(eq(onssRegistrations.id, id));
  const row = async (id: string) =>
    (await subject.app.ctx.db.select().from(onssRegistrations).where(eq(onssRegistrations.id, id)))[0]!;
  const as = async (role: Role, tenantId = world.tenant.id) => {
    const { user, session } = await webSessionFor(subject.app, tenantId, role);
    return {
      user,
      call: (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
        asUser(subject.app, session, { method, url, ...(payload ? { payload } : {}) }),
    };
  };

  beforeAll(async () => {
    subject = await createTestApp();
    world = await createClockWorld(subject.app);
    other = await createClockWorld(subject.app);
    ({ inId, outId } = await registrationsOf(world));
    ({ inId: otherId } = await registrationsOf(other));
  });
  afterAll(async () => {
    await subject.close();
  });

  it('lists registrations with agent, site, follow-up fields, filters and counts per status', async () => {
    await setRow(inId, { status: 'needs_attention', attempts: 8, lastError: 'ONSS unavailable' });
    await setRow(outId, { status: 'validated', onssId: 'ONSS-42', validityHistory: [] });
    const { call } = await as('HR_MANAGER');
    const all = await call('GET', '/api/onss-registrations');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({
      total: 2,
      counts: { needs_attention: 1, validated: 1 },
    });
    const late = await call('GET', '/api/onss-registrations?late=true');
    expect(late.json().items).toMatchObject([
      {
        id: inId,
        agent: { id: world.agent.id, identifier: world.agent.identifier, name: 'Fatima El Amrani' },
        site: { id: world.site.id, name: 'Louise 231' },
        direction: 'IN',
        status: 'needs_attention',
        late: true,
        attempts: 8,
        lastError: 'ONSS unavailable',
        followUpStatus: null,
      },
    ]);
    const validated = await call('GET', '/api/onss-registrations?status=validated');
    expect(validated.json()).toMatchObject({ total: 1, items: [{ id: outId, onssId: 'ONSS-42' }] });
    expect(validated.json().counts).toEqual({ needs_attention: 1, validated: 1 });
    const one = await call('GET', `/api/onss-registrations/${outId}`);
    expect(one.json()).toMatchObject({ id: outId, validityHistory: [] });
  });

  it.each(['ADMIN', 'SUPERVISOR', 'INSPECTOR'] as const)(
    'lets %s edit the follow-up fields, audited',
    async (role) => {
      const { call } = await as(role);
      const { user: assignee } = await as('SUPERVISOR');
      const response = await call('PATCH', `/api/onss-registrations/${inId}/follow-up`, {
        followUpStatus: 'in_progress',
        comment: `Checked by ${role}`,
        assigneeId: assignee.id,
        correctionRequestReference: 'ONSS-REF-1',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        followUpStatus: 'in_progress',
        followUpComment: `Checked by ${role}`,
        followUpAssignee: { id: assignee.id },
        correctionRequestReference: 'ONSS-REF-1',
      });
      const audits = await subject.app.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, inId), eq(auditLog.action, 'onss_registration.follow_up_updated')));
      expect(audits.at(-1)!.after).toMatchObject({ followUpComment: `Checked by ${role}` });
    },
  );

  it.each(['ADMIN_MANAGER', 'HR_MANAGER'] as const)('refuses follow-up edits to %s (403)', async (role) => {
    const { call } = await as(role);
    const single = await call('PATCH', `/api/onss-registrations/${inId}/follow-up`, { comment: 'no' });
    expect(single.statusCode).toBe(403);
    const bulk = await call('PATCH', '/api/onss-registrations/follow-up', {
      ids: [inId],
      followUpStatus: 'resolved',
    });
    expect(bulk.statusCode).toBe(403);
    expect((await row(inId)).followUpComment).not.toBe('no');
  });

  it('refuses an assignee from another company', async () => {
    const { call } = await as('ADMIN');
    const { user: stranger } = await as('ADMIN', other.tenant.id);
    const response = await call('PATCH', `/api/onss-registrations/${inId}/follow-up`, {
      assigneeId: stranger.id,
    });
    expect(response.statusCode).toBe(400);
  });

  it('sends a needs_attention registration again now, attempts reset, and refuses a validated one', async () => {
    await setRow(inId, { status: 'needs_attention', attempts: 8, nextAttemptAt: null, lastError: 'gave up' });
    await setRow(outId, { status: 'validated' });
    const { call } = await as('ADMIN');
    const retried = await call('POST', `/api/onss-registrations/${inId}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'to_send', attempts: 0, lastError: null });
    const saved = await row(inId);
    expect(saved.nextAttemptAt!.getTime()).toBe(subject.app.ctx.now().getTime());
    const [audit] = await subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, inId), eq(auditLog.action, 'onss_registration.retried')));
    expect(audit).toMatchObject({
      before: { status: 'needs_attention', attempts: 8 },
      after: { status: 'to_send' },
    });

    const refused = await call('POST', `/api/onss-registrations/${outId}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT' });
    expect(refused.body).toContain('validated');
    expect((await row(outId)).status).toBe('validated');

    await setRow(inId, { status: 'send_failing', attempts: 3 });
    await setRow(otherId, { status: 'needs_attention' });
    const bulk = await call('POST', '/api/onss-registrations/retry', { ids: [inId, outId, otherId] });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().results).toEqual([
      { id: inId, ok: true },
      expect.objectContaining({ id: outId, ok: false, code: 'CONFLICT' }),
      expect.objectContaining({ id: otherId, ok: false, code: 'NOT_FOUND' }),
    ]);
    expect((await row(otherId)).status).toBe('needs_attention');
  });

  it('sets the follow-up status of many registrations with a result per id', async () => {
    const { call } = await as('INSPECTOR');
    const bulk = await call('PATCH', '/api/onss-registrations/follow-up', {
      ids: [inId, otherId],
      followUpStatus: 'to_check',
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().results).toMatchObject([
      { id: inId, ok: true },
      { id: otherId, ok: false, code: 'NOT_FOUND' },
    ]);
    expect((await row(inId)).followUpStatus).toBe('to_check');
    expect((await row(otherId)).followUpStatus).toBeNull();
  });

  it('files a correction request with a reference, 30-day Brussels deadlines and a CSV', async () => {
    // 23:30 UTC on 28 October is already the 29th in Brussels: the deadline counts from the 29th.
    await setRow(inId, {
      status: 'refused',
      registrationTime: new Date('2026-10-28T23:30:00Z'),
      remarks: ['UNKNOWN_NISS', 'Wrong, "quoted" site'],
      onssId: 'ONSS-1',
    });
    await setRow(outId, {
      status: 'validated',
      registrationTime: new Date('2026-11-02T07:15:00Z'),
      onssId: 'ONSS-2',
    });
    const { call } = await as('ADMIN');
    const notSent = await call('POST', '/api/onss-correction-requests', {
      registrationIds: [otherId],
      reason: 'x',
      items: [{ registrationId: otherId, requestedCorrection: 'x' }],
    });
    expect(notSent.statusCode).toBe(404);

    const created = await call('POST', '/api/onss-correction-requests', {
      registrationIds: [inId, outId],
      reason: 'Registered at the wrong site',
      evidence: 'Planning of the week',
      items: [
        { registrationId: outId, requestedCorrection: 'Departure at 08:15' },
        { registrationId: inId, requestedCorrection: '=Site Louise 231, "front door"' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(
      subject.app.ctx.now(),
    );
    expect(request).toMatchObject({
      reference: `CR-${year}-0001`,
      reason: 'Registered at the wrong site',
      evidence: 'Planning of the week',
      itemCount: 2,
      firstDeadline: '2026-11-28',
      items: [
        { deadline: '2026-11-28', registration: { id: inId } },
        { deadline: '2026-12-02', requestedCorrection: 'Departure at 08:15', registration: { id: outId } },
      ],
    });
    expect(await row(inId)).toMatchObject({
      followUpStatus: 'correction_requested',
      correctionRequestReference: request.reference,
      correctionRequestId: request.id,
    });

    const second = await call('POST', '/api/onss-correction-requests', {
      registrationIds: [outId],
      reason: 'Again',
      items: [{ registrationId: outId, requestedCorrection: 'Departure at 08:20' }],
    });
    expect(second.json().reference).toBe(`CR-${year}-0002`);

    await setRow(outId, { status: 'to_send' });
    const conflict = await call('POST', '/api/onss-correction-requests', {
      registrationIds: [outId],
      reason: 'Not sent yet',
      items: [{ registrationId: outId, requestedCorrection: 'x' }],
    });
    expect(conflict.statusCode).toBe(409);

    const reader = await as('HR_MANAGER');
    const list = await reader.call('GET', '/api/onss-correction-requests');
    expect(list.json()).toMatchObject({ total: 2 });
    const csv = await reader.call('GET', `/api/onss-correction-requests/${request.id}/export.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = parseCsv(csv.body);
    expect(header).toEqual([
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
    expect(lines).toEqual([
      [
        '85073003328',
        'Fatima El Amrani',
        'Louise 231',
        '1Y102M7NZF7PZ',
        '2026-10-29 00:30',
        'IN',
        'ONSS-1',
        'refused',
        'UNKNOWN_NISS | Wrong, "quoted" site',
        `'=Site Louise 231, "front door"`,
        '2026-11-28',
      ],
      [
        '85073003328',
        'Fatima El Amrani',
        'Louise 231',
        '1Y102M7NZF7PZ',
        '2026-11-02 08:15',
        'OUT',
        'ONSS-2',
        'to_send',
        '',
        'Departure at 08:15',
        '2026-12-02',
      ],
    ]);
  });

  it("answers 404 for another company's registrations and correction requests", async () => {
    const { call } = await as('ADMIN', other.tenant.id);
    const [mine] = (await (await as('ADMIN')).call('GET', '/api/onss-correction-requests')).json().items;
    expect((await call('GET', `/api/onss-registrations/${inId}`)).statusCode).toBe(404);
    expect(
      (await call('PATCH', `/api/onss-registrations/${inId}/follow-up`, { comment: 'x' })).statusCode,
    ).toBe(404);
    expect((await call('POST', `/api/onss-registrations/${inId}/retry`)).statusCode).toBe(404);
    expect((await call('GET', `/api/onss-correction-requests/${mine.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/onss-correction-requests/${mine.id}/export.csv`)).statusCode).toBe(404);
    const list = await call('GET', '/api/onss-registrations');
    expect(list.json()).toMatchObject({ total: 2 });
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(inId);
  });
});
