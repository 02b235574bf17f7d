import { DomainError } from '@ciao/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from './support/test-app.js';

// Routes that exist only in this test, to drive the one error handler through each path.
function addProbeRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/probe/echo',
    {
      config: { access: 'public' },
      schema: {
        body: z.object({
          name: z.string().min(2),
          count: z.number().int().nonnegative(),
          address: z.object({ postCode: z.string().regex(/^\d{4}$/) }),
        }),
      },
    },
    async (request) => request.body,
  );
  typed.get('/api/probe/domain-error', { config: { access: 'public' } }, async () => {
    throw new DomainError('CONFLICT', 'This agent identifier is already used', {
      fieldErrors: [{ path: 'identifier', code: 'DUPLICATE', message: 'already used' }],
    });
  });
  typed.get('/api/probe/crash', { config: { access: 'public' } }, async () => {
    throw new Error('secret internal detail: password=hunter2 at /srv/app.js:12');
  });
  typed.get('/api/probe/database-down', { config: { access: 'public' } }, async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
}

describe('errors are problem+json documents', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp({ extend: addProbeRoutes });
  });
  afterAll(async () => {
    await subject.close();
  });

  it('lists every invalid field with its path', async () => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: 'x', count: -1, address: { postCode: '10' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      type: 'urn:ciao:problem:validation-failed',
    });
    const paths = body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['address.postCode', 'count', 'name']);
    expect(body.requestId).toBe(response.headers['x-request-id']);
  });

  it('refuses a malformed JSON body with 400, not 500', async () => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), count: 1, address: { postCode: '1000' } }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
  });

  it('refuses an unsupported media type with 415', async () => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps a DomainError code to its status and keeps its field errors', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/probe/domain-error' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'CONFLICT',
      detail: 'This agent identifier is already used',
      errors: [{ path: 'identifier', code: 'DUPLICATE' }],
    });
  });

  it('never leaks internals on a 500', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/probe/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('/srv/app.js');
    expect(response.json()).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(response.json().detail).toContain(response.headers['x-request-id']);
  });

  it('answers 503 with Retry-After when the database cannot be reached', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/probe/database-down' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json().code).toBe('DATABASE_UNAVAILABLE');
  });

  it('answers an unknown API route with a 404 problem, never the web app', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/nothing-here?niss=85073003328' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', instance: '/api/nothing-here' });
  });

  it('refuses to start with an API route that declares no access rule', async () => {
    await expect(
      createTestApp({
        extend: (app) => {
          app.get('/api/probe/undeclared', async () => ({}));
        },
      }),
    ).rejects.toThrow(/no config.access rule/);
  });
});
