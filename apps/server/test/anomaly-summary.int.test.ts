import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, anomalies, tenants } from '../src/db/schema/index.js';
import { webSessionFor } from './support/factories.js';
import { createTenantWorld, type TenantWorld } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

describe('GET /api/anomalies/summary', () => {
  let subject: TestApp;
  let world: TenantWorld;
  let other: TenantWorld;

  async function open(
    target: TenantWorld,
    type: string,
    openedAt: string,
    status = 'open',
    agentId: string | null = target.fieldAgentId,
  ) {
    await subject.app.ctx.db.insert(anomalies).values({
      tenantId: target.tenant.id,
      type,
      dedupeKey: `${type}:${randomUUID()}`,
      status,
      agentId,
      siteId: target.siteId,
      details: {},
      openedAt: new Date(openedAt),
    });
  }
  const summary = async (query: string) => {
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    const response = await asUser(subject.app, session, {
      method: 'GET',
      url: `/api/anomalies/summary${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    subject = await createTestApp();
    world = await createTenantWorld(subject.app);
    other = await createTenantWorld(subject.app);
    await subject.app.ctx.db
      .update(tenants)
      .set({ timeZone: 'Europe/Brussels' })
      .where(eq(tenants.id, world.tenant.id));
    // Monday 2 March 2026 00:30 in Brussels is still Sunday 1 March (week 9) in UTC.
    await open(world, 'NO_SHOW', '2026-03-01T23:30:00Z');
    await open(world, 'NO_SHOW', '2026-03-02T09:00:00Z', 'acknowledged');
    await open(world, 'LATE_SYNC', '2026-02-25T09:00:00Z', 'resolved');
    await open(world, 'MISSED_DEPARTURE', '2026-02-26T09:00:00Z', 'open', world.restrictedAgentId);
    await open(world, 'ONSS_REFUSED', '2025-12-01T09:00:00Z');
    await open(other, 'NO_SHOW', '2026-03-02T09:00:00Z');
  });
  afterAll(async () => {
    await subject.close();
  });

  it('counts the unresolved anomalies per type, site and agent, whenever they were opened', async () => {
    const { unresolved } = await summary('?from=2026-02-23T00:00:00Z&to=2026-03-08T00:00:00Z');
    expect(unresolved.total).toBe(4);
    expect(unresolved.byType).toEqual([
      { type: 'NO_SHOW', count: 2 },
      { type: 'MISSED_DEPARTURE', count: 1 },
      { type: 'ONSS_REFUSED', count: 1 },
    ]);
    expect(unresolved.bySite).toEqual([{ id: world.siteId, name: expect.any(String), count: 4 }]);
    const [fieldAgent] = await subject.app.ctx.db
      .select()
      .from(agents)
      .where(eq(agents.id, world.fieldAgentId));
    expect(unresolved.byAgent).toEqual([
      { id: world.fieldAgentId, name: `${fieldAgent!.firstName} ${fieldAgent!.lastName}`, count: 3 },
      { id: world.restrictedAgentId, name: expect.any(String), count: 1 },
    ]);
  });

  it('counts the anomalies opened in the period per ISO week of the company and type', async () => {
    const { weekly, from, to } = await summary('?from=2026-02-23T00:00:00Z&to=2026-03-08T00:00:00Z');
    expect({ from, to }).toEqual({ from: '2026-02-23T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' });
    expect(weekly).toEqual([
      { week: '2026-W09', type: 'LATE_SYNC', count: 1 },
      { week: '2026-W09', type: 'MISSED_DEPARTURE', count: 1 },
      { week: '2026-W10', type: 'NO_SHOW', count: 2 },
    ]);
  });

  it('covers the last 8 weeks by default and refuses a period backwards', async () => {
    const { from, to } = await summary('');
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(56 * 86_400_000);
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const response = await asUser(subject.app, session, {
      method: 'GET',
      url: '/api/anomalies/summary?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
