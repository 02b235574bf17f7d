import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createdId, createHarness, validItem, type Harness, type RegisterAnswer } from './test-harness.js';
import { PATHS } from './wire.js';

let listening: Harness | undefined;
afterEach(async () => {
  await listening?.app.close();
  listening = undefined;
});

describe('faults on demand', () => {
  it('adds latency to ONSS routes but not to the admin API', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    await onss.admin('PUT', '/admin/faults', { latencyMs: 150 });

    let started = performance.now();
    expect((await onss.register([validItem()], token)).statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);

    started = performance.now();
    await onss.admin('GET', '/admin/received');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('answers 500 and 503 at the configured rate, reproducibly with a seed, without processing', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    const run = async () => {
      await onss.admin('PUT', '/admin/faults', {
        errors: { rate: 0.5 },
        seed: 7,
        appliesTo: 'presenceRegistration',
      });
      const statuses: number[] = [];
      for (let minute = 0; minute < 40; minute += 1) {
        const registrationDate = new Date(Date.parse('2026-03-02T06:00:00Z') + minute * 60_000).toISOString();
        const response = await onss.register([validItem({ registrationDate })], token);
        statuses.push(response.statusCode);
        if (response.statusCode !== 200) {
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(response.json().status).toBe(response.statusCode);
        }
      }
      return statuses;
    };

    const first = await run();
    const failures = first.filter((status) => status !== 200);
    expect(failures.length).toBeGreaterThan(8);
    expect(failures.length).toBeLessThan(32);
    expect(new Set(failures)).toEqual(new Set([500, 503]));
    const created = (await onss.admin('GET', '/admin/registrations')).json().registrations;
    expect(created).toHaveLength(first.length - failures.length);

    // The same seed replays the same sequence of faults.
    expect(await run()).toEqual(first);
  });

  it('answers 429 with Retry-After for the next N requests, then serves again', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    await onss.admin('PUT', '/admin/faults', { rateLimit: { next: 2, retryAfterSeconds: 7 } });

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const limited = await onss.register([validItem()], token);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('7');
      expect(limited.json().type).toBe('urn:problem-type:belgif:tooManyRequests');
    }
    expect((await onss.register([validItem()], token)).statusCode).toBe(200);
  });

  it('expires every current token on demand, while new tokens work', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    const set = await onss.admin('PUT', '/admin/faults', { expireTokens: true });
    expect(set.json().expiredTokens).toBe(1);

    const refused = await onss.register([validItem()], token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().type).toBe('urn:problem-type:belgif:expiredAccessToken');
    expect((await onss.register([validItem()])).statusCode).toBe(200);

    const fresh = await onss.token();
    expect((await onss.admin('POST', '/admin/tokens/expire')).json()).toEqual({ expiredTokens: 1 + 1 });
    expect((await onss.register([validItem({ type: 'out' })], fresh)).statusCode).toBe(401);
  });

  it('answers 503 with Retry-After during a maintenance window, token endpoint included', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    await onss.admin('PUT', '/admin/faults', { maintenance: { until: '2026-03-02T09:30:00Z' } });

    const during = await onss.register([validItem()], token);
    expect(during.statusCode).toBe(503);
    expect(during.headers['retry-after']).toBe('1800');
    expect(during.json()).toMatchObject({ type: 'urn:problem-type:belgif:serviceUnavailable', status: 503 });
    await expect(onss.token()).rejects.toThrow(/token refused/);
    expect((await onss.admin('GET', '/health')).statusCode).toBe(200);

    onss.clock.advance(30 * 60_000);
    expect((await onss.register([validItem()], await onss.token())).statusCode).toBe(200);
  });

  it('hangs then drops the connection, before or after processing the call', async () => {
    listening = await createHarness();
    const onss = listening;
    await onss.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(onss.app.server.address() as AddressInfo).port}`;
    const token = await onss.token();
    const send = (item: Record<string, unknown>) =>
      fetch(`${base}${PATHS.registerInBulk}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items: [item] }),
      });

    await onss.admin('PUT', '/admin/faults', { timeout: { next: 1, hangMs: 100, when: 'before' } });
    const started = performance.now();
    await expect(send(validItem())).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);

    await onss.admin('PUT', '/admin/faults', { timeout: { next: 1, hangMs: 50, when: 'after' } });
    await expect(send(validItem({ type: 'out' }))).rejects.toThrow();

    const answered = (await (
      await send(validItem({ registrationDate: '2026-03-02T08:00:00Z' }))
    ).json()) as RegisterAnswer;
    expect(createdId(answered)).toBeGreaterThan(0);

    const calls = (await onss.admin('GET', '/admin/received')).json().calls;
    expect(
      calls.map((call: { fault?: string; processed: boolean; httpStatus: number }) => [
        call.fault,
        call.processed,
        call.httpStatus,
      ]),
    ).toEqual([
      ['timeout-before', false, 0],
      ['timeout-after', true, 200],
      [undefined, true, 200],
    ]);
    // The dropped-after call created its registration although the client never saw the id.
    const types = (await onss.admin('GET', '/admin/registrations'))
      .json()
      .registrations.map((r: { type: string }) => r.type);
    expect(types).toEqual(['out', 'in']);
  });

  it('limits faults to the routes they apply to', async () => {
    const onss = await createHarness();
    await onss.admin('PUT', '/admin/faults', { errors: { rate: 1, statuses: [503] }, appliesTo: 'token' });
    await expect(onss.token()).rejects.toThrow(/token refused/);
    await onss.admin('PUT', '/admin/faults', {
      errors: { rate: 1, statuses: [503] },
      appliesTo: 'presenceRegistration',
    });
    const token = await onss.token();
    expect((await onss.register([validItem()], token)).statusCode).toBe(503);
    await onss.admin('DELETE', '/admin/faults');
    expect((await onss.register([validItem()], token)).statusCode).toBe(200);
  });
});
