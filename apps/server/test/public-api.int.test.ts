import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiKeys, auditLog, clients } from '../src/db/schema/index.js';
import { API_KEY_REQUESTS_PER_MINUTE } from '../src/http/api-key-rate-limit.js';
import { SYNC_OVERLAP_MS } from '../src/features/public-api/sync-cursor.js';
import { createTenantWorld, sessionFor, type TenantWorld } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

const v1 = '/api/v1';

describe('public API and API keys', () => {
  let subject: TestApp;
  let app: FastifyInstance;
  let own: TenantWorld;
  let other: TenantWorld;
  let admin: WebSession;

  beforeAll(async () => {
    subject = await createTestApp();
    app = subject.app;
    own = await createTenantWorld(app);
    other = await createTenantWorld(app);
    admin = await sessionFor(app, own, 'ADMIN');
  });
  afterAll(async () => {
    await subject.close();
  });

  async function newKey(
    scopes: ('read' | 'write')[],
    options: { session?: WebSession; expiresAt?: string; name?: string } = {},
  ) {
    // A fresh session each time: tests move the clock past the idle timeout.
    const response = await asUser(app, options.session ?? (await sessionFor(app, own, 'ADMIN')), {
      method: 'POST',
      url: '/api/api-keys',
      payload: {
        name: options.name ?? `Key ${randomUUID().slice(0, 8)}`,
        scopes,
        expiresAt: options.expiresAt,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as {
      key: string;
      apiKey: { id: string; prefix: string; lastUsedAt: string | null };
    };
  }

  const withKey = (key: string, options: InjectOptions) =>
    app.inject({ ...options, headers: { authorization: `Bearer ${key}`, ...(options.headers ?? {}) } });

  describe('keys', () => {
    it('shows the key once, lists only its prefix, and audits its creation and revocation', async () => {
      const created = await newKey(['read'], { name: 'Payroll export' });
      expect(created.key).toMatch(new RegExp(`^ciao_${created.apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
      const [stored] = await app.ctx.db.select().from(apiKeys).where(eq(apiKeys.id, created.apiKey.id));
      expect(stored!.keyHash).not.toContain(created.key);

      const list = await asUser(app, admin, { method: 'GET', url: '/api/api-keys' });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(created.key);
      expect(list.body).not.toMatch(/keyHash/);
      const listed = (list.json() as { items: { id: string; prefix: string; status: string }[] }).items;
      expect(listed.find((item) => item.id === created.apiKey.id)).toMatchObject({
        prefix: created.apiKey.prefix,
        status: 'active',
      });

      const revoked = await asUser(app, admin, {
        method: 'POST',
        url: `/api/api-keys/${created.apiKey.id}/revoke`,
      });
      expect(revoked.json()).toMatchObject({ status: 'revoked' });
      const audit = await app.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, own.tenant.id), eq(auditLog.entityId, created.apiKey.id)));
      expect(audit.map((row) => row.action).sort()).toEqual(['apiKey.created', 'apiKey.revoked']);
      expect(JSON.stringify(audit)).not.toContain(created.key);
    });

    it('is managed by administrators only', async () => {
      const manager = await sessionFor(app, own, 'ADMIN_MANAGER');
      const response = await asUser(app, manager, {
        method: 'POST',
        url: '/api/api-keys',
        payload: { name: 'Nope', scopes: ['read'] },
      });
      expect(response.statusCode).toBe(403);
    });

    it('refuses a missing, malformed, unknown or forged key with 401 problem+json', async () => {
      const { key } = await newKey(['read']);
      const forged = `${key.slice(0, -4)}AAAA`;
      const unknown = `ciao_00000000_${'A'.repeat(43)}`;
      for (const authorization of [undefined, 'Bearer nope', `Bearer ${unknown}`, `Bearer ${forged}`, key]) {
        const response = await app.inject({
          method: 'GET',
          url: `${v1}/clients`,
          headers: authorization ? { authorization } : {},
        });
        expect(response.statusCode, authorization).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code: 'API_KEY_INVALID' });
      }
    });

    it('does not open /api/v1 to a back-office session, nor the back-office to a key', async () => {
      const { key } = await newKey(['read', 'write']);
      const bySession = await asUser(app, admin, { method: 'GET', url: `${v1}/clients` });
      expect(bySession.statusCode).toBe(401);
      const byKey = await withKey(key, { method: 'GET', url: '/api/clients' });
      expect(byKey.statusCode).toBe(401);
    });

    it('enforces scopes: read reads, write writes (and reads)', async () => {
      const reader = await newKey(['read']);
      const writer = await newKey(['write']);
      expect((await withKey(reader.key, { method: 'GET', url: `${v1}/clients` })).statusCode).toBe(200);
      const refused = await withKey(reader.key, {
        method: 'POST',
        url: `${v1}/clients`,
        payload: { name: 'Refused' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'API_SCOPE_MISSING' });
      expect((await withKey(writer.key, { method: 'GET', url: `${v1}/clients` })).statusCode).toBe(200);
      const created = await withKey(writer.key, {
        method: 'POST',
        url: `${v1}/clients`,
        payload: { name: 'Made by the ERP', enterpriseNumber: 'BE 0203.201.340' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const client = created.json() as { id: string; enterpriseNumber: string };
      expect(client.enterpriseNumber).toBe('0203201340');
      const [audit] = await app.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, client.id), eq(auditLog.action, 'client.created')));
      expect(audit).toMatchObject({
        actorType: 'api_key',
        actorId: writer.apiKey.id,
        tenantId: own.tenant.id,
      });
    });

    it('refuses a revoked key and an expired one', async () => {
      const revoked = await newKey(['read']);
      await asUser(app, admin, { method: 'POST', url: `/api/api-keys/${revoked.apiKey.id}/revoke` });
      const afterRevocation = await withKey(revoked.key, { method: 'GET', url: `${v1}/clients` });
      expect(afterRevocation.statusCode).toBe(401);
      expect(afterRevocation.json()).toMatchObject({ code: 'API_KEY_REVOKED' });

      const expiring = await newKey(['read'], {
        expiresAt: new Date(app.ctx.now().getTime() + 3_600_000).toISOString(),
      });
      expect((await withKey(expiring.key, { method: 'GET', url: `${v1}/clients` })).statusCode).toBe(200);
      subject.clock.advance(3_600_000);
      const expired = await withKey(expiring.key, { method: 'GET', url: `${v1}/clients` });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'API_KEY_EXPIRED' });

      const past = await asUser(app, await sessionFor(app, own, 'ADMIN'), {
        method: 'POST',
        url: '/api/api-keys',
        payload: { name: 'Past', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' },
      });
      expect(past.statusCode).toBe(400);
    });

    it('records the last use, at most once a minute', async () => {
      const { key, apiKey } = await newKey(['read']);
      const lastUsed = async () =>
        (await app.ctx.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0]!.lastUsedAt;
      expect(await lastUsed()).toBeNull();
      await withKey(key, { method: 'GET', url: `${v1}/clients` });
      const first = await lastUsed();
      expect(first).not.toBeNull();
      subject.clock.advance(30_000);
      await withKey(key, { method: 'GET', url: `${v1}/clients` });
      expect(await lastUsed()).toEqual(first);
      subject.clock.advance(31_000);
      await withKey(key, { method: 'GET', url: `${v1}/clients` });
      expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime());
    });

    it('limits each key to 600 requests a minute, then 429 with Retry-After', async () => {
      const limited = await newKey(['read']);
      const unaffected = await newKey(['read']);
      const request = { method: 'GET' as const, url: `${v1}/clients/${own.clientId}` };
      // Start at the beginning of a minute so that the window does not roll over mid-test.
      const now = app.ctx.now().getTime();
      subject.clock.advance(60_000 - (now % 60_000));
      for (let made = 0; made < API_KEY_REQUESTS_PER_MINUTE; made += 1) {
        const response = await withKey(limited.key, request);
        if (response.statusCode !== 200) throw new Error(`request ${made + 1}: ${response.statusCode}`);
      }
      subject.clock.advance(15_000);
      const refused = await withKey(limited.key, request);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('45');
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await withKey(unaffected.key, request)).statusCode).toBe(200);
      subject.clock.advance(45_000);
      expect((await withKey(limited.key, request)).statusCode).toBe(200);
    });
  });

  describe('resources', () => {
    let reader: string;
    let writer: string;
    beforeAll(async () => {
      reader = (await newKey(['read'])).key;
      writer = (await newKey(['write'])).key;
    });

    it("answers 404 for another company's objects, and lists only its own", async () => {
      const paths = [
        `agents/${other.fieldAgentId}`,
        `clients/${other.clientId}`,
        `sites/${other.siteId}`,
        `tasks/${other.taskId}`,
        `registrations/${randomUUID()}`,
        `work-sessions/${randomUUID()}`,
        `onss-statuses/${randomUUID()}`,
        `anomalies/${randomUUID()}`,
      ];
      for (const path of paths) {
        const response = await withKey(reader, { method: 'GET', url: `${v1}/${path}` });
        expect(response.statusCode, path).toBe(404);
        expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
      }
      const patch = await withKey(writer, {
        method: 'PATCH',
        url: `${v1}/clients/${other.clientId}`,
        payload: { name: 'Hijacked' },
      });
      expect(patch.statusCode).toBe(404);
      for (const list of ['agents', 'clients', 'sites', 'tasks']) {
        const response = await withKey(reader, { method: 'GET', url: `${v1}/${list}?limit=500` });
        expect(response.statusCode).toBe(200);
        const ids = (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids).not.toContain(other.clientId);
        expect(ids).not.toContain(other.siteId);
        expect(ids).not.toContain(other.taskId);
        expect(ids).not.toContain(other.fieldAgentId);
      }
    });

    it('creates and changes agents, sites and tasks through the back-office use-cases', async () => {
      const agent = await withKey(writer, {
        method: 'POST',
        url: `${v1}/agents`,
        payload: {
          identifier: `API${Date.now() % 100000}`,
          firstName: 'Anne',
          lastName: 'Peeters',
          niss: '85073003328',
        },
      });
      expect(agent.statusCode, agent.body).toBe(201);
      expect(agent.json()).toMatchObject({ firstName: 'Anne', hasNiss: true });
      expect(agent.body).not.toContain('85073003328');
      const restricted = await withKey(writer, {
        method: 'POST',
        url: `${v1}/agents`,
        payload: { identifier: `ADM${Date.now() % 100000}`, firstName: 'A', lastName: 'B', agentType: 'ADM' },
      });
      expect(restricted.statusCode).toBe(403);

      const site = await withKey(writer, {
        method: 'POST',
        url: `${v1}/sites`,
        payload: { clientId: own.clientId, name: 'API site', latitude: 50.8, longitude: 4.3 },
      });
      expect(site.statusCode, site.body).toBe(201);
      const siteId = (site.json() as { id: string }).id;
      const task = await withKey(writer, {
        method: 'POST',
        url: `${v1}/tasks`,
        payload: { siteId, name: 'Evening', schedule: [{ weekday: 2, start: '18:00', end: '20:00' }] },
      });
      expect(task.statusCode, task.body).toBe(201);
      const taskId = (task.json() as { id: string }).id;
      const changed = await withKey(writer, {
        method: 'PATCH',
        url: `${v1}/tasks/${taskId}`,
        payload: { active: false },
      });
      expect(changed.json()).toMatchObject({ id: taskId, active: false, siteId });
      const invalid = await withKey(writer, {
        method: 'POST',
        url: `${v1}/sites`,
        payload: { clientId: own.clientId, name: 'Half', latitude: 50.8 },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.headers['content-type']).toContain('application/problem+json');
    });

    it('pages with an opaque cursor, each row once, and refuses a bad cursor or limit', async () => {
      const world = await createTenantWorld(app);
      const key = await keyOf(world);
      for (let index = 0; index < 24; index += 1) {
        await app.ctx.db.insert(clients).values({ tenantId: world.tenant.id, name: `Client ${index}` });
      }
      const seen = await syncAll(key, 'clients', { limit: 10 });
      expect(seen.pages).toBe(3);
      expect(seen.ids.length).toBe(25);
      expect(new Set(seen.ids).size).toBe(25);

      const bad = await withKey(key, { method: 'GET', url: `${v1}/clients?cursor=garbage` });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'CURSOR_INVALID' });
      const first = await withKey(key, { method: 'GET', url: `${v1}/clients?limit=1` });
      const cursor = (first.json() as { nextCursor: string }).nextCursor;
      const wrongList = await withKey(key, { method: 'GET', url: `${v1}/sites?cursor=${cursor}` });
      expect(wrongList.json()).toMatchObject({ code: 'CURSOR_INVALID' });
      expect((await withKey(key, { method: 'GET', url: `${v1}/clients?limit=501` })).statusCode).toBe(400);
    });

    it('keeps microsecond order: rows stamped within one millisecond are neither repeated nor skipped', async () => {
      const world = await createTenantWorld(app);
      const key = await keyOf(world);
      for (const micros of ['000100', '000200', '000300', '000900', '000950']) {
        await app.ctx.db.insert(clients).values({
          tenantId: world.tenant.id,
          name: `Same ms ${micros}`,
          updatedAt: sql`${`2026-11-29T08:00:00.${micros}Z`}::timestamptz` as unknown as Date,
        });
      }
      const seen = await syncAll(key, 'clients', { limit: 1 });
      expect(seen.ids.length).toBe(6);
      expect(new Set(seen.ids).size).toBe(6);
    });

    it('syncs incrementally without losing a row stamped before a run but committed after it', async () => {
      const world = await createTenantWorld(app);
      const key = await keyOf(world);
      const admin = await sessionFor(app, world, 'ADMIN');
      const firstRun = await syncAll(key, 'clients', {});
      expect(firstRun.ids).toEqual([world.clientId]);

      // A write stamped one minute before the first run read, whose transaction commits only now:
      // exactly what a slow transaction does (the stamp is taken before the commit).
      subject.clock.advance(-60_000);
      const late = await asUser(app, admin, {
        method: 'POST',
        url: '/api/clients',
        payload: { name: 'Committed late' },
      });
      subject.clock.advance(60_000);
      const lateId = (late.json() as { id: string }).id;
      // Changed during the next run too: a row moves to the end of the run instead of being lost.
      subject.clock.advance(1_000);
      await asUser(app, admin, {
        method: 'PATCH',
        url: `/api/clients/${world.clientId}`,
        payload: { reference: 'R1' },
      });

      const secondRun = await syncAll(key, 'clients', { since: firstRun.watermark });
      expect(secondRun.ids).toContain(lateId);
      expect(secondRun.ids).toContain(world.clientId);
      expect(new Date(firstRun.watermark).getTime()).toBe(firstRun.startedAt - SYNC_OVERLAP_MS);

      // Nothing changed since: a third run gets again what the overlap window covers (upserted by
      // the client), and once the window has passed, a fourth gets nothing.
      subject.clock.advance(SYNC_OVERLAP_MS + 1_000);
      const thirdRun = await syncAll(key, 'clients', { since: secondRun.watermark });
      expect(thirdRun.ids.sort()).toEqual([lateId, world.clientId].sort());
      const fourthRun = await syncAll(key, 'clients', { since: thirdRun.watermark });
      expect(fourthRun.ids).toEqual([]);
    });

    it('sees a row changed during a run at the end of that run', async () => {
      const world = await createTenantWorld(app);
      const key = await keyOf(world);
      const admin = await sessionFor(app, world, 'ADMIN');
      for (let index = 0; index < 4; index += 1) {
        subject.clock.advance(10);
        await asUser(app, admin, { method: 'POST', url: '/api/clients', payload: { name: `C${index}` } });
      }
      const first = await withKey(key, { method: 'GET', url: `${v1}/clients?limit=2` });
      const page = first.json() as { items: { id: string }[]; nextCursor: string };
      subject.clock.advance(10);
      await asUser(app, admin, {
        method: 'PATCH',
        url: `/api/clients/${page.items[0]!.id}`,
        payload: { reference: 'changed' },
      });
      const rest = await syncAll(key, 'clients', { cursor: page.nextCursor, limit: 2 });
      expect(rest.ids.at(-1)).toBe(page.items[0]!.id);
      expect(new Set([...page.items.map((item) => item.id), ...rest.ids]).size).toBe(5);
    });

    it.runIf(inject('databaseKind') === 'postgres')(
      'does not lose a write whose transaction is still open while a run reads (real concurrency)',
      async () => {
        const world = await createTenantWorld(app);
        const key = await keyOf(world);
        let runDuringWrite: Awaited<ReturnType<typeof syncAll>> | undefined;
        await app.ctx.db.transaction(async (tx) => {
          await tx
            .update(clients)
            .set({ name: 'Slow writer', updatedAt: app.ctx.now() })
            .where(eq(clients.id, world.clientId));
          subject.clock.advance(2_000);
          // Another connection reads meanwhile: it does not see the uncommitted change.
          runDuringWrite = await syncAll(key, 'clients', {
            since: new Date(app.ctx.now().getTime() - 1_000).toISOString(),
          });
        });
        expect(runDuringWrite!.ids).toEqual([]);
        const next = await syncAll(key, 'clients', { since: runDuringWrite!.watermark });
        expect(next.ids).toEqual([world.clientId]);
      },
    );

    it('replays a POST with the same Idempotency-Key, refuses the key with another body', async () => {
      const world = await createTenantWorld(app);
      const key = await keyOf(world, ['write']);
      const idempotencyKey = randomUUID();
      const post = (payload: object, keyHeader = idempotencyKey) =>
        withKey(key, {
          method: 'POST',
          url: `${v1}/clients`,
          payload,
          headers: { 'idempotency-key': keyHeader },
        });
      const first = await post({ name: 'Once only', reference: 'IDEM' });
      expect(first.statusCode).toBe(201);
      const again = await post({ reference: 'IDEM', name: 'Once only' });
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      const [made] = await app.ctx.db
        .select({ n: count() })
        .from(clients)
        .where(and(eq(clients.tenantId, world.tenant.id), eq(clients.reference, 'IDEM')));
      expect(made!.n).toBe(1);

      const reused = await post({ name: 'Something else' });
      expect(reused.statusCode).toBe(422);
      expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

      // A refused request is not kept: corrected, it goes through with the same key.
      const retryKey = randomUUID();
      const refused = await withKey(key, {
        method: 'POST',
        url: `${v1}/sites`,
        payload: { clientId: randomUUID(), name: 'Nowhere' },
        headers: { 'idempotency-key': retryKey },
      });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(refused.statusCode).toBeLessThan(500);
      const corrected = await withKey(key, {
        method: 'POST',
        url: `${v1}/sites`,
        payload: { clientId: world.clientId, name: 'Somewhere' },
        headers: { 'idempotency-key': retryKey },
      });
      expect(corrected.statusCode, corrected.body).toBe(201);

      // Keys are per API key: another key of the company may use the same string.
      const otherKey = await keyOf(world, ['write']);
      const fromOther = await withKey(otherKey, {
        method: 'POST',
        url: `${v1}/clients`,
        payload: { name: 'Other integration' },
        headers: { 'idempotency-key': idempotencyKey },
      });
      expect(fromOther.statusCode).toBe(201);
      expect(fromOther.headers['idempotent-replayed']).toBeUndefined();
    });
  });

  async function keyOf(world: TenantWorld, scopes: ('read' | 'write')[] = ['read']) {
    const session = await sessionFor(app, world, 'ADMIN');
    return (await newKey(scopes, { session })).key;
  }

  /** Follows the cursor to the end, as an integration would. */
  async function syncAll(
    key: string,
    list: string,
    options: { since?: string; cursor?: string; limit?: number },
  ) {
    const ids: string[] = [];
    let pages = 0;
    let cursor = options.cursor;
    let watermark: string | undefined;
    const startedAt = app.ctx.now().getTime();
    for (;;) {
      const query = new URLSearchParams();
      if (options.limit) query.set('limit', String(options.limit));
      if (cursor) query.set('cursor', cursor);
      else if (options.since) query.set('updated_since', options.since);
      const response = await withKey(key, { method: 'GET', url: `${v1}/${list}?${query}` });
      if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
      const page = response.json() as {
        items: { id: string }[];
        nextCursor: string | null;
        syncWatermark: string;
      };
      pages += 1;
      ids.push(...page.items.map((item) => item.id));
      watermark = page.syncWatermark;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return { ids, pages, watermark: watermark ?? '', startedAt };
  }
});
