import { can, roles, type Role } from '@ciao/domain';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema/index.js';
import type { RegisteredRoute } from '../src/http/route-access.js';
import { apiKeyFor } from './support/fixtures/api-key-fixtures.js';
import { routeFixtures } from './support/route-fixtures.js';
import { createTenantWorld, sessionFor, type TenantWorld } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

// Secrets that no answer may ever carry, whoever asks.
const forbiddenInAnyResponse = [
  /"(password|mobilePassword|token|code|key)Hash"/i,
  /\$argon2/,
  /"totpSecret/i,
  /recoveryCodeHashes/,
];
// What the supervisor may not see of agents ("sauf ... les mots de passe des Agents").
const credentialFields = [/"mobileIdentifier"/, /"hasMobilePassword"/];

const routeKey = (route: RegisteredRoute) => `${route.method} ${route.url}`;

function isAllowed(response: LightMyRequestResponse) {
  return response.statusCode >= 200 && response.statusCode < 300;
}

/**
 * The rights table, enforced: every route of the registry × every role × own tenant / another
 * tenant, from the route's declared access rule. Routes are discovered from the app, so a new route
 * without a fixture fails here.
 */
describe('rights on every route', () => {
  let subject: TestApp;
  let own: TenantWorld;
  let other: TenantWorld;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    subject = await createTestApp();
    own = await createTenantWorld(subject.app);
    other = await createTenantWorld(subject.app);
    // The operator console's routes take operator sessions, never a tenant's user (no role, no
    // tenant): tests/operator-console.int.test.ts checks them, and that each side is closed to the other.
    routes = subject.app.routeRegistry.filter(
      (route) => route.access !== 'public' && route.access !== 'operator',
    );
  });
  afterAll(async () => {
    await subject.close();
  });

  it('has a fixture for every route that needs a caller', () => {
    const missing = routes.map(routeKey).filter((key) => !routeFixtures[key]);
    expect(missing).toEqual([]);
  });

  // Every route × every role and a foreign company: it grows with the API, so its own time limit.
  it('lets each role do exactly what the rights table says, and audits every change', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const { access } = route;
      // Non-session callers: the agent app's tokens, and the public API's keys (tested in public-api).
      if (
        access === 'public' ||
        access === 'agent' ||
        access === 'device' ||
        access === 'operator' ||
        (typeof access === 'object' && 'apiScope' in access)
      )
        continue;
      const fixture = routeFixtures[routeKey(route)];
      if (!fixture) continue;
      for (const role of roles) {
        const session = await sessionFor(subject.app, own, role);
        const request = await fixture.request({
          app: subject.app,
          target: own,
          caller: { role, session, world: own },
        });
        const [before] = await subject.app.ctx.db
          .select({ n: count() })
          .from(auditLog)
          .where(eq(auditLog.tenantId, own.tenant.id));
        const response = await asUser(subject.app, session, {
          method: route.method as 'GET',
          url: request.url,
          payload: request.payload as object,
        });
        const expected = role !== 'NONE' && (access === 'signedIn' || can(role, access.capability));
        const label = `${role} ${routeKey(route)} → ${response.statusCode} ${response.body.slice(0, 160)}`;
        if (expected && !isAllowed(response)) problems.push(`should be allowed: ${label}`);
        if (!expected && response.statusCode !== 403) problems.push(`should be 403: ${label}`);
        for (const pattern of forbiddenInAnyResponse)
          if (pattern.test(response.body)) problems.push(`leaks ${pattern}: ${label}`);
        if (role === 'SUPERVISOR')
          for (const pattern of credentialFields)
            if (pattern.test(response.body)) problems.push(`shows credentials to the supervisor: ${label}`);
        if (expected && isAllowed(response) && route.method !== 'GET') {
          const [after] = await subject.app.ctx.db
            .select({ n: count() })
            .from(auditLog)
            .where(eq(auditLog.tenantId, own.tenant.id));
          if ((after?.n ?? 0) <= (before?.n ?? 0)) problems.push(`no audit row: ${label}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("answers 404, with none of its data, for another tenant's objects", async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const fixture = routeFixtures[routeKey(route)];
      if (!fixture?.scopedById) continue;
      const caller = await callerFor(route.access);
      const request = await fixture.request({
        app: subject.app,
        target: other,
        caller: { ...caller, world: own },
      });
      const response = await send(route, request, caller);
      if (response.statusCode !== 404)
        problems.push(
          `${routeKey(route)} with another tenant's id → ${response.statusCode} ${response.body.slice(0, 160)}`,
        );
      if (response.body.includes(other.tenant.code))
        problems.push(`${routeKey(route)} shows another tenant's data`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses the agent app routes without a valid token, and web routes to agent tokens', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const fixture = routeFixtures[routeKey(route)];
      if (!fixture) continue;
      const request = await fixture.request({
        app: subject.app,
        target: own,
        caller: await callerFor(route.access),
      });
      const anonymous = await subject.app.inject({
        method: route.method as 'GET',
        url: request.url,
        payload: request.payload as object,
      });
      if (anonymous.statusCode !== 401)
        problems.push(`anonymous ${routeKey(route)} → ${anonymous.statusCode}`);
      if (route.access !== 'agent') {
        const withAgentToken = await subject.app.inject({
          method: route.method as 'GET',
          url: request.url,
          payload: request.payload as object,
          headers: { authorization: `Bearer ${own.agentToken}` },
        });
        if (withAgentToken.statusCode !== 401)
          problems.push(`agent token on ${routeKey(route)} → ${withAgentToken.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  async function callerFor(access: RegisteredRoute['access']) {
    if (access === 'agent') return { role: 'agent' as const, world: own };
    if (access === 'device') return { role: 'device' as const, world: own };
    // The public API's caller is an API key, which `send` adds: no session.
    if (typeof access === 'object' && 'apiScope' in access) return { role: 'ADMIN' as const, world: own };
    const role: Role =
      access === 'signedIn' || access === 'public' || access === 'operator'
        ? 'ADMIN'
        : (roles.find((r) => can(r, access.capability)) ?? 'ADMIN');
    return { role, session: await sessionFor(subject.app, own, role), world: own };
  }

  function send(
    route: RegisteredRoute,
    request: { url: string; payload?: unknown },
    caller: Awaited<ReturnType<typeof callerFor>>,
  ) {
    const options = { method: route.method as 'GET', url: request.url, payload: request.payload as object };
    if (caller.role === 'agent')
      return subject.app.inject({ ...options, headers: { authorization: `Bearer ${own.agentToken}` } });
    if (typeof route.access === 'object' && 'apiScope' in route.access)
      return apiKeyFor(subject.app, own).then((key) =>
        subject.app.inject({ ...options, headers: { authorization: `Bearer ${key}` } }),
      );
    if (caller.role === 'device')
      return subject.app.inject({ ...options, headers: { authorization: `Bearer ${own.deviceToken}` } });
    return asUser(subject.app, caller.session!, options);
  }
});
