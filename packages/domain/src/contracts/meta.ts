import { z } from 'zod';

/**
 * The result of one readiness check of the server (one per dependency it needs to serve).
 *
 * @example
 * readinessCheckResult.parse('unavailable'); // 'unavailable'
 */
export const readinessCheckResult = z.enum(['ok', 'unavailable']);

/**
 * @example
 * const database: ReadinessCheckResult = 'ok';
 */
export type ReadinessCheckResult = z.infer<typeof readinessCheckResult>;

/**
 * `GET /health/live`: the process runs (it says nothing of the database).
 *
 * @example
 * healthLiveResponse.parse({ status: 'ok' });
 */
export const healthLiveResponse = z.object({ status: z.literal('ok') });

/**
 * `GET /health/ready`: 200 with `status: 'ok'` when the server can serve requests, 503 with
 * `status: 'unavailable'` (same body) when a dependency is down; `checks` gives each dependency's
 * result. Load balancers and both front ends read it.
 *
 * @example
 * healthReadyResponse.parse({ status: 'unavailable', checks: { database: 'unavailable' } });
 */
export const healthReadyResponse = z.object({
  status: readinessCheckResult,
  checks: z.object({ database: readinessCheckResult }),
});

/**
 * @example
 * const ready: HealthReadyResponse = { status: 'ok', checks: { database: 'ok' } };
 */
export type HealthReadyResponse = z.infer<typeof healthReadyResponse>;

/**
 * `GET /api/meta`: who answers (always `ciao`), its version and the oldest agent app it accepts.
 * An installed agent app older than `minimumAgentAppVersion` asks its user to update.
 *
 * @example
 * metaResponse.parse({ name: 'ciao', version: '0.1.0', minimumAgentAppVersion: '0.1.0' });
 */
export const metaResponse = z.object({
  name: z.literal('ciao'),
  version: z.string().min(1).describe('Server version'),
  minimumAgentAppVersion: z
    .string()
    .min(1)
    .describe('Agent apps older than this must update before registering (they show an update screen).'),
});

/**
 * @example
 * const meta: MetaResponse = { name: 'ciao', version: '0.1.0', minimumAgentAppVersion: '0.1.0' };
 */
export type MetaResponse = z.infer<typeof metaResponse>;
