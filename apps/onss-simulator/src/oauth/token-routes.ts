import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimulatorState } from '../state.js';
import { OAUTH, TOKEN_PATH } from '../wire.js';
import { verifyClientAssertion } from './client-assertion.js';

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

/** RFC 6749 §5.2 error: JSON `{error, error_description}`, never cached. */
function oauthError(reply: FastifyReply, status: 400 | 401, error: OAuthError, description: string) {
  return reply
    .code(status)
    .headers({ 'cache-control': 'no-store', pragma: 'no-cache' })
    .send({ error, error_description: description });
}

const FORM = 'application/x-www-form-urlencoded';

/** RFC 6749 §3.2 requires form-encoded token requests; repeated parameters are an error there. */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
    const params = new URLSearchParams(body as string);
    const fields: Record<string, string> = {};
    const repeated: string[] = [];
    for (const [name, value] of params) {
      if (name in fields) repeated.push(name);
      fields[name] = value;
    }
    done(null, { fields, repeated });
  });
}

interface FormBody {
  fields: Record<string, string>;
  repeated: string[];
}

function isFormBody(body: unknown): body is FormBody {
  return typeof body === 'object' && body !== null && 'fields' in body && 'repeated' in body;
}

function audiences(request: FastifyRequest, state: SimulatorState): string[] {
  const bases = [...state.configuredAudiences];
  const port = request.socket.localPort;
  if (port !== undefined)
    bases.push(`http://127.0.0.1:${port}${TOKEN_PATH}`, `http://localhost:${port}${TOKEN_PATH}`);
  // The URL the client actually called: what it was told the token URL is, whatever the host name.
  bases.push(`${request.protocol}://${request.host}${TOKEN_PATH}`);
  const unique = [...new Set(bases)];
  return [...unique, ...unique.map((url) => `${url}/`)];
}

export function tokenRoutes(app: FastifyInstance, state: SimulatorState): void {
  app.post(TOKEN_PATH, async (request, reply) => {
    if (request.headers.authorization !== undefined) {
      void reply.header('www-authenticate', 'Basic realm="socsec"');
      return oauthError(
        reply,
        401,
        'invalid_client',
        'HTTP client authentication is not accepted: send a signed JWT client assertion (private_key_jwt).',
      );
    }
    if (!isFormBody(request.body)) {
      return oauthError(reply, 400, 'invalid_request', `The token request must be sent as ${FORM}.`);
    }
    const { fields, repeated } = request.body;
    if (repeated.length > 0) {
      return oauthError(reply, 400, 'invalid_request', `Parameters given twice: ${repeated.join(', ')}.`);
    }
    if (fields.client_secret !== undefined) {
      return oauthError(
        reply,
        401,
        'invalid_client',
        'Client secrets are not accepted: authenticate with a JWT client assertion signed with your key.',
      );
    }
    if (fields.grant_type === undefined) {
      return oauthError(reply, 400, 'invalid_request', 'grant_type is required (client_credentials).');
    }
    if (fields.grant_type !== OAUTH.grantType) {
      return oauthError(
        reply,
        400,
        'unsupported_grant_type',
        'Only the client_credentials grant is supported.',
      );
    }
    if (fields.client_assertion === undefined || fields.client_assertion === '') {
      return oauthError(reply, 401, 'invalid_client', 'client_assertion is required (a JWT signed RS256).');
    }
    if (fields.client_assertion_type !== OAUTH.clientAssertionType) {
      return oauthError(
        reply,
        400,
        'invalid_request',
        `client_assertion_type must be ${OAUTH.clientAssertionType}.`,
      );
    }

    const now = state.clock.now();
    const check = await verifyClientAssertion(fields.client_assertion, {
      clients: state.clients,
      usedJtis: state.usedJtis,
      audiences: audiences(request, state),
      now,
      clockToleranceSeconds: state.settings.clockToleranceSeconds,
      maxLifetimeSeconds: state.settings.maxAssertionLifetimeSeconds,
    });
    if (!check.ok) return oauthError(reply, 401, 'invalid_client', check.description);
    if (fields.client_id !== undefined && fields.client_id !== check.clientId) {
      return oauthError(reply, 401, 'invalid_client', 'client_id does not match the client assertion iss.');
    }

    const scope = fields.scope?.trim() || OAUTH.defaultScope;
    const lifetime = state.settings.tokenLifetimeSeconds;
    const accessToken = state.tokens.issue(check.clientId, scope, now, lifetime);
    return reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send({
      access_token: accessToken,
      token_type: OAUTH.tokenType,
      expires_in: lifetime,
      scope,
    });
  });
}
