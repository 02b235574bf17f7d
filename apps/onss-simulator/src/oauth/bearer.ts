import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '../problem.js';
import type { SimulatorState } from '../state.js';
import { PROBLEM_TYPES } from '../wire.js';

/**
 * Checks `Authorization: Bearer <token>`; answers 401 problem+json itself and returns `null` when
 * the token is missing, unknown or expired, otherwise returns the calling client id.
 */
export function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  state: SimulatorState,
): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    sendProblem(
      reply,
      problem(
        401,
        PROBLEM_TYPES.noAccessToken,
        'An access token is required: Authorization: Bearer <token>.',
      ),
      { 'www-authenticate': 'Bearer realm="presenceRegistration"' },
    );
    return null;
  }
  const check = state.tokens.check(match[1], state.clock.now());
  if (check.ok) return check.token.clientId;
  const expired = check.reason === 'expired';
  sendProblem(
    reply,
    problem(
      401,
      expired ? PROBLEM_TYPES.expiredAccessToken : PROBLEM_TYPES.invalidAccessToken,
      expired
        ? 'The access token has expired: request a new one at the token endpoint.'
        : 'The access token is not valid.',
    ),
    { 'www-authenticate': `Bearer realm="presenceRegistration", error="invalid_token"` },
  );
  return null;
}
