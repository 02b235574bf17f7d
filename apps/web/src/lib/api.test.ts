import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  api,
  isSessionEnded,
  parseProblem,
  queryString,
  readCsrfToken,
  setSessionEndedHandler,
} from './api';

const ok = z.object({ ok: z.boolean() });

function stubFetch(response: () => Response) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => response());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function problemResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionEndedHandler(undefined);
});

describe('readCsrfToken', () => {
  it('finds the ciao_csrf cookie among others', () => {
    expect(readCsrfToken('a=1; ciao_csrf=tok%3Den; b=2')).toBe('tok=en');
    expect(readCsrfToken('a=1')).toBeUndefined();
    expect(readCsrfToken('')).toBeUndefined();
  });
});

describe('api', () => {
  it('sends X-CSRF-Token from the cookie on every change, never on a read', async () => {
    vi.stubGlobal('document', { cookie: 'ciao_session=s; ciao_csrf=abc123' });
    const fetchMock = stubFetch(() => new Response(JSON.stringify({ ok: true })));

    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      await api[method]('/api/things', ok, { a: 1 });
    }
    await api.get('/api/things', ok);

    const sent = fetchMock.mock.calls.map(([, init]) => ({
      method: init.method,
      csrf: (init.headers as Record<string, string>)['X-CSRF-Token'],
    }));
    expect(sent).toEqual([
      { method: 'POST', csrf: 'abc123' },
      { method: 'PUT', csrf: 'abc123' },
      { method: 'PATCH', csrf: 'abc123' },
      { method: 'DELETE', csrf: 'abc123' },
      { method: 'GET', csrf: undefined },
    ]);
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ credentials: 'same-origin', body: '{"a":1}' });
  });

  it('parses a validation problem into per-field errors', async () => {
    stubFetch(() =>
      problemResponse(400, {
        type: 'urn:ciao:problem:validation-failed',
        title: 'Bad request',
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'The request has invalid fields: fix them and send it again.',
        errors: [{ path: 'login', code: 'DUPLICATE_LOGIN', message: 'is taken' }],
      }),
    );
    const error = await failureOf(api.post('/api/users', ok, {}));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.problem).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request has invalid fields: fix them and send it again.',
      errors: [{ path: 'login', code: 'DUPLICATE_LOGIN', message: 'is taken' }],
      retryAfterSeconds: undefined,
    });
  });

  it('takes the wait of TOO_MANY_ATTEMPTS from the body, else from Retry-After', () => {
    expect(parseProblem(429, { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 8 })?.retryAfterSeconds).toBe(8);
    expect(
      parseProblem(429, { code: 'TOO_MANY_ATTEMPTS' }, new Headers({ 'Retry-After': '16' }))
        ?.retryAfterSeconds,
    ).toBe(16);
  });

  it('has no problem when the error answer is not a problem document', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await failureOf(api.get('/api/things', ok));
    expect(error.status).toBe(502);
    expect(error.problem).toBeUndefined();
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await failureOf(api.get('/api/things', ok));
    expect(error.kind).toBe('network');
    expect(error.problem).toBeUndefined();
  });

  it('calls the session-ended handler on 401 SESSION_EXPIRED, unless told not to', async () => {
    const handler = vi.fn();
    setSessionEndedHandler(handler);
    stubFetch(() => problemResponse(401, { code: 'SESSION_EXPIRED', detail: 'Your session has ended.' }));

    const error = await failureOf(api.get('/api/users', ok));
    expect(isSessionEnded(error)).toBe(true);
    expect(handler).toHaveBeenCalledTimes(1);

    await failureOf(api.get('/api/auth/session', ok, { ignoreSessionEnd: true }));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not treat a wrong password (401 INVALID_CREDENTIALS) as an ended session', async () => {
    const handler = vi.fn();
    setSessionEndedHandler(handler);
    stubFetch(() => problemResponse(401, { code: 'INVALID_CREDENTIALS' }));
    const error = await failureOf(api.post('/api/auth/sign-in', ok, {}));
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(isSessionEnded(error)).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('queryString', () => {
  it('keeps only the defined, non-empty values', () => {
    expect(queryString({ q: 'an ne', page: 2, role: undefined, x: '' })).toBe('?q=an+ne&page=2');
    expect(queryString({})).toBe('');
  });
});
