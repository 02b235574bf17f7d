import { z } from 'zod';
import { fetchJson } from '../../../lib/fetch-json';

/**
 * `GET /health/ready`: 200 with `status: 'ok'` when the server can serve requests, 503 with
 * `status: 'unavailable'` when a dependency (the database, ...) is down. `checks` maps each
 * dependency to its result: `'ok'`, or an object with a `status` field.
 */
export const healthReadySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.unknown()).default({}),
});

export type HealthReady = z.output<typeof healthReadySchema>;

export interface CheckResult {
  name: string;
  passed: boolean;
}

export async function getHealthReady(signal?: AbortSignal): Promise<HealthReady> {
  const { data } = await fetchJson('/health/ready', healthReadySchema, { signal, acceptStatuses: [503] });
  return data;
}

function checkPassed(value: unknown): boolean {
  if (value === 'ok' || value === true) return true;
  if (typeof value === 'object' && value !== null && 'status' in value) return value.status === 'ok';
  return false;
}

/** The checks of a readiness answer, by name: `{ database: 'ok' }` -> `[{ name: 'database', passed: true }]`. */
export function listChecks(checks: HealthReady['checks']): CheckResult[] {
  return Object.entries(checks)
    .map(([name, value]) => ({ name, passed: checkPassed(value) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
