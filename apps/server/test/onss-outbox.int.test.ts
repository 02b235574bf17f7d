import { DEMO_DECLARATION_NUMBERS, DEMO_NISS } from '@ciao/onss-simulator';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agents, onssConnections, onssRegistrations, sites } from '../src/db/schema/index.js';
import { createOnssOutbox, type OnssOutboxOptions } from '../src/jobs/onss-outbox-worker.js';
import {
  receivedCalls,
  startTestSimulator,
  type ReceivedCall,
  type TestSimulator,
} from './support/onss-simulator.js';
import { clockWorldDeclaration, createOnssWorld } from './support/onss-world.js';
import { webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const VALIDATION_DELAY_MS = 60_000;

describe('ONSS outbox worker against the simulator over HTTP', () => {
  let subject: TestApp;
  let simulator: TestSimulator;
  beforeAll(async () => {
    subject = await createTestApp();
    // One time for both sides: the simulator judges "registration in the future" and token expiry
    // with the same clock the tests move.
    simulator = await startTestSimulator({
      clock: { now: subject.clock.now },
      settings: { validationDelayMs: VALIDATION_DELAY_MS },
    });
    subject.app.ctx.onss.simulatorUrl = simulator.url;
    await simulator.admin('PATCH', '/admin/reference-data', { declarations: [clockWorldDeclaration] });
  });
  afterEach(async () => {
    await simulator.admin('DELETE', '/admin/faults');
    // Rows a test leaves in flight must not be sent by the next test's passes.
    await subject.app.ctx.db
      .update(onssRegistrations)
      .set({ status: 'cancelled' })
      .where(inArray(onssRegistrations.status, ['to_send', 'send_failing', 'sending', 'registered']));
  });
  afterAll(async () => {
    await simulator.close();
    await subject.close();
  });
  const db = () => subject.app.ctx.db;
  const outbox = (options: OnssOutboxOptions = {}) =>
    createOnssOutbox(subject.app.ctx, {
      backoff: { baseMs: 1_000, maxMs: 8_000 },
      random: () => 1,
      ...options,
    });
  /** Collects the URLs of the reads (searches and gets) ONSS receives, while attached to its server. */
  const readsInto = (reads: string[]) => (request: { method?: string; url?: string }) => {
    if (request.method === 'GET' && request.url?.includes('/presenceRegistrations')) reads.push(request.url);
  };
  const row = async (id: string) =>
    (await db().select().from(onssRegistrations).where(eq(onssRegistrations.id, id)))[0]!;

  it('sends a registration with the right fields, records it, then reconciles it to validated', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock('ARRIVE');
    const worker = outbox();
    const summary = await worker.runPass();
    expect(summary).toMatchObject({ claimed: 1, registered: 1 });
    const registered = await row(id);
    expect(registered).toMatchObject({
      status: 'registered',
      attempts: 1,
      onssId: expect.any(String),
      lastError: null,
    });
    expect(registered.validityHistory).toEqual([expect.objectContaining({ validity: 'pending' })]);

    const [call] = await receivedCalls(simulator, world.clientId);
    expect(call!.items).toEqual([
      {
        registrationDate: registered.registrationTime.toISOString(),
        ssin: '85073003328',
        type: 'in',
        employer: { enterpriseNumber: '0777123418' },
        placeOfWork: { coordinates: { latitude: expect.any(Number), longitude: expect.any(Number) } },
        contractualRelationshipReference: '1Y102M7NZF7PZ',
      },
    ]);
    expect(call!.items[0]!.registrationDate).toMatch(/Z$/);

    subject.clock.advance(VALIDATION_DELAY_MS + 1_000);
    expect(await worker.runPass()).toMatchObject({ validated: 1 });
    const validated = await row(id);
    expect(validated).toMatchObject({ status: 'validated', validatedAt: expect.any(Date) });
    expect(validated.validityHistory.map((entry) => entry.validity)).toEqual(['pending', 'validated']);
  });

  it('fetches the validities of a company several at a time: a slow ONSS does not leave them behind', async () => {
    const worlds = await Promise.all([1, 2, 3, 4].map(() => createOnssWorld(subject.app, simulator)));
    const ids: string[] = [];
    for (const world of worlds) {
      for (const action of ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE']) ids.push(await world.clock(action));
    }
    const worker = outbox({ tenantConcurrency: 1, validityCallsPerTenant: 8 });
    // Each world is its own company: pretend they are one by fetching one company at a time.
    await worker.sendDue();
    subject.clock.advance(VALIDATION_DELAY_MS + 1_000);
    await simulator.admin('PUT', '/admin/faults', { latencyMs: 300 });
    const started = Date.now();
    const summary = await worker.reconcileDue();
    const elapsed = Date.now() - started;
    // Settled either way (ONSS refuses a pause in the same minute as the arrival): none left pending.
    expect(summary.validated + summary.refusedOnValidation).toBe(16);
    // One at a time, 16 calls of 300 ms each take 4.8 s; four per company at once (16 / 4 companies
    // fetched one after the other) still under 2 s.
    expect(elapsed).toBeLessThan(2_400);
    for (const id of ids) expect(['validated', 'refused']).toContain((await row(id)).status);
  });

  it('searches the validities of a company by period: 600 registrations settled in three searches', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const actions = ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE'];
    // A day of an agent's registrations (every 30 s over five hours), synced from an offline phone.
    const events = Array.from({ length: 600 }, (_, index) =>
      world.event(actions[index % 4]!, {
        deviceTime: world.minutesAgo(300 - index / 2),
        capturedOffline: true,
      }),
    );
    for (const batch of [events.slice(0, 500), events.slice(500)]) {
      const response = await world.sendBatch(batch);
      expect(response.statusCode, response.body).toBe(200);
    }
    const worker = outbox({ reconcileBatchSize: 1_000, validityCallsPerTenant: 4 });
    await worker.sendDue();
    expect((await world.rows()).filter((candidate) => candidate.status === 'registered')).toHaveLength(600);
    subject.clock.advance(VALIDATION_DELAY_MS + 1_000);

    const reads: string[] = [];
    const countRead = readsInto(reads);
    simulator.app.server.on('request', countRead);
    const summary = await worker.reconcileDue();
    simulator.app.server.off('request', countRead);

    expect(summary.validated + summary.refusedOnValidation).toBe(600);
    // More than a search yields (500): the period is split in two, and nothing is read one by one.
    expect(reads).toHaveLength(3);
    expect(reads.every((url) => url.includes('startDate='))).toBe(true);
    const settled = await world.rows();
    expect(settled.every((candidate) => ['validated', 'refused'].includes(candidate.status))).toBe(true);
    expect(settled.every((candidate) => candidate.validityHistory.length === 2)).toBe(true);
  });

  it('asks each validity once across processes, and what ONSS still has pending only later', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const ids: string[] = [];
    for (const action of ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE']) ids.push(await world.clock(action));
    const processA = outbox();
    const processB = outbox();
    await processA.sendDue();

    const reads: string[] = [];
    const countRead = readsInto(reads);
    simulator.app.server.on('request', countRead);
    try {
      // ONSS has not validated them yet; both processes ask at the same moment: each row once.
      await Promise.all([processA.reconcileDue(), processB.reconcileDue()]);
      expect(reads).toHaveLength(4);
      expect(new Set(reads).size).toBe(4);
      // Still pending: not asked again at the next pass, but some seconds later.
      await processA.reconcileDue();
      expect(reads).toHaveLength(4);
      for (const id of ids)
        expect((await row(id)).nextAttemptAt!.getTime()).toBeGreaterThan(subject.clock.now().getTime());

      subject.clock.advance(VALIDATION_DELAY_MS + 1_000);
      const summary = await processB.reconcileDue();
      expect(summary.validated + summary.refusedOnValidation).toBe(4);
      expect(reads).toHaveLength(8);
    } finally {
      simulator.app.server.off('request', countRead);
    }
  });

  it('does not fall back to reading one by one when ONSS fails the search: asks again after the lease', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    for (let index = 0; index < 5; index += 1) {
      await world.clock('ARRIVE');
      subject.clock.advance(60_000);
      await world.clock('LEAVE');
      subject.clock.advance(60_000);
    }
    const worker = outbox({ validityCallsPerTenant: 2 });
    await worker.sendDue();
    subject.clock.advance(VALIDATION_DELAY_MS + 1_000);
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { next: 1, statuses: [503] },
    });
    const reads: string[] = [];
    const countRead = readsInto(reads);
    simulator.app.server.on('request', countRead);
    try {
      const failed = await worker.reconcileDue();
      expect(failed.validated + failed.refusedOnValidation).toBe(0);
      // The one search that failed, and no burst of reads behind it.
      expect(reads).toHaveLength(1);
      expect((await world.rows()).every((candidate) => candidate.status === 'registered')).toBe(true);
      // Held for the lease: the next pass leaves them alone, the one after it settles them.
      expect((await worker.reconcileDue()).validated).toBe(0);
      expect(reads).toHaveLength(1);
      subject.clock.advance(61_000);
      const settled = await worker.reconcileDue();
      expect(settled.validated + settled.refusedOnValidation).toBe(10);
    } finally {
      simulator.app.server.off('request', countRead);
    }
  });

  it('reads one by one what a search of the period did not find', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const ids: string[] = [];
    for (const action of ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE', 'ARRIVE', 'LEAVE']) {
      ids.push(await world.clock(action));
      subject.clock.advance(60_000);
    }
    const worker = outbox({ validityCallsPerTenant: 2 });
    await worker.sendDue();
    // ONSS shows the search a different instant for one registration than the one sent (clocks,
    // rounding): the search misses it, its own read does not.
    const [moved] = await world.rows().then((rows) => rows.filter((candidate) => candidate.id === ids[0]));
    await db()
      .update(onssRegistrations)
      .set({ registrationTime: new Date(moved!.registrationTime.getTime() + 1) })
      .where(eq(onssRegistrations.id, ids[0]!));
    subject.clock.advance(VALIDATION_DELAY_MS + 1_000);
    const summary = await worker.reconcileDue();
    expect(summary.validated + summary.refusedOnValidation).toBe(6);
    for (const id of ids) expect(['validated', 'refused']).toContain((await row(id)).status);
  });

  it('asks later, then sets aside for a person, a registration ONSS no longer finds', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const kept = await world.clock('ARRIVE');
    const lost = await world.clock('LEAVE');
    const worker = outbox();
    await worker.sendDue();
    // ONSS answers "no presence registration" to the id it gave (purged, or an id mixed up).
    await db()
      .update(onssRegistrations)
      .set({ onssId: 'PR-unknown-to-onss' })
      .where(eq(onssRegistrations.id, lost));
    subject.clock.advance(VALIDATION_DELAY_MS + 1_000);

    const reads: string[] = [];
    const countRead = readsInto(reads);
    simulator.app.server.on('request', countRead);
    try {
      expect((await worker.reconcileDue()).validated).toBe(1);
      expect((await row(kept)).status).toBe('validated');
      expect(reads.filter((url) => url.includes('PR-unknown-to-onss'))).toHaveLength(1);
      // Not asked again at the next pass: later, as a pending one.
      await worker.reconcileDue();
      expect(reads.filter((url) => url.includes('PR-unknown-to-onss'))).toHaveLength(1);
      expect((await row(lost)).status).toBe('registered');
      expect((await row(lost)).nextAttemptAt!.getTime()).toBeGreaterThan(subject.clock.now().getTime());

      // Still unknown an hour after ONSS registered it: set aside, saying why, and asked no more.
      subject.clock.advance(60 * 60_000);
      const summary = await worker.reconcileDue();
      expect(summary.needsAttention).toBe(1);
      const setAside = await row(lost);
      expect(setAside.status).toBe('needs_attention');
      expect(setAside.lastError).toContain('PR-unknown-to-onss');
      expect(setAside.nextAttemptAt).toBeNull();
      const asked = reads.length;
      subject.clock.advance(2 * 60 * 60_000);
      await worker.reconcileDue();
      expect(reads).toHaveLength(asked);

      // An administrator sends it again: ONSS is asked first, and as it does have this In/Out
      // (only the id was wrong), its registration is taken instead of declaring it twice.
      const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
      const retried = await subject.app.inject({
        method: 'POST',
        url: `/api/onss-registrations/${lost}/retry`,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      });
      expect(retried.statusCode, retried.body).toBe(200);
      const atOnssBefore = (await receivedCalls(simulator, world.clientId)).length;
      expect((await worker.sendDue()).registered).toBe(1);
      expect(await receivedCalls(simulator, world.clientId)).toHaveLength(atOnssBefore);
      const found = await row(lost);
      expect(found.status).toBe('registered');
      expect(found.onssId).not.toBe('PR-unknown-to-onss');
    } finally {
      simulator.app.server.off('request', countRead);
    }
  });

  it('records a refusal at registration and a refusal on validation, with their remarks', async () => {
    const refused = await createOnssWorld(subject.app, simulator);
    await db()
      .update(sites)
      .set({ workDeclarationNumber: DEMO_DECLARATION_NUMBERS.suspended })
      .where(eq(sites.id, refused.site.id));
    const refusedId = await refused.clock();
    const unknown = await createOnssWorld(subject.app, simulator);
    await db()
      .update(agents)
      .set({ niss: DEMO_NISS.unknownInNationalRegister })
      .where(eq(agents.id, unknown.agent.id));
    const unknownId = await unknown.clock();

    const worker = outbox();
    await worker.runPass();
    const atRegistration = await row(refusedId);
    expect(atRegistration.status).toBe('refused');
    expect(atRegistration.remarks.length).toBeGreaterThan(0);
    expect(atRegistration.onssId).toBeNull();
    expect((await row(unknownId)).status).toBe('registered');

    subject.clock.advance(VALIDATION_DELAY_MS + 1_000);
    await worker.runPass();
    expect(await row(unknownId)).toMatchObject({
      status: 'refused',
      remarks: ['NISS IS NOT KNOW IN THE NATIONAL REGISTER'],
    });
  });

  it('keeps everything while ONSS is down and sends each registration once when it is back', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const ids = [await world.clock('ARRIVE'), await world.clock('PAUSE')];
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { rate: 1, statuses: [503] },
    });
    const worker = outbox({ circuit: { failureThreshold: 100, coolDownMs: 1_000 } });
    await worker.runPass();
    for (const id of ids)
      expect(await row(id)).toMatchObject({
        status: 'send_failing',
        attempts: 1,
        lastError: expect.stringContaining('503'),
      });
    subject.clock.advance(2_000);
    await worker.runPass();
    for (const id of ids) expect((await row(id)).attempts).toBe(2);

    await simulator.admin('DELETE', '/admin/faults');
    subject.clock.advance(10_000);
    await worker.runPass();
    for (const id of ids) expect((await row(id)).status).toBe('registered');
    const processed = (await receivedCalls(simulator, world.clientId)).filter((call) => call.processed);
    expect(processed.flatMap((call) => call.items)).toHaveLength(2);
    const { registrations } = await simulator.admin<{ registrations: unknown[] }>(
      'GET',
      `/admin/registrations?clientId=${world.clientId}`,
    );
    expect(registrations).toHaveLength(2);
  });

  it('sends every registration exactly once through 30 % of 500/503 answers', async () => {
    const worlds = await Promise.all([1, 2, 3].map(() => createOnssWorld(subject.app, simulator)));
    // 40 registrations per agent in one offline sync: arrive, 19 breaks, leave (IN/OUT alternate).
    const actions = ['ARRIVE', ...Array.from({ length: 19 }, () => ['PAUSE', 'RESUME']).flat(), 'LEAVE'];
    // The three agents share a NISS and a site: their times differ, or ONSS would see duplicates.
    for (const [offset, world] of worlds.entries()) {
      const synced = await world.sendBatch(
        actions.map((action, index) =>
          world.event(action, { deviceTime: world.minutesAgo(300 - 100 * offset - index) }),
        ),
      );
      expect(synced.statusCode, synced.body).toBe(200);
    }
    const { calls: before } = await simulator.admin<{ calls: ReceivedCall[] }>('GET', '/admin/received');
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { rate: 0.3, statuses: [500, 503] },
      seed: 30,
    });
    const worker = outbox({ circuit: { failureThreshold: 5, coolDownMs: 5_000 } });
    const unsent = async () =>
      (await Promise.all(worlds.map((world) => world.rows())))
        .flat()
        .filter((row) => row.status !== 'registered');
    for (let pass = 0; pass < 60 && (await unsent()).length > 0; pass += 1) {
      await worker.runPass();
      subject.clock.advance(10_000);
    }
    expect((await unsent()).map((row) => [row.status, row.attempts, row.lastError])).toEqual([]);

    const { calls: after } = await simulator.admin<{ calls: ReceivedCall[] }>('GET', '/admin/received');
    const faulted = after.slice(before.length).filter((call) => call.fault !== null);
    expect(faulted.length, 'the simulator answered some calls with an error').toBeGreaterThan(0);
    for (const world of worlds) {
      const rows = await world.rows();
      const { registrations } = await simulator.admin<{
        registrations: { id: string; registrationDate: string; type: string; remarks: string[] }[];
      }>('GET', `/admin/registrations?clientId=${world.clientId}`);
      // Exactly once: as many registrations at ONSS as in ciao, each instant once, none a duplicate,
      // and each ciao row holds the id ONSS gave it.
      expect(registrations).toHaveLength(actions.length);
      expect(new Set(registrations.map((registration) => registration.registrationDate)).size).toBe(
        actions.length,
      );
      expect(registrations.flatMap((registration) => registration.remarks)).toEqual([]);
      expect(rows.map((row) => row.onssId).sort()).toEqual(
        registrations.map((registration) => String(registration.id)).sort(),
      );
      expect(rows.map((row) => row.registrationTime.toISOString()).sort()).toEqual(
        registrations.map((registration) => registration.registrationDate).sort(),
      );
    }
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock();
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      rateLimit: { next: 1, retryAfterSeconds: 120 },
    });
    const worker = outbox();
    const before = subject.clock.now().getTime();
    await worker.runPass();
    const waiting = await row(id);
    expect(waiting.status).toBe('send_failing');
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    subject.clock.advance(60_000);
    expect((await worker.runPass()).claimed).toBe(0);
    subject.clock.advance(61_000);
    await worker.runPass();
    expect((await row(id)).status).toBe('registered');
  });

  it('renews a token ONSS expired and sends', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const worker = outbox();
    await world.clock('ARRIVE');
    await worker.runPass();
    await simulator.admin('POST', '/admin/tokens/expire');
    const id = await world.clock('PAUSE');
    await worker.runPass();
    expect((await row(id)).status).toBe('registered');
  });

  it('opens the circuit after repeated failures, stops calling, then closes it on a good probe', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock();
    // 503: ONSS turned the calls away (after a 500 the row would be asked about before sending).
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { rate: 1, statuses: [503] },
    });
    const worker = outbox({ circuit: { failureThreshold: 2, coolDownMs: 60_000 } });
    const key = `${simulator.url}/REST/presenceRegistration/v1/presenceRegistrations`;
    await worker.runPass();
    subject.clock.advance(5_000);
    await worker.runPass();
    expect(worker.circuits.state(key, subject.clock.now().getTime())).toBe('open');
    const callsWhenOpened = (await receivedCalls(simulator, world.clientId)).length;

    subject.clock.advance(10_000);
    const paused = await worker.runPass();
    expect(paused.released).toBe(1);
    expect((await receivedCalls(simulator, world.clientId)).length).toBe(callsWhenOpened);
    expect(await row(id)).toMatchObject({ status: 'send_failing', attempts: 2 });

    await simulator.admin('DELETE', '/admin/faults');
    subject.clock.advance(60_000);
    expect(worker.circuits.state(key, subject.clock.now().getTime())).toBe('half-open');
    await worker.runPass();
    expect((await row(id)).status).toBe('registered');
    expect(worker.circuits.state(key, subject.clock.now().getTime())).toBe('closed');
  });

  it('sets a registration aside (needs attention, still visible) after the maximum attempts', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock();
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { rate: 1, statuses: [503] },
    });
    const worker = outbox({ maxAttempts: 3, circuit: { failureThreshold: 100, coolDownMs: 1_000 } });
    for (let pass = 0; pass < 3; pass += 1) {
      await worker.runPass();
      subject.clock.advance(10_000);
    }
    expect(await row(id)).toMatchObject({
      status: 'needs_attention',
      attempts: 3,
      lastError: expect.stringContaining('gave up after 3 attempts'),
    });
  });

  it('sends again, once, a row a crashed process left "sending"; not one still claimed', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const crashed = await world.clock('ARRIVE');
    const claimed = await world.clock('PAUSE');
    const now = subject.clock.now().getTime();
    await db()
      .update(onssRegistrations)
      .set({ status: 'sending', claimedUntil: new Date(now - 1_000) })
      .where(eq(onssRegistrations.id, crashed));
    await db()
      .update(onssRegistrations)
      .set({ status: 'sending', claimedUntil: new Date(now + 60_000) })
      .where(eq(onssRegistrations.id, claimed));
    const worker = outbox();
    await worker.runPass();
    await worker.runPass();
    expect((await row(crashed)).status).toBe('registered');
    expect((await row(claimed)).status).toBe('sending');
    const items = (await receivedCalls(simulator, world.clientId)).flatMap((call) => call.items);
    expect(items).toHaveLength(1);
  });

  it('never sends twice a row a process died sending after ONSS had it: asks ONSS, takes its id', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock('ARRIVE');
    const worker = outbox();
    await worker.runPass();
    const { onssId } = await row(id);
    expect(onssId).toEqual(expect.any(String));
    const past = () => new Date(subject.clock.now().getTime() - 1_000);
    // What a process killed between ONSS's answer and its own update leaves: "sending", no ONSS id.
    const crashed = async () => {
      await db()
        .update(onssRegistrations)
        .set({ status: 'sending', onssId: null, claimedUntil: past(), nextAttemptAt: past() })
        .where(eq(onssRegistrations.id, id));
    };
    await crashed();

    // ONSS cannot answer the search: the row is not sent blind, it is retried, still to be asked about.
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { next: 1, statuses: [503] },
    });
    await worker.runPass();
    expect(await row(id)).toMatchObject({
      status: 'send_failing',
      outcomeUnknown: true,
      onssId: null,
      lastError: expect.stringMatching(/503/),
    });
    await simulator.admin('DELETE', '/admin/faults');

    subject.clock.advance(10_000);
    expect(await worker.runPass()).toMatchObject({ claimed: 1, registered: 1 });
    expect(await row(id)).toMatchObject({ status: 'registered', onssId });
    expect((await receivedCalls(simulator, world.clientId)).flatMap((call) => call.items)).toHaveLength(1);
  });

  it('never declares twice a registration whose answer was lost: asks ONSS before sending again', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const ids = [await world.clock('ARRIVE'), await world.clock('PAUSE')];
    // ONSS processes the call, then the connection drops before its answer.
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      timeout: { next: 1, hangMs: 200, when: 'after' },
    });
    const worker = outbox();
    expect(await worker.sendDue()).toMatchObject({ claimed: 2, retrying: 2 });
    for (const id of ids)
      expect(await row(id)).toMatchObject({
        status: 'send_failing',
        outcomeUnknown: true,
        onssId: null,
        attempts: 1,
      });
    await simulator.admin('DELETE', '/admin/faults');

    subject.clock.advance(10_000);
    expect(await worker.sendDue()).toMatchObject({ claimed: 2, registered: 2 });
    const { registrations } = await simulator.admin<{ registrations: { id: number }[] }>(
      'GET',
      `/admin/registrations?clientId=${world.clientId}`,
    );
    // Exactly the two ONSS created on the lost call, taken as the rows' own: nothing declared twice.
    expect(registrations).toHaveLength(2);
    for (const id of ids) {
      const settled = await row(id);
      expect(settled).toMatchObject({ status: 'registered', outcomeUnknown: false });
      expect(registrations.map((registration) => String(registration.id))).toContain(settled.onssId);
    }
    const calls = await receivedCalls(simulator, world.clientId);
    expect(calls.flatMap((call) => call.items)).toHaveLength(2);
  });

  it('sends again at once what ONSS turned away (503): it surely did not have it', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock('ARRIVE');
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { next: 1, statuses: [503] },
    });
    const worker = outbox();
    await worker.sendDue();
    expect(await row(id)).toMatchObject({ status: 'send_failing', outcomeUnknown: false, attempts: 1 });
    await simulator.admin('DELETE', '/admin/faults');
    subject.clock.advance(10_000);
    expect(await worker.sendDue()).toMatchObject({ claimed: 1, registered: 1 });
    expect(await row(id)).toMatchObject({ status: 'registered' });
  });

  it('sets aside, for a person to check at ONSS, a row a process died sending once ONSS stays unable to tell', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock('ARRIVE');
    const past = new Date(subject.clock.now().getTime() - 1_000);
    // Left "sending" by a dead process, on its last attempt.
    await db()
      .update(onssRegistrations)
      .set({ status: 'sending', attempts: 2, claimedUntil: past, nextAttemptAt: past })
      .where(eq(onssRegistrations.id, id));
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { next: 1, statuses: [503] },
    });
    expect(await outbox({ maxAttempts: 3 }).runPass()).toMatchObject({ needsAttention: 1 });
    expect(await row(id)).toMatchObject({
      status: 'needs_attention',
      onssId: null,
      lastError: expect.stringMatching(/check at ONSS/),
    });
    expect(await receivedCalls(simulator, world.clientId)).toEqual([]);
  });

  it('sends a row a process died sending when ONSS does not have it', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock('ARRIVE');
    await db()
      .update(onssRegistrations)
      .set({ status: 'sending', claimedUntil: new Date(subject.clock.now().getTime() - 1_000) })
      .where(eq(onssRegistrations.id, id));
    expect(await outbox().runPass()).toMatchObject({ claimed: 1, registered: 1 });
    expect((await receivedCalls(simulator, world.clientId)).flatMap((call) => call.items)).toHaveLength(1);
  });

  it('sets aside the registrations of a company whose ONSS connection was removed, saying why', async () => {
    const world = await createOnssWorld(subject.app, simulator);
    const id = await world.clock();
    await db()
      .update(onssConnections)
      .set({ privateKeyEncrypted: null })
      .where(eq(onssConnections.tenantId, world.tenant.id));
    await outbox().runPass();
    expect(await row(id)).toMatchObject({
      status: 'needs_attention',
      lastError: expect.stringContaining('ONSS connection'),
    });
  });
});
