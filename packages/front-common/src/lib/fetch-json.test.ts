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

describe('fetchJson sending a body', () => {
  it('sends the method, the JSON body and the extra headers, same-origin', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ status: 'ok' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await fetchJson('/api/things', schema, {
      method: 'POST',
      body: { name: 'x' },
      headers: { 'X-CSRF-Token': 'abc' },
    });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/things',
      expect.objectContaining({
        method: 'POST',
        body: '{"name":"x"}',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'X-CSRF-Token': 'abc',
        },
      }),
    );
  });

  it('validates a 204 answer as null', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(fetchJson('/api/things', z.null(), { method: 'DELETE' })).resolves.toEqual({
      status: 204,
      data: null,
    });
  });

  it('keeps the body and headers of an error answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ code: 'TOO_MANY_ATTEMPTS' }), {
            status: 429,
            headers: { 'Retry-After': '8' },
          }),
      ),
    );
    const error = await failureOf(fetchJson('/api/auth/sign-in', schema, { method: 'POST', body: {} }));
    expect(error.kind).toBe('http');
    expect(error.body).toEqual({ code: 'TOO_MANY_ATTEMPTS' });
    expect(error.headers?.get('retry-after')).toBe('8');
  });
});
