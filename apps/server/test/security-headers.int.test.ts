import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('security headers', () => {
  let plain: TestApp;
  let behindHttps: TestApp;
  beforeAll(async () => {
    [plain, behindHttps] = await Promise.all([
      createTestApp(),
      createTestApp({
        config: {
          publicUrl: 'https://ciao.example.be',
          sessions: { idleMinutes: 60, absoluteHours: 12, secureCookies: true },
        },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain.close(), behindHttps.close()]);
  });

  it('forbids inline scripts and styles, framing and sniffing on every answer, errors included', async () => {
    for (const url of ['/health/live', '/api/session', '/api/does-not-exist']) {
      const response = await plain.app.inject({ method: 'GET', url });
      const policy = response.headers['content-security-policy'] as string;
      expect(policy, url).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin',
      });
      expect(response.headers['permissions-policy']).toContain('geolocation=(self)');
    }
  });

  it('sends HSTS only when ciao is served over HTTPS', async () => {
    const overHttp = await plain.app.inject({ method: 'GET', url: '/health/live' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    const overHttps = await behindHttps.app.inject({ method: 'GET', url: '/health/live' });
    expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('lets the API documentation page style itself inline, its scripts as strict as everywhere', async () => {
    const response = await plain.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger-ui');
    const policy = response.headers['content-security-policy'] as string;
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self';");
  });
});
