import type { Role } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { webUsers } from '../../src/db/schema/index.js';
import { currentTotp } from '../../src/features/auth/totp.js';
import { testPassword } from './factories.js';
import type { TenantWorld } from './rights-world.js';
import { asUser, type WebSession } from './web-client.js';

export interface RouteRequest {
  url: string;
  payload?: unknown;
}

export interface FixtureContext {
  app: FastifyInstance;
  /** The tenant whose objects the request addresses: the caller's own, or another one. */
  target: TenantWorld;
  caller: { role: Role | 'agent' | 'device'; session?: WebSession; world: TenantWorld };
}

/**
 * How to call one route for the rights test: a valid request for the caller. Every route of the
 * registry must have one; a route without a fixture fails the test, so new routes get rights tests.
 */
export interface RouteFixture {
  request(context: FixtureContext): Promise<RouteRequest>;
  /** The route addresses one object by id: another tenant's id must answer 404. */
  scopedById?: boolean;
}

const fixed =
  (url: string, payload?: unknown): RouteFixture['request'] =>
  async () => ({ url, payload });

// Any valid base32 secret, for callers the route will refuse anyway.
const unusedSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The caller's TOTP secret, turning two-factor sign-in on first when it is off. */
async function ensureSecondFactor({ app, caller }: FixtureContext): Promise<string> {
  if (caller.role === 'agent' || caller.role === 'device' || !caller.session) return unusedSecret;
  const userId = caller.world.users[caller.role].id;
  const [user] = await app.ctx.db.select().from(webUsers).where(eq(webUsers.id, userId));
  if (user?.totpEnabledAt && user.totpSecretEncrypted)
    return app.ctx.secretBox.open(user.totpSecretEncrypted).toString('utf8');
  const started = await asUser(app, caller.session, {
    method: 'POST',
    url: '/api/auth/second-factor/enrolment',
  });
  if (started.statusCode !== 200) return unusedSecret;
  const secret = started.json().secret as string;
  await asUser(app, caller.session, {
    method: 'POST',
    url: '/api/auth/second-factor/confirmation',
    payload: { code: currentTotp(secret, app.ctx.now()) },
  });
  return secret;
}

/** The caller's TOTP secret with two-factor sign-in off and an enrolment pending. */
async function pendingEnrolment({ app, caller }: FixtureContext): Promise<string> {
  if (caller.role === 'agent' || caller.role === 'device' || !caller.session) return unusedSecret;
  const userId = caller.world.users[caller.role].id;
  await app.ctx.db
    .update(webUsers)
    .set({ totpEnabledAt: null, totpSecretEncrypted: null, recoveryCodeHashes: [] })
    .where(eq(webUsers.id, userId));
  const started = await asUser(app, caller.session, {
    method: 'POST',
    url: '/api/auth/second-factor/enrolment',
  });
  return started.statusCode === 200 ? (started.json().secret as string) : unusedSecret;
}

export const routeFixtures: Record<string, RouteFixture> = {
  'GET /api/auth/session': { request: fixed('/api/auth/session') },
  'POST /api/auth/sign-out': { request: fixed('/api/auth/sign-out') },
  'POST /api/auth/password': {
    request: fixed('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'another long password',
    }),
  },
  'POST /api/auth/second-factor/enrolment': {
    request: async (context) => {
      await pendingEnrolment(context);
      return { url: '/api/auth/second-factor/enrolment' };
    },
  },
  'POST /api/auth/second-factor/confirmation': {
    request: async (context) => {
      const secret = await pendingEnrolment(context);
      return {
        url: '/api/auth/second-factor/confirmation',
        payload: { code: currentTotp(secret, context.app.ctx.now()) },
      };
    },
  },
  'POST /api/auth/second-factor': {
    request: async (context) => {
      const secret = await ensureSecondFactor(context);
      // The next time step, since the confirmation just used the current code's window.
      return {
        url: '/api/auth/second-factor',
        payload: { code: currentTotp(secret, new Date(context.app.ctx.now().getTime() + 30_000)) },
      };
    },
  },
  'DELETE /api/auth/second-factor': {
    request: async (context) => {
      const secret = await ensureSecondFactor(context);
      return {
        url: '/api/auth/second-factor',
        payload: { code: currentTotp(secret, context.app.ctx.now()) },
      };
    },
  },
};
