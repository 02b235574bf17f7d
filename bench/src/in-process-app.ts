import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app.js';
import type { Database } from '../../apps/server/src/db/client.js';
import { openWebSession } from '../../apps/server/src/features/auth/sign-in-web-user.js';
import { createSecretBox } from '../../apps/server/src/security/secret-box.js';

/** The real app on `database`, in the bench's process: no network between the requests and it. */
export function buildInProcessApp(database: Database): Promise<FastifyInstance> {
  return buildApp({
    config: {
      logLevel: 'silent',
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      minimumAgentAppVersion: '0.1.0',
      publicUrl: undefined,
      sessions: { idleMinutes: 600, absoluteHours: 12, secureCookies: false },
    },
    database,
    secretBox: createSecretBox(randomBytes(32)),
    serveFrontEnds: false,
  });
}

/** The cookie of a back-office session of `userId`, opened without the sign-in form. */
export async function sessionCookie(app: FastifyInstance, tenantId: string, userId: string): Promise<string> {
  const session = await openWebSession(app.ctx, {
    tenantId,
    userId,
    secondFactorPending: false,
    ip: '127.0.0.1',
    userAgent: 'bench',
  });
  return `ciao_session=${session.sessionToken}; ciao_csrf=${session.csrfToken}`;
}

/**
 * Times `runs` calls of a list route (after `warmUps` unmeasured ones: the first pay for plans,
 * JIT and cold pages) and gives them with the list's `total`. A non-200 answer stops the bench.
 */
export async function timeListRequests(
  app: FastifyInstance,
  cookie: string,
  url: string,
  runs: number,
  warmUps: number,
): Promise<{ times: number[]; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (let run = -warmUps; run < runs; run += 1) {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    const elapsed = performance.now() - started;
    if (response.statusCode !== 200)
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    total = (response.json() as { total: number }).total;
    if (run >= 0) times.push(elapsed);
  }
  return { times, total };
}
