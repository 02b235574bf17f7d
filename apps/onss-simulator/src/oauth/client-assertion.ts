// RFC 7523 client authentication as the socsec OAuth server applies it: a JWT signed RS256 with
// the key registered in Chaman, iss = sub = client id, aud = the token URL, a unique jti and a
// short life. Any failure is `invalid_client` (RFC 7523 §3.2).
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { ClientRegistry } from './client-registry.js';
import type { UsedJtis } from './token-store.js';

export interface AssertionRules {
  clients: ClientRegistry;
  usedJtis: UsedJtis;
  /** Every `aud` accepted: the token URL as this simulator is reached. */
  audiences: string[];
  now: Date;
  clockToleranceSeconds: number;
  /** Longest `exp - iat` accepted: a long-lived assertion could be replayed for long. */
  maxLifetimeSeconds: number;
}

export type AssertionCheck = { ok: true; clientId: string } | { ok: false; description: string };

function refuse(description: string): AssertionCheck {
  return { ok: false, description };
}

export async function verifyClientAssertion(
  assertion: string,
  rules: AssertionRules,
): Promise<AssertionCheck> {
  let issuer: unknown;
  try {
    if (decodeProtectedHeader(assertion).alg !== 'RS256') {
      return refuse('The client assertion must be signed with RS256.');
    }
    issuer = decodeJwt(assertion).iss;
  } catch {
    return refuse('The client assertion is not a well-formed signed JWT.');
  }
  if (typeof issuer !== 'string' || issuer === '') {
    return refuse('The client assertion has no iss claim (it must be the client id).');
  }
  const client = rules.clients.get(issuer);
  if (!client) {
    return refuse(`No client "${issuer}" is registered (activate the REST channel in Chaman first).`);
  }

  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, client.key, {
      algorithms: ['RS256'],
      issuer: client.clientId,
      subject: client.clientId,
      audience: rules.audiences,
      currentDate: rules.now,
      clockTolerance: rules.clockToleranceSeconds,
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
    }));
  } catch (error) {
    return refuse(describeJoseError(error, rules.audiences));
  }

  const now = Math.floor(rules.now.getTime() / 1000);
  const iat = payload.iat ?? 0;
  const exp = payload.exp ?? 0;
  if (iat > now + rules.clockToleranceSeconds) {
    return refuse('The client assertion iat is in the future: check the clock of the client.');
  }
  if (exp - iat > rules.maxLifetimeSeconds) {
    return refuse(
      `The client assertion lives too long: exp may be at most ${rules.maxLifetimeSeconds} s after iat.`,
    );
  }
  if (typeof payload.jti !== 'string' || payload.jti === '') {
    return refuse('The client assertion jti must be a non-empty string.');
  }
  if (!rules.usedJtis.use(client.clientId, payload.jti, exp * 1000, rules.now)) {
    return refuse('The client assertion jti was already used: sign a new assertion for every token request.');
  }
  return { ok: true, clientId: client.clientId };
}

function describeJoseError(error: unknown, audiences: string[]): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The client assertion signature does not verify with the key registered for this client.';
  }
  if (error instanceof errors.JWTExpired) return 'The client assertion has expired (exp is in the past).';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return `The client assertion aud must be the token URL (${audiences[0] ?? ''}).`;
    if (error.claim === 'iss' || error.claim === 'sub') {
      return 'The client assertion iss and sub must both be the client id.';
    }
    return `The client assertion claim ${error.claim} is invalid: ${error.reason}.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The client assertion must be signed with RS256.';
  return 'The client assertion could not be verified.';
}
