import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { RequestError, fetchJson } from './fetch-json';

const schema = z.object({ status: z.enum(['ok', 'unavailable']) });

function respondWith(body: unknown, status = 200) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

async function failureOf(promise: Promise<unknown>): Promise<RequestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RequestError)) throw new Error(`expected a RequestError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('returns the validated body', async () => {
    respondWith({ status: 'ok', extra: 1 });
    await expect(fetchJson('/health/ready', schema)).resolves.toEqual({
      status: 200,
      data: { status: 'ok' },
    });
  });

  it('accepts a listed non-2xx status with a valid body', async () => {
    respondWith({ status: 'unavailable' }, 503);
    const { status, data } = await fetchJson('/health/ready', schema, { acceptStatuses: [503] });
    expect(status).toBe(503);
    expect(data.status).toBe('unavailable');
  });

  it('reports other statuses as http errors', async () => {
    respondWith({ status: 'unavailable' }, 502);
    const error = await failureOf(fetchJson('/health/ready', schema, { acceptStatuses: [503] }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
  });

  it('reports a body that does not match the schema', async () => {
    respondWith({ status: 'maybe' });
    expect((await failureOf(fetchJson('/health/ready', schema))).kind).toBe('invalid-response');
  });

  it('reports a network failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect((await failureOf(fetchJson('/health/ready', schema))).kind).toBe('network');
  });

  it('gives up after the timeout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      ),
    );
    expect((await failureOf(fetchJson('/health/ready', schema, { timeoutMs: 20 }))).kind).toBe('timeout');
  });

  it("passes the caller's abort through untouched", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          }),
      ),
    );
    const caller = new AbortController();
    const pending = fetchJson('/health/ready', schema, { signal: caller.signal });
    caller.abort(new Error('query cancelled'));
    await expect(pending).rejects.toThrow('query cancelled');
  });
});
