#!/usr/bin/env node
import { isScenarioName } from './scenarios.js';
import { buildSimulator } from './simulator.js';

// Standalone ONSS simulator. Environment: PORT (3900), HOST (127.0.0.1: keep it local, the admin
// API is unauthenticated), LOG_LEVEL, PUBLIC_BASE_URL, SCENARIO (demo | empty),
// VALIDATION_DELAY_MS, TOKEN_LIFETIME_SECONDS.
function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a whole number of at least 0, not "${raw}".`);
    process.exit(1);
  }
  return value;
}

const port = integer('PORT', 3900);
const host = process.env.HOST ?? '127.0.0.1';
const scenario = process.env.SCENARIO ?? 'demo';
if (!isScenarioName(scenario)) {
  console.error(`SCENARIO must be demo or empty, not "${scenario}".`);
  process.exit(1);
}
const app = await buildSimulator({
  logLevel: process.env.LOG_LEVEL ?? 'info',
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? `http://${host}:${port}`,
  scenario,
  settings: {
    validationDelayMs: integer('VALIDATION_DELAY_MS', 2_000),
    tokenLifetimeSeconds: integer('TOKEN_LIFETIME_SECONDS', 3_600),
  },
});
try {
  await app.listen({ port, host });
} catch (error) {
  console.error(`The ONSS simulator could not listen on ${host}:${port}: ${(error as Error).message}`);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
