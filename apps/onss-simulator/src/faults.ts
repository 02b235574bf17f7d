// Faults ONSS (or the network in between) produces, injected on demand so the server's retry,
// backoff, circuit breaker and exactly-once logic can be exercised: latency, 5xx answers, calls
// that hang and drop (before or after ONSS processed them), 429 with Retry-After, and maintenance
// windows. They apply to the ONSS routes only, never to /admin or /health.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problem, sendProblem } from './problem.js';
import type { SimulatorState } from './state.js';
import { PATHS, PRESENCE_BASE_PATH, PROBLEM_TYPES, TOKEN_PATH } from './wire.js';

const trigger = {
  /** Fault the next N matching requests. */
  next: z.number().int().min(0).optional(),
  /** Fault this fraction of matching requests (0 to 1), drawn from the seeded generator. */
  rate: z.number().min(0).max(1).optional(),
};

export const faultConfigSchema = z.object({
  /** Which ONSS routes the faults hit. */
  appliesTo: z.enum(['all', 'token', 'presenceRegistration']).default('all'),
  /** Added before every answer. */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  errors: z
    .object({
      ...trigger,
      statuses: z
        .array(z.union([z.literal(500), z.literal(503)]))
        .min(1)
        .default([500, 503]),
    })
    .optional(),
  rateLimit: z.object({ ...trigger, retryAfterSeconds: z.number().int().min(0).default(1) }).optional(),
  /**
   * Hang `hangMs` then close the connection without an answer. `after` lets ONSS process the call
   * first: the registrations exist but the client never learns their ids (the exactly-once case).
   */
  timeout: z
    .object({
      ...trigger,
      hangMs: z.number().int().min(0).max(120_000).default(1_000),
      when: z.enum(['before', 'after']).default('before'),
    })
    .optional(),
  /** 503 with Retry-After until this instant (simulator clock). */
  maintenance: z.object({ until: z.iso.datetime({ offset: true }) }).optional(),
  /** Invalidate every access token issued so far (applied once, when the faults are set). */
  expireTokens: z.boolean().optional(),
  /** Seed of the generator behind `rate`, for reproducible sequences. */
  seed: z.number().int().optional(),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultScope = 'token' | 'presenceRegistration';

export type FaultDecision =
  | { kind: 'none'; latencyMs: number }
  | { kind: 'maintenance'; latencyMs: number; retryAfterSeconds: number }
  | { kind: 'rateLimited'; latencyMs: number; retryAfterSeconds: number }
  | { kind: 'error'; latencyMs: number; status: 500 | 503 }
  | { kind: 'timeout'; latencyMs: number; hangMs: number; when: 'before' | 'after' };

/** A small seeded generator (mulberry32): the same seed gives the same faults in every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class FaultState {
  private config: FaultConfig = faultConfigSchema.parse({});
  private random: () => number;

  constructor(private readonly defaultRandom: () => number = Math.random) {
    this.random = defaultRandom;
  }

  set(config: FaultConfig): void {
    this.config = structuredClone(config);
    this.random = config.seed === undefined ? this.defaultRandom : seededRandom(config.seed);
  }

  clear(): void {
    this.set(faultConfigSchema.parse({}));
  }

  current(): FaultConfig {
    return structuredClone(this.config);
  }

  /** What to do with one request; consumes `next` counters. */
  decide(scope: FaultScope, now: Date): FaultDecision {
    const config = this.config;
    if (config.appliesTo !== 'all' && config.appliesTo !== scope) return { kind: 'none', latencyMs: 0 };
    const latencyMs = config.latencyMs;
    if (config.maintenance) {
      const remaining = new Date(config.maintenance.until).getTime() - now.getTime();
      if (remaining > 0)
        return { kind: 'maintenance', latencyMs, retryAfterSeconds: Math.ceil(remaining / 1000) };
    }
    if (config.rateLimit && this.fires(config.rateLimit)) {
      return { kind: 'rateLimited', latencyMs, retryAfterSeconds: config.rateLimit.retryAfterSeconds };
    }
    if (config.timeout && this.fires(config.timeout)) {
      return { kind: 'timeout', latencyMs, hangMs: config.timeout.hangMs, when: config.timeout.when };
    }
    if (config.errors && this.fires(config.errors)) {
      const statuses = config.errors.statuses;
      const status = statuses[Math.floor(this.random() * statuses.length)] ?? 500;
      return { kind: 'error', latencyMs, status };
    }
    return { kind: 'none', latencyMs };
  }

  private fires(fault: { next?: number | undefined; rate?: number | undefined }): boolean {
    if (fault.next !== undefined && fault.next > 0) {
      fault.next -= 1;
      return true;
    }
    return fault.rate !== undefined && fault.rate > 0 && this.random() < fault.rate;
  }
}

function faultScope(routeUrl: string | undefined): FaultScope | null {
  if (routeUrl === TOKEN_PATH) return 'token';
  if (routeUrl?.startsWith(PRESENCE_BASE_PATH)) return 'presenceRegistration';
  return null;
}

/** Tells the register route that its answer will be dropped after processing. */
export interface FaultHooks {
  dropsAnswer(request: FastifyRequest): boolean;
}

/** Applies the configured faults before the ONSS handlers run. */
export function installFaults(app: FastifyInstance, state: SimulatorState): FaultHooks {
  const dropAfter = new WeakMap<FastifyRequest, number>();

  app.addHook('preHandler', async (request, reply) => {
    const scope = faultScope(request.routeOptions.url);
    if (scope === null) return;
    const decision = state.faults.decide(scope, state.clock.now());
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.kind === 'none') return;

    const logRegisterCall = (httpStatus: number, fault: string) => {
      if (request.routeOptions.url !== PATHS.registerInBulk) return;
      const body = request.body as { items?: unknown } | undefined;
      state.received.record({
        receivedAt: state.clock.now().toISOString(),
        clientId: null,
        items: Array.isArray(body?.items) ? body.items : [body],
        httpStatus,
        fault,
        processed: false,
      });
    };

    switch (decision.kind) {
      case 'maintenance': {
        logRegisterCall(503, 'maintenance');
        const body = problem(503, PROBLEM_TYPES.serviceUnavailable, 'The service is down for maintenance.');
        return sendProblem(reply, body, { 'retry-after': String(decision.retryAfterSeconds) });
      }
      case 'rateLimited': {
        logRegisterCall(429, 'rate-limit');
        const body = problem(
          429,
          PROBLEM_TYPES.tooManyRequests,
          'Too many requests: slow down and retry later.',
        );
        return sendProblem(reply, body, { 'retry-after': String(decision.retryAfterSeconds) });
      }
      case 'error': {
        logRegisterCall(decision.status, `error-${decision.status}`);
        const type =
          decision.status === 503 ? PROBLEM_TYPES.serviceUnavailable : PROBLEM_TYPES.internalServerError;
        return sendProblem(
          reply,
          problem(decision.status, type, 'An unexpected error occurred (injected fault).'),
        );
      }
      case 'timeout': {
        if (decision.when === 'after') {
          dropAfter.set(request, decision.hangMs);
          return;
        }
        // No answer at all: 0 in the log, as a client sees a closed connection, not a status.
        logRegisterCall(0, 'timeout-before');
        await sleep(decision.hangMs);
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      }
    }
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    const hangMs = dropAfter.get(request);
    if (hangMs !== undefined) {
      await sleep(hangMs);
      request.raw.socket.destroy();
    }
    return payload;
  });

  return { dropsAnswer: (request) => dropAfter.has(request) };
}
