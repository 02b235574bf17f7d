import {
  DEMO_DECLARATION_NUMBERS,
  DEMO_ENTERPRISE_NUMBERS,
  DEMO_NISS,
  createManualClock,
} from '@ciao/onss-simulator';
import type { OnssRegistrationContent } from '@ciao/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OnssTokenCache } from '../src/onss/onss-client.js';
import { createOnssClient, OnssCallError } from '../src/onss/onss-client.js';
import { onssEndpoints } from '../src/onss/onss-wire.js';
import { startTestSimulator, type TestSimulator } from './support/onss-simulator.js';

// Contract tests of the ONSS adapter against the simulator over real HTTP: the adapter is the one
// place that knows ONSS's wire format, these tests pin what it expects of it.
describe('ONSS client adapter (contract with the simulator)', () => {
  const clock = createManualClock('2026-03-02T09:00:00Z');
  let simulator: TestSimulator;
  let privateKeyPem: string;
  const clientId = 'contract-client';
  beforeAll(async () => {
    simulator = await startTestSimulator({ clock });
  });
  afterAll(async () => {
    await simulator.close();
  });
  beforeEach(async () => {
    await simulator.admin('DELETE', '/admin/faults');
    privateKeyPem = (await simulator.registerClient(clientId)).privateKeyPem;
  });

  let tokenRequests = 0;
  const countingFetch: typeof fetch = async (input, init) => {
    if (String(input).includes('/oauth/')) tokenRequests += 1;
    return fetch(input, init);
  };
  const client = (options: { timeoutMs?: number; cache?: OnssTokenCache } = {}) =>
    createOnssClient({
      clientId,
      privateKeyPem,
      endpoints: onssEndpoints('simulator', simulator.url),
      now: clock.now,
      fetch: countingFetch,
      ...(options.cache ? { tokenCache: options.cache } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  const content = (overrides: Partial<OnssRegistrationContent> = {}): OnssRegistrationContent => ({
    niss: DEMO_NISS.workers[0],
    direction: 'IN',
    at: new Date(clock.now().getTime() - 60_000).toISOString(),
    employer: { enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.tenant },
    capacity: 'employee',
    workDeclarationNumber: DEMO_DECLARATION_NUMBERS.officeTower,
    position: { latitude: 50.8553, longitude: 4.3585 },
    ...overrides,
  });

  it('obtains a token with a signed assertion, and caches it', async () => {
    tokenRequests = 0;
    const onss = client();
    const first = await onss.token();
    expect(first).toEqual(expect.any(String));
    expect(await onss.token()).toBe(first);
    expect(tokenRequests).toBe(1);
  });

  it('renews the token shortly before it expires', async () => {
    tokenRequests = 0;
    const onss = client();
    await onss.token();
    clock.advance(3_600_000 - 30_000); // within the last minute of a one-hour token
    await onss.token();
    expect(tokenRequests).toBe(2);
  });

  it('renews once on 401 (token expired on the ONSS side) and goes on', async () => {
    const onss = client();
    await onss.registerInBulk([content()]);
    tokenRequests = 0;
    await simulator.admin('POST', '/admin/tokens/expire');
    const [result] = await onss.registerInBulk([content({ direction: 'OUT' })]);
    expect(result).toMatchObject({ created: true });
    expect(tokenRequests).toBe(1);
  });

  it('says the credentials are refused (connection problem) for an unknown key', async () => {
    const stranger = createOnssClient({
      clientId: 'nobody',
      privateKeyPem,
      endpoints: onssEndpoints('simulator', simulator.url),
      now: clock.now,
    });
    await expect(stranger.token()).rejects.toMatchObject({ kind: 'connection' });
  });

  it('maps mixed results item by item, in order', async () => {
    const results = await client().registerInBulk([
      content(),
      content({ niss: '12345678901' }),
      content({ workDeclarationNumber: DEMO_DECLARATION_NUMBERS.suspended }),
      content({ position: null }),
    ]);
    expect(results[0]).toMatchObject({ created: true, onssId: expect.any(String), validity: 'pending' });
    expect(results[1]).toMatchObject({
      created: false,
      reasons: [expect.objectContaining({ code: 'INVALID_SSIN' })],
    });
    expect(results[2]).toMatchObject({ created: false });
    expect(results[3]).toMatchObject({ created: false, reasons: [{ code: 'PLACE_OF_WORK_MISSING' }] });
    const { calls } = await simulator.admin<{ calls: { items: Record<string, unknown>[] }[] }>(
      'GET',
      '/admin/received',
    );
    expect(calls.at(-1)!.items[0]).toEqual({
      registrationDate: content().at,
      ssin: DEMO_NISS.workers[0],
      type: 'in',
      employer: { enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.tenant },
      placeOfWork: { coordinates: { latitude: 50.8553, longitude: 4.3585 } },
      contractualRelationshipReference: DEMO_DECLARATION_NUMBERS.officeTower,
    });
  });

  it('gets a registration with its validity history, searches and cancels', async () => {
    const onss = client();
    const [created] = await onss.registerInBulk([
      content({ at: new Date(clock.now().getTime() - 120_000).toISOString() }),
    ]);
    if (!created?.created) throw new Error('not created');
    clock.advance(1_000);
    const state = await onss.getRegistration(created.onssId);
    expect(state.validity).toBe('validated');
    expect(state.history.map((entry) => entry.validity)).toEqual(['pending', 'validated']);
    const found = await onss.search({ from: '2026-03-02', to: '2026-03-02', niss: DEMO_NISS.workers[0] });
    expect(found.items.map((item) => item.onssId)).toContain(created.onssId);
    const cancelled = await onss.cancel(created.onssId, 'PLANNING');
    expect(cancelled.validity).toBe('cancelled');
  });

  it('classifies 429 as retryable with its Retry-After, and 503 as retryable', async () => {
    const onss = client();
    await onss.token();
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      rateLimit: { next: 1, retryAfterSeconds: 7 },
    });
    const limited = await onss.registerInBulk([content()]).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(OnssCallError);
    expect(limited).toMatchObject({ kind: 'retryable', details: { status: 429, retryAfterMs: 7_000 } });

    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      errors: { next: 1, statuses: [503] },
    });
    await expect(onss.registerInBulk([content()])).rejects.toMatchObject({
      kind: 'retryable',
      details: { status: 503 },
    });
  });

  it('classifies a bad request as permanent', async () => {
    await expect(client().search({ from: 'not-a-date', to: 'x' })).rejects.toMatchObject({
      kind: 'permanent',
    });
  });

  it('gives up on a call that does not answer in time (retryable)', async () => {
    const onss = client({ timeoutMs: 300 });
    await onss.token();
    await simulator.admin('PUT', '/admin/faults', {
      appliesTo: 'presenceRegistration',
      timeout: { next: 1, hangMs: 2_000, when: 'before' },
    });
    await expect(onss.registerInBulk([content()])).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('classifies an unreachable ONSS as retryable', async () => {
    const onss = createOnssClient({
      clientId,
      privateKeyPem,
      endpoints: onssEndpoints('simulator', 'http://127.0.0.1:1'),
      now: clock.now,
    });
    await expect(onss.token()).rejects.toMatchObject({ kind: 'retryable' });
  });
});
