import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, onssConnections } from '../src/db/schema/index.js';
import { createTenant, webSessionFor } from './support/factories.js';
import { startTestSimulator, type TestSimulator } from './support/onss-simulator.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

describe('the company’s ONSS connection', () => {
  let subject: TestApp;
  let simulator: TestSimulator;
  beforeAll(async () => {
    subject = await createTestApp();
    simulator = await startTestSimulator();
    subject.app.ctx.onss.simulatorUrl = simulator.url;
  });
  afterAll(async () => {
    await simulator.close();
    await subject.close();
  });

  const admin = async () => {
    const tenant = await createTenant(subject.app.ctx.db);
    const { session } = await webSessionFor(subject.app, tenant.id, 'ADMIN');
    const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
      asUser(subject.app, session, {
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    return { tenant, session, call };
  };

  it('stores the key sealed, shows only its fingerprint, and tests the connection with a token', async () => {
    const { tenant, call } = await admin();
    const clientId = `client-${tenant.code}`;
    const keys = await simulator.registerClient(clientId);

    const empty = await call('GET', '/api/company/onss-connection');
    expect(empty.json()).toMatchObject({ clientId: null, hasPrivateKey: false, lastTestOk: null });

    const saved = await call('PUT', '/api/company/onss-connection', {
      environment: 'simulator',
      clientId,
      privateKeyPem: keys.privateKeyPem,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      environment: 'simulator',
      clientId,
      hasPrivateKey: true,
      publicKeyFingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(saved.body).not.toContain('PRIVATE KEY');
    const [row] = await subject.app.ctx.db
      .select()
      .from(onssConnections)
      .where(eq(onssConnections.tenantId, tenant.id));
    expect(row!.privateKeyEncrypted!.toString('utf8')).not.toContain('PRIVATE KEY');
    const audit = await subject.app.ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
    expect(JSON.stringify(audit)).not.toContain('PRIVATE KEY');
    expect(audit.map((entry) => entry.action)).toContain('onss_connection.updated');

    const tested = await call('POST', '/api/company/onss-connection/test');
    expect(tested.json()).toMatchObject({ ok: true, reason: null });
    expect((await call('GET', '/api/company/onss-connection')).json()).toMatchObject({
      lastTestOk: true,
      lastTestResult: 'ok',
    });

    // Same client id, another key: ONSS refuses it, and the test says so.
    await simulator.registerClient(clientId);
    const refused = await call('POST', '/api/company/onss-connection/test');
    expect(refused.json()).toMatchObject({ ok: false, reason: expect.stringContaining('refused') });
  });

  it('refuses what is not an RSA private key, saying which field', async () => {
    const { call } = await admin();
    const response = await call('PUT', '/api/company/onss-connection', {
      environment: 'onss-production',
      clientId: 'x',
      privateKeyPem: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'privateKeyPem', code: 'PRIVATE_KEY_INVALID' });
  });

  it('answers a test without connection with the reason', async () => {
    const { call } = await admin();
    const response = await call('POST', '/api/company/onss-connection/test');
    expect(response.json()).toMatchObject({
      ok: false,
      reason: expect.stringContaining('client id and private key'),
    });
  });
});
