import { eq, inArray, sql } from 'drizzle-orm';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, onssRegistrations, webUsers } from '../src/db/schema/index.js';
import { createNotificationScheduler } from '../src/jobs/notification-scheduler.js';
import { startOnssWorker } from '../src/jobs/onss-outbox-worker.js';
import { webSessionFor } from './support/factories.js';
import { startTestSimulator, type ReceivedCall, type TestSimulator } from './support/onss-simulator.js';
import { clockWorldDeclaration, createOnssWorld } from './support/onss-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TENANT_CONCURRENCY = 2;
const VALIDITY_CALLS_PER_TENANT = 2;
const CIRCUIT = { failureThreshold: 3, coolDownMs: 400 };

/**
 * ONSS erroring, then unreachable, then slow, for several seconds each, with the real outbox worker
 * running on its timers (short ones) and the app's clock following real time: the agents keep
 * registering throughout, the worker waits instead of hammering, and once ONSS answers again the
 * backlog reaches it with each registration exactly once.
 */
describe('ONSS outage: down, erroring and slow for a sustained period, then back', () => {
  let subject: TestApp;
  let simulator: TestSimulator;
  let followRealTime: NodeJS.Timeout;
  /** Requests being answered by the simulator right now, and the most at once. */
  const concurrency = { now: 0, most: 0 };

  beforeAll(async () => {
    subject = await createTestApp();
    let last = Date.now();
    followRealTime = setInterval(() => {
      const now = Date.now();
      subject.clock.advance(now - last);
      last = now;
    }, 5);
    simulator = await startTestSimulator({
      clock: { now: subject.clock.now },
      settings: { validationDelayMs: 0 },
    });
    simulator.app.server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
      concurrency.now += 1;
      concurrency.most = Math.max(concurrency.most, concurrency.now);
      response.once('close', () => {
        concurrency.now -= 1;
      });
    });
    subject.app.ctx.onss.simulatorUrl = simulator.url;
    await simulator.admin('PATCH', '/admin/reference-data', { declarations: [clockWorldDeclaration] });
  });
  afterAll(async () => {
    clearInterval(followRealTime);
    await simulator.close();
    await subject.close();
  });

  const db = () => subject.app.ctx.db;
  const received = async () =>
    (await simulator.admin<{ calls: ReceivedCall[] }>('GET', '/admin/received')).calls;
  const metric = async (name: string, labels: string) => {
    const response = await subject.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    const line = response.body.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  /** Takes ONSS off the network: refuses new connections and cuts those open. */
  const unplug = async () => {
    const { port } = simulator.app.server.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      simulator.app.server.close(() => resolve());
      simulator.app.server.closeAllConnections();
    });
    return () =>
      new Promise<void>((resolve) => simulator.app.server.listen(port, '127.0.0.1', () => resolve()));
  };

  it('accepts every registration throughout, backs off, signals the failure, then sends each once', async () => {
    const worlds = await Promise.all([0, 1, 2, 3].map(() => createOnssWorld(subject.app, simulator)));
    const stopWorker = startOnssWorker(subject.app.ctx, {
      intervalMs: 100,
      wakeDelayMs: 20,
      reconcileEveryMs: 500,
      backoff: { baseMs: 200, maxMs: 800 },
      circuit: CIRCUIT,
      tenantConcurrency: TENANT_CONCURRENCY,
      validityCallsPerTenant: VALIDITY_CALLS_PER_TENANT,
      timeoutMs: 3_000,
      // A long outage must not set registrations aside: they wait for ONSS.
      maxAttempts: 1_000,
      random: () => 1,
      logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
    });
    // Distinct instants: the worlds share a NISS and a site, and ONSS refuses a duplicate.
    let sequence = 0;
    const answerTimes: number[] = [];
    const register = async (action: string) => {
      await Promise.all(
        worlds.map(async (world) => {
          sequence += 1;
          const deviceTime = new Date(subject.clock.now().getTime() - 3_600_000 + sequence * 1_000);
          const started = performance.now();
          const response = await world.send(world.event(action, { deviceTime: deviceTime.toISOString() }));
          answerTimes.push(performance.now() - started);
          expect(response.statusCode, response.body).toBe(201);
        }),
      );
    };
    const allRows = () =>
      db()
        .select()
        .from(onssRegistrations)
        .where(
          inArray(
            onssRegistrations.tenantId,
            worlds.map((world) => world.tenant.id),
          ),
        );
    try {
      // 1. ONSS turns every call away with a 503, for 3 s. (After a 500 the worker asks ONSS before
      // sending again: onss-outbox.int.test.ts covers it.)
      await simulator.admin('PUT', '/admin/faults', {
        appliesTo: 'presenceRegistration',
        errors: { rate: 1, statuses: [503] },
      });
      const callsBefore = (await received()).length;
      const erroringStarted = Date.now();
      for (const action of ['ARRIVE', 'PAUSE', 'RESUME']) {
        await register(action);
        await sleep(1_000);
      }
      const erroringMs = Date.now() - erroringStarted;
      const faulted = (await received()).slice(callsBefore);
      expect(faulted.length, 'the worker tried').toBeGreaterThan(0);
      expect(faulted.every((call) => call.fault !== null)).toBe(true);
      // No hot loop: the circuit opens after 3 failures, then one probe per cool-down.
      const mostCalls =
        CIRCUIT.failureThreshold + TENANT_CONCURRENCY + Math.ceil(erroringMs / CIRCUIT.coolDownMs);
      expect(faulted.length).toBeLessThanOrEqual(mostCalls);
      expect(await metric('ciao_onss_results_total', 'outcome="released"')).toBeGreaterThan(0);
      expect((await allRows()).some((row) => row.status === 'registered')).toBe(false);

      // 2. ONSS unreachable (connection refused), for 3 s: the agents still register. What it does
      // once back is set now, while its admin API still answers: slow (1.5 s an answer), and once a 429.
      // On the presence routes only: a 429 on the token call would be retried too, but not logged.
      await simulator.admin('PUT', '/admin/faults', {
        appliesTo: 'presenceRegistration',
        latencyMs: 1_500,
        rateLimit: { next: 1, retryAfterSeconds: 1 },
      });
      const plugBack = await unplug();
      for (const action of ['LEAVE', 'ARRIVE', 'LEAVE']) {
        await register(action);
        await sleep(1_000);
      }
      const during = await allRows();
      expect(during).toHaveLength(worlds.length * 6);
      expect(during.filter((row) => row.status === 'registered')).toEqual([]);
      const mostAttempts = Math.max(...during.map((row) => row.attempts));
      // Each row waits its backoff and the circuit's cool-down: a handful of attempts in 6 s, not hundreds.
      expect(mostAttempts).toBeGreaterThanOrEqual(1);
      expect(mostAttempts).toBeLessThanOrEqual(Math.ceil(12_000 / CIRCUIT.coolDownMs));
      expect(await metric('ciao_outbox_pending', 'outbox="onss",status="send_failing"')).toBeGreaterThan(0);

      // The "ONSS connection failing" notification reaches each company whose registrations failed three times.
      const admins = await Promise.all(
        worlds.map(async (world) => {
          const { user, session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
          const email = `${user.login}@example.be`;
          await db().update(webUsers).set({ email, language: 'en' }).where(eq(webUsers.id, user.id));
          const put = await asUser(subject.app, session, {
            method: 'PUT',
            url: '/api/me/notifications',
            payload: { subscriptions: [{ type: 'onss.connection_failing', scope: 'all', scopeId: null }] },
          });
          expect(put.statusCode, put.body).toBe(200);
          return { tenantId: world.tenant.id, email };
        }),
      );
      const failingNow = await allRows();
      await createNotificationScheduler(subject.app.ctx).runPass();
      const told = await db()
        .select()
        .from(emailOutbox)
        .where(
          inArray(
            emailOutbox.toAddress,
            admins.map((admin) => admin.email),
          ),
        );
      const failingTenants = new Set(
        failingNow
          .filter((row) => row.status === 'send_failing' && row.attempts >= 3)
          .map((row) => row.tenantId),
      );
      expect(failingTenants.size, 'some company failed three times').toBeGreaterThan(0);
      expect(told.map((mail) => mail.subject)).toEqual(
        [...failingTenants].map(() => 'The ONSS connection is failing'),
      );

      // 3. ONSS back, slow and asking once to wait (429): the backlog drains.
      concurrency.most = 0;
      await plugBack();
      answerTimes.length = 0;
      await register('ARRIVE');
      // One company's registration ONSS refuses outright (400: no NISS): set aside, not retried.
      const refusedWorld = await createOnssWorld(subject.app, simulator);
      const refusedResponse = await refusedWorld.send(
        refusedWorld.event('ARRIVE', { deviceTime: refusedWorld.minutesAgo(90) }),
      );
      expect(refusedResponse.statusCode).toBe(201);
      await db()
        .update(onssRegistrations)
        .set({ payload: sql`${onssRegistrations.payload} - 'niss'` })
        .where(eq(onssRegistrations.tenantId, refusedWorld.tenant.id));
      await register('LEAVE');
      // The agents are not held up by a slow ONSS.
      expect(Math.max(...answerTimes)).toBeLessThan(1_500);

      const total = worlds.length * 8;
      const deadline = Date.now() + 25_000;
      let rows = await allRows();
      while (
        Date.now() < deadline &&
        rows.some((row) => row.status !== 'registered' && row.status !== 'validated')
      ) {
        await sleep(250);
        rows = await allRows();
      }
      expect(rows.filter((row) => row.status !== 'registered' && row.status !== 'validated')).toEqual([]);
      expect(rows).toHaveLength(total);
      // One call per tenant at a time for sending, and a few for fetching validities, whatever ONSS's pace.
      expect(concurrency.most).toBeLessThanOrEqual(TENANT_CONCURRENCY * (1 + VALIDITY_CALLS_PER_TENANT));
      const calls = await received();
      expect(calls.some((call) => call.fault === 'rate-limit')).toBe(true);

      for (const world of worlds) {
        const { registrations } = await simulator.admin<{
          registrations: { id: string; registrationDate: string; type: string }[];
        }>('GET', `/admin/registrations?clientId=${world.clientId}`);
        const worldRows = rows.filter((row) => row.tenantId === world.tenant.id);
        // Exactly once: as many at ONSS as in ciao, each instant once, each row holding ONSS's id.
        expect(registrations).toHaveLength(8);
        expect(new Set(registrations.map((registration) => registration.registrationDate)).size).toBe(8);
        expect(worldRows.map((row) => row.onssId).sort()).toEqual(
          registrations.map((registration) => String(registration.id)).sort(),
        );
        expect(worldRows.map((row) => row.registrationTime.toISOString()).sort()).toEqual(
          registrations.map((registration) => registration.registrationDate).sort(),
        );
        expect(
          worldRows.map((row) => row.direction).sort(),
          'ARRIVE, PAUSE, RESUME, LEAVE, ARRIVE, LEAVE, ARRIVE, LEAVE',
        ).toEqual(['IN', 'IN', 'IN', 'IN', 'OUT', 'OUT', 'OUT', 'OUT']);
      }

      const refusedRows = async () =>
        db().select().from(onssRegistrations).where(eq(onssRegistrations.tenantId, refusedWorld.tenant.id));
      const [refused] = await refusedRows();
      expect(refused).toMatchObject({ status: 'needs_attention', nextAttemptAt: null });
      expect(refused!.lastError).toMatch(/400/);
      const attemptsWhenSetAside = refused!.attempts;
      await sleep(1_000);
      expect((await refusedRows())[0]!.attempts).toBe(attemptsWhenSetAside);
      expect(await metric('ciao_onss_results_total', 'outcome="needs_attention"')).toBeGreaterThan(0);
    } finally {
      await simulator.admin('DELETE', '/admin/faults').catch(() => {});
      await stopWorker();
    }
  }, 60_000);
});
