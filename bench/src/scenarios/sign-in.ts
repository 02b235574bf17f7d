import { randomBytes } from 'node:crypto';
import { buildApp } from '../../../apps/server/src/app.js';
import { openDatabase } from '../../../apps/server/src/db/client.js';
import { migrateDatabase } from '../../../apps/server/src/db/migrate.js';
import { tenants, webUsers } from '../../../apps/server/src/db/schema/index.js';
import { createSecretBox } from '../../../apps/server/src/security/secret-box.js';
import { hashPassword, verifyPassword } from '../../../apps/server/src/security/passwords.js';
import type { ScenarioResult } from '../report.js';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/**
 * What a person waits for at sign-in: argon2id alone (the chosen cost), and the whole back-office
 * sign-in over the real app (throttle check, user lookup, verify, session, audit) on PGlite.
 */
export async function signInScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const runs = quick ? 10 : 50;
  const password = 'correct horse battery';
  const stored = await hashPassword(password);
  const verifyTimes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await verifyPassword(stored, password);
    verifyTimes.push(performance.now() - started);
  }

  const database = await openDatabase({ kind: 'pglite-memory' });
  await migrateDatabase(database);
  const app = await buildApp({
    config: {
      logLevel: 'silent',
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      minimumAgentAppVersion: '0.1.0',
      publicUrl: undefined,
      sessions: { idleMinutes: 60, absoluteHours: 12, secureCookies: false },
    },
    database,
    secretBox: createSecretBox(randomBytes(32)),
    serveFrontEnds: false,
  });
  const [tenant] = await database.db.insert(tenants).values({ code: 'BENCH', name: 'Bench' }).returning();
  await database.db.insert(webUsers).values({
    tenantId: tenant!.id,
    login: 'admin',
    displayName: 'Admin',
    role: 'ADMIN',
    passwordHash: stored,
  });
  const signInTimes: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { companyCode: 'BENCH', login: 'admin', password },
      });
      signInTimes.push(performance.now() - started);
      if (response.statusCode !== 200)
        throw new Error(`sign-in answered ${response.statusCode}: ${response.body}`);
    }
  } finally {
    await app.close();
    await database.close();
  }
  return [
    {
      scenario: 'sign-in',
      metric: 'argon2id verify (m=19 MiB, t=2, p=1), p50',
      value: percentile(verifyTimes, 50),
      unit: 'ms',
      runs,
    },
    {
      scenario: 'sign-in',
      metric: 'back-office sign-in over HTTP (PGlite), p50',
      value: percentile(signInTimes, 50),
      unit: 'ms',
      runs,
    },
    {
      scenario: 'sign-in',
      metric: 'back-office sign-in over HTTP (PGlite), p95',
      value: percentile(signInTimes, 95),
      unit: 'ms',
      runs,
      target: '< 300 ms',
    },
  ];
}
