import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onssRegistrations } from '../src/db/schema/index.js';
import { webSessionFor } from './support/factories.js';
import { createTenantWorld, type TenantWorld } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

describe('GET /api/onss-registrations/summary', () => {
  let subject: TestApp;
  let world: TenantWorld;
  let other: TenantWorld;

  async function insert(
    target: TenantWorld,
    status: string,
    minutesAgo: number,
    followUpStatus: string | null = null,
  ) {
    await subject.app.ctx.db.insert(onssRegistrations).values({
      tenantId: target.tenant.id,
      clockEventId: randomUUID(),
      agentId: target.fieldAgentId,
      siteId: target.siteId,
      direction: 'IN',
      registrationTime: new Date(subject.clock.now().getTime() - minutesAgo * 60_000),
      payload: {},
      status,
      followUpStatus,
    });
  }
  const summary = async (query = '') => {
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'INSPECTOR');
    const response = await asUser(subject.app, session, {
      method: 'GET',
      url: `/api/onss-registrations/summary${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    subject = await createTestApp();
    world = await createTenantWorld(subject.app);
    other = await createTenantWorld(subject.app);
    await insert(world, 'validated', 60);
    await insert(world, 'validated', 50, 'resolved');
    await insert(world, 'refused', 40, 'to_check');
    await insert(world, 'refused', 30, 'correction_requested');
    await insert(world, 'needs_attention', 20, 'in_progress');
    await insert(world, 'send_failing', 10);
    // Not late yet: ONSS has 5 minutes.
    await insert(world, 'to_send', 2);
    await insert(world, 'to_send', 60 * 24 * 3);
    // Another company's registrations are never counted.
    await insert(other, 'refused', 30);
    await insert(other, 'needs_attention', 30);
  });
  afterAll(async () => {
    await subject.close();
  });

  it('counts per status, per follow-up status, the late and those needing attention', async () => {
    expect(await summary()).toEqual({
      total: 8,
      byStatus: { validated: 2, refused: 2, needs_attention: 1, send_failing: 1, to_send: 2 },
      byFollowUpStatus: { none: 4, resolved: 1, to_check: 1, correction_requested: 1, in_progress: 1 },
      late: 3,
      needsAttention: 1,
      refused: 2,
    });
  });

  it('counts only the period asked for', async () => {
    const from = new Date(subject.clock.now().getTime() - 45 * 60_000).toISOString();
    const to = new Date(subject.clock.now().getTime() - 15 * 60_000).toISOString();
    const counted = await summary(`?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(counted).toMatchObject({ total: 3, byStatus: { refused: 2, needs_attention: 1 }, late: 1 });
  });

  it('refuses a period that ends before it starts, in a problem document', async () => {
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const response = await asUser(subject.app, session, {
      method: 'GET',
      url: '/api/onss-registrations/summary?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
