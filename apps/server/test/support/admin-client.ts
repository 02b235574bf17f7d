import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { agents, auditLog } from '../../src/db/schema/index.js';
import { openWebSession } from '../../src/features/auth/sign-in-web-user.js';
import { createTenantWorld, sessionFor, type TenantWorld } from './rights-world.js';
import { asUser, type WebSession } from './web-client.js';

/**
 * What the administration tests do over and over: a company with its admin, calls, lookups. Takes
 * the app lazily, so a describe block can destructure it before its `beforeAll` builds the app.
 */
export function administrationClient(appOf: () => FastifyInstance) {
  const send = (
    session: WebSession,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) => asUser(appOf(), session, { method, url, payload });

  return {
    send,

    /** A new company (one user per role, FIELD1 and ADM1 agents, a device) and its admin's session. */
    async company() {
      const world = await createTenantWorld(appOf());
      const admin = await sessionFor(appOf(), world, 'ADMIN');
      return { world, admin };
    },

    /** POST /api/agents with a unique identifier unless given. */
    newAgent(session: WebSession, fields: Record<string, unknown> = {}) {
      return send(session, 'POST', '/api/agents', {
        identifier: `A${randomBytes(3).toString('hex').toUpperCase()}`,
        firstName: 'Jean',
        lastName: 'Dupont',
        ...fields,
      });
    },

    /** A session of any user of the company, opened directly (no password check, no throttling). */
    async sessionOf(world: TenantWorld, userId: string): Promise<WebSession> {
      const session = await openWebSession(appOf().ctx, {
        tenantId: world.tenant.id,
        userId,
        secondFactorPending: false,
        ip: '127.0.0.1',
        userAgent: 'administration-test',
      });
      return {
        cookie: `ciao_session=${session.sessionToken}; ciao_csrf=${session.csrfToken}`,
        csrfToken: session.csrfToken,
      };
    },

    async agentRow(id: string) {
      const [row] = await appOf().ctx.db.select().from(agents).where(eq(agents.id, id));
      if (!row) throw new Error(`no agent ${id}`);
      return row;
    },

    /** The audit rows of one entity, oldest first. */
    audit(world: TenantWorld, entityId: string) {
      return appOf()
        .ctx.db.select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.entityId, entityId)))
        .orderBy(asc(auditLog.id));
    },
  };
}
