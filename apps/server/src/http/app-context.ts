import type { Database, Db } from '../db/client.js';
import type { AppEvents } from '../events/app-events.js';
import type { SecretBox } from '../security/secret-box.js';
import type { ApiKeyRateLimiter } from './api-key-rate-limit.js';
import type { Metrics } from '../features/metrics/metrics.js';

/** What routes and hooks need beyond the request: given once to the app factory. */
export interface AppContext {
  database: Database;
  db: Db;
  secretBox: SecretBox;
  /** The clock: injectable so that tests can move time (session timeouts, throttling). */
  now: () => Date;
  sessions: SessionPolicy;
  events: AppEvents;
  /** The public address of the back-office, for links in e-mails; else the request's origin. */
  publicUrl: string | undefined;
  /** ONSS: base URL of the simulator environment (tests point it at their own simulator). */
  onss: { simulatorUrl: string };
  /** Requests per API key and minute, counted in this process. */
  apiKeyRateLimiter: ApiKeyRateLimiter;
  /** Prometheus metrics of this process (`GET /metrics`). */
  metrics: Metrics;
  /** Where background exports write their files (`<data dir>/exports`), one directory per company. */
  exportsDir: string;
  /** Groups of registrations written at once on PostgreSQL (group commit). */
  clockWriteConcurrency: number;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** Secure cookies: on behind HTTPS (PUBLIC_URL https://…, or X-Forwarded-Proto with TRUST_PROXY). */
  secureCookies: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
