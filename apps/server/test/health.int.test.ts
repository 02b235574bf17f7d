import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('health and meta', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  it('says the process is alive', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('announces the minimum agent app version', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/meta' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'ciao', minimumAgentAppVersion: '0.1.0' });
  });

  it('echoes a sane request id and makes one otherwise', async () => {
    const given = await subject.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'lb-1234abcd' },
    });
    expect(given.headers['x-request-id']).toBe('lb-1234abcd');
    const made = await subject.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const document = await subject.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(document.statusCode).toBe(200);
    const paths = Object.keys(document.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/health/live', '/health/ready', '/api/meta']));
    const ui = await subject.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('readiness without a database', () => {
  it('answers 503 with Retry-After once the database is gone, while liveness stays 200', async () => {
    const subject = await createTestApp();
    try {
      await subject.database.close();
      const ready = await subject.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toBe('5');
      expect(ready.json()).toEqual({ status: 'unavailable', checks: { database: 'unavailable' } });
      const live = await subject.app.inject({ method: 'GET', url: '/health/live' });
      expect(live.statusCode).toBe(200);
    } finally {
      await subject.close();
    }
  });
});
