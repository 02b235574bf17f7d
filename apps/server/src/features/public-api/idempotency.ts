import { DomainError } from '@ciao/domain';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyKeys } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { requireApiKey } from '../../http/authenticate.js';
import { sha256Hex } from '../../security/tokens.js';

/** How long an answer is kept for replay: a day covers any client's retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const IN_PROGRESS = 0;
const keyPattern = /^[\x21-\x7e]{1,200}$/;

/** Key order does not make two bodies different. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`)
    .join(',')}}`;
}

/**
 * Runs a creating request at most once per `Idempotency-Key`: the same key with the same body
 * answers the stored answer again (header `Idempotent-Replayed: true`); with another body, 422
 * IDEMPOTENCY_KEY_REUSED; while the first is still running, 409 IDEMPOTENCY_KEY_IN_PROGRESS. Keys
 * belong to one API key and live 24 hours. Only successful answers are kept: a refused request
 * (a 4xx) may be corrected and sent again with the same key.
 */
export async function replayOrRun(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<{ status: number; body: unknown }>,
) {
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    const answer = await run();
    return reply.status(answer.status).send(answer.body);
  }
  if (typeof header !== 'string' || !keyPattern.test(header)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The Idempotency-Key header is 1 to 200 visible ASCII characters.',
      {
        fieldErrors: [
          {
            path: 'header.idempotency-key',
            code: 'INVALID',
            message: 'is 1 to 200 visible ASCII characters',
          },
        ],
      },
    );
  }
  const principal = requireApiKey(request);
  const tenantId = principal.tenantId;
  const key = `${principal.apiKeyId}:${header}`;
  const requestHash = sha256Hex(`${request.method} ${request.url.split('?')[0]} ${canonical(request.body)}`);
  const now = ctx.now();
  const matches = and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key));

  await ctx.db
    .delete(idempotencyKeys)
    .where(and(matches, lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS))));
  const claimed = await ctx.db
    .insert(idempotencyKeys)
    .values({ tenantId, key, requestHash, responseStatus: IN_PROGRESS, responseBody: null, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const [stored] = await ctx.db.select().from(idempotencyKeys).where(matches);
    if (!stored)
      throw new DomainError('IDEMPOTENCY_KEY_IN_PROGRESS', 'Send the request again.', {
        details: { retryAfterSeconds: 1 },
      });
    if (stored.requestHash !== requestHash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for another request: use a new key for a new request.',
      );
    }
    if (stored.responseStatus === IN_PROGRESS) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        'The first request with this Idempotency-Key is still running: retry shortly.',
        { details: { retryAfterSeconds: 1 } },
      );
    }
    return reply
      .status(stored.responseStatus)
      .header('Idempotent-Replayed', 'true')
      .send(stored.responseBody);
  }

  let answer: { status: number; body: unknown };
  try {
    answer = await run();
  } catch (error) {
    await ctx.db.delete(idempotencyKeys).where(matches);
    throw error;
  }
  await ctx.db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body })
    .where(matches);
  return reply.status(answer.status).send(answer.body);
}
