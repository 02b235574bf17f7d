import { healthReadyResponse } from '@ciao/domain';
import type { HealthReadyResponse } from '@ciao/domain';
import { fetchJson } from '../../../lib/fetch-json';

export interface CheckResult {
  name: string;
  passed: boolean;
}

/** `GET /health/ready`; its 503 (a dependency is down) is an answer too, not a failure. */
export async function getHealthReady(signal?: AbortSignal): Promise<HealthReadyResponse> {
  const { data } = await fetchJson('/health/ready', healthReadyResponse, { signal, acceptStatuses: [503] });
  return data;
}

/** The checks of a readiness answer, by name: `{ database: 'ok' }` -> `[{ name: 'database', passed: true }]`. */
export function listChecks(checks: HealthReadyResponse['checks']): CheckResult[] {
  return Object.entries(checks)
    .map(([name, result]) => ({ name, passed: result === 'ok' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
