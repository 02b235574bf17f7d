// The client of ONSS PresenceRegistration (REST): the token client (OAuth 2.0 client credentials
// with an RS256-signed client assertion, RFC 7523) and the four operations, answering in ciao's
// words. Nothing outside src/onss knows a path, a field name or a status word of ONSS.
import { randomUUID } from 'node:crypto';
import type { OnssRegistrationContent } from '@ciao/domain';
import { importPKCS8, SignJWT, type CryptoKey } from 'jose';
import {
  MAX_ITEMS_PER_CALL,
  MAX_SEARCH_RESULTS,
  OAUTH_FORM,
  toCiaoValidity,
  toWireItem,
  wirePaths,
  type CancellationReason,
  type OnssEndpoints,
  type OnssValidity,
} from './onss-wire.js';

/**
 * How a failed call should be treated: `retryable` (network, timeout, 5xx, 429: try later),
 * `permanent` (a 4xx: sending the same again will fail the same way), `connection` (the tenant's
 * credentials are refused: fix the ONSS connection).
 */
export type OnssFailureKind = 'retryable' | 'permanent' | 'connection';

export class OnssCallError extends Error {
  constructor(
    readonly kind: OnssFailureKind,
    message: string,
    readonly details: {
      status?: number;
      retryAfterMs?: number;
      /** The call may have reached ONSS and been processed without its answer reaching us. */
      outcomeUnknown?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'OnssCallError';
  }
}

/** One item's answer to registerInBulk, in ciao's words. */
export type RegisterResult =
  | { created: true; onssId: string; validity: OnssValidity; remarks: string[] }
  | { created: false; reasons: { code: string; description: string }[] };

export interface OnssHistoryEntry {
  at: string;
  validity: OnssValidity;
  remarks: string[];
}

export interface OnssRegistrationState {
  onssId: string;
  /** In or Out, when ONSS says (its searches do). */
  direction?: 'IN' | 'OUT';
  validity: OnssValidity;
  remarks: string[];
  history: OnssHistoryEntry[];
}

export interface OnssSearch {
  /** Belgian days YYYY-MM-DD or ISO instants; both ends included. */
  from: string;
  to: string;
  niss?: string;
  workDeclarationNumber?: string;
  page?: number;
  pageSize?: number;
}

export interface OnssSearchPage {
  items: OnssRegistrationState[];
  totalItems: number;
  totalPages: number;
  /** More registrations matched than a search yields: narrow the period to see them all. */
  truncated: boolean;
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Access tokens kept between calls, per tenant credentials (share one cache across clients). */
export class OnssTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  get(key: string, now: number): string | undefined {
    const cached = this.tokens.get(key);
    return cached && cached.expiresAt > now ? cached.accessToken : undefined;
  }
  set(key: string, token: CachedToken) {
    this.tokens.set(key, token);
  }
  delete(key: string) {
    this.tokens.delete(key);
  }
}

export interface OnssClientOptions {
  clientId: string;
  privateKeyPem: string;
  endpoints: OnssEndpoints;
  /** Key of this tenant's credentials in the token cache. */
  cacheKey?: string;
  tokenCache?: OnssTokenCache;
  /** Per call; ONSS answers a 200-item call well within this. */
  timeoutMs?: number;
  now?: () => Date;
  fetch?: typeof fetch;
}

/** Connection errors that mean the request never left: the call surely did not reach ONSS. */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** A token is renewed this long before ONSS says it expires, so a call never carries a dying one. */
const TOKEN_EARLY_RENEWAL_MS = 60_000;
const ASSERTION_LIFETIME_SECONDS = 300;

export interface OnssClient {
  /** A valid access token (cached); `fresh` forces a new one (the "test connection" button). */
  token(options?: { fresh?: boolean }): Promise<string>;
  registerInBulk(items: readonly OnssRegistrationContent[]): Promise<RegisterResult[]>;
  getRegistration(onssId: string): Promise<OnssRegistrationState>;
  search(query: OnssSearch): Promise<OnssSearchPage>;
  cancel(onssId: string, reason: CancellationReason): Promise<OnssRegistrationState>;
}

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function describeBody(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const said = body.detail ?? body.error_description ?? body.title ?? body.error;
    if (typeof said === 'string') return said;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function toState(body: Record<string, unknown>): OnssRegistrationState {
  const history = Array.isArray(body.validationHistory)
    ? (body.validationHistory as Record<string, unknown>[])
    : [];
  let direction: 'IN' | 'OUT' | undefined;
  if (body.type === 'in') direction = 'IN';
  else if (body.type === 'out') direction = 'OUT';
  return {
    onssId: String(body.id),
    ...(direction ? { direction } : {}),
    validity: toCiaoValidity(body.validity, body.status),
    remarks: stringList(body.remarks),
    history: history.map((entry) => ({
      at: String(entry.at),
      validity: toCiaoValidity(entry.validity, entry.status),
      remarks: stringList(entry.remarks),
    })),
  };
}

/**
 * @example
 * const onss = createOnssClient({ clientId, privateKeyPem, endpoints: onssEndpoints('simulator', url) });
 * const results = await onss.registerInBulk([content]);
 */
export function createOnssClient(options: OnssClientOptions): OnssClient {
  const { clientId, endpoints, timeoutMs = 15_000, now = () => new Date() } = options;
  const doFetch = options.fetch ?? fetch;
  const cache = options.tokenCache ?? new OnssTokenCache();
  const cacheKey = options.cacheKey ?? `${clientId}@${endpoints.tokenUrl}`;
  let signingKey: Promise<CryptoKey> | undefined;

  const send = async (url: string, init: RequestInit): Promise<Response> => {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const name = (error as Error).name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const code = ((error as Error & { cause?: { code?: string } }).cause ?? {}).code;
      // Only a connection never made proves ONSS did not get the call.
      const neverConnected = code !== undefined && NOT_CONNECTED_CODES.has(code);
      throw new OnssCallError(
        'retryable',
        `ONSS: ${timedOut ? `no answer within ${timeoutMs} ms` : 'network error'} (${(error as Error).message})`,
        { outcomeUnknown: !neverConnected },
      );
    }
  };

  const failure = async (response: Response, what: string): Promise<never> => {
    const detail = await describeBody(response);
    const status = response.status;
    const message = `ONSS ${what}: HTTP ${status}${detail ? ` – ${detail}` : ''}`;
    if (status === 429 || status >= 500 || status === 408) {
      const wait = retryAfterMs(response.headers.get('retry-after'), now().getTime());
      throw new OnssCallError('retryable', message, {
        status,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
        // 429 and 503 say the call was turned away; after a 500 or a gateway's 502/504 it may not have been.
        outcomeUnknown: status === 500 || status === 502 || status === 504,
      });
    }
    if (status === 401 || status === 403) throw new OnssCallError('connection', message, { status });
    throw new OnssCallError('permanent', message, { status });
  };

  const fetchToken = async (): Promise<string> => {
    signingKey ??= importPKCS8(options.privateKeyPem, 'RS256');
    const key = await signingKey.catch(() => {
      signingKey = undefined;
      throw new OnssCallError('connection', 'The stored private key is not a usable RSA key (PKCS#8 PEM).');
    });
    const iat = Math.floor(now().getTime() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(endpoints.tokenUrl)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_SECONDS)
      .sign(key);
    const response = await send(endpoints.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...OAUTH_FORM, client_assertion: assertion }).toString(),
    });
    if (!response.ok) {
      // invalid_client is a 400 or 401 depending on the server: either way, the credentials.
      if (response.status === 400 || response.status === 401) {
        throw new OnssCallError(
          'connection',
          `ONSS refused the client credentials: ${await describeBody(response)}`,
          {
            status: response.status,
          },
        );
      }
      return failure(response, 'token');
    }
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string')
      throw new OnssCallError('retryable', 'ONSS token answer without access_token');
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 300) * 1000;
    cache.set(cacheKey, {
      accessToken: body.access_token,
      expiresAt: now().getTime() + lifetimeMs - TOKEN_EARLY_RENEWAL_MS,
    });
    return body.access_token;
  };

  const token: OnssClient['token'] = async ({ fresh = false } = {}) => {
    if (!fresh) {
      const cached = cache.get(cacheKey, now().getTime());
      if (cached) return cached;
    }
    return fetchToken();
  };

  /** A call with the bearer token; on 401 the token is renewed once, then it is a connection problem. */
  const call = async (url: string, init: RequestInit, what: string): Promise<unknown> => {
    for (let attempt = 0; ; attempt += 1) {
      const accessToken = await token({ fresh: attempt > 0 }).catch((error: unknown) => {
        // No token, no call: whatever the token request met, the call itself never left.
        if (error instanceof OnssCallError)
          throw new OnssCallError(error.kind, error.message, { ...error.details, outcomeUnknown: false });
        throw error;
      });
      const response = await send(url, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${accessToken}`,
          accept: 'application/json',
        },
      });
      if (response.status === 401 && attempt === 0) {
        cache.delete(cacheKey);
        await response.body?.cancel().catch(() => {});
        continue;
      }
      if (!response.ok) return failure(response, what);
      return response.json();
    }
  };

  return {
    token,

    async registerInBulk(items) {
      if (items.length > MAX_ITEMS_PER_CALL) throw new Error(`at most ${MAX_ITEMS_PER_CALL} items per call`);
      const results: (RegisterResult | undefined)[] = [];
      const wire: Record<string, unknown>[] = [];
      const positions: number[] = [];
      items.forEach((content, index) => {
        const item = toWireItem(content);
        if (item) {
          wire.push(item);
          positions.push(index);
        } else {
          results[index] = {
            created: false,
            reasons: [
              {
                code: 'PLACE_OF_WORK_MISSING',
                description: 'No position was recorded for this registration.',
              },
            ],
          };
        }
      });
      if (wire.length > 0) {
        const body = (await call(
          wirePaths.registerInBulk(endpoints.registrationsUrl),
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ items: wire }),
          },
          'registerInBulk',
        )) as { items?: unknown };
        const answers = Array.isArray(body.items)
          ? (body.items as Record<string, Record<string, unknown>>[])
          : [];
        if (answers.length !== wire.length) {
          throw new OnssCallError(
            'retryable',
            `ONSS answered ${answers.length} results for ${wire.length} items`,
          );
        }
        answers.forEach((answer, index) => {
          const created = answer.createdPresenceRegistration;
          const notCreated = answer.notCreatedPresenceRegistration;
          results[positions[index]!] = created
            ? {
                created: true,
                onssId: String(created.id),
                validity: toCiaoValidity(created.validity, created.status),
                remarks: stringList(created.remarks),
              }
            : {
                created: false,
                reasons: (Array.isArray(notCreated?.reasons)
                  ? (notCreated.reasons as Record<string, unknown>[])
                  : []
                ).map((reason) => ({
                  code: String(reason.code ?? 'UNKNOWN'),
                  description: String(reason.description ?? ''),
                })),
              };
        });
      }
      return results as RegisterResult[];
    },

    async getRegistration(onssId) {
      return toState(
        (await call(wirePaths.one(endpoints.registrationsUrl, onssId), { method: 'GET' }, 'get')) as Record<
          string,
          unknown
        >,
      );
    },

    async search(query) {
      const params = new URLSearchParams({ startDate: query.from, endDate: query.to });
      if (query.niss) params.set('ssin', query.niss);
      if (query.workDeclarationNumber)
        params.set('contractualRelationshipReference', query.workDeclarationNumber);
      if (query.page) params.set('page', String(query.page));
      if (query.pageSize) params.set('pageSize', String(query.pageSize));
      const body = (await call(
        `${wirePaths.search(endpoints.registrationsUrl)}?${params}`,
        { method: 'GET' },
        'search',
      )) as {
        items?: Record<string, unknown>[];
        totalItems?: number;
        totalPages?: number;
        truncated?: boolean;
      };
      const totalItems = body.totalItems ?? 0;
      return {
        items: (body.items ?? []).map(toState),
        totalItems,
        totalPages: body.totalPages ?? 0,
        // Without the flag, a full count is all there is to go on.
        truncated: body.truncated ?? totalItems >= MAX_SEARCH_RESULTS,
      };
    },

    async cancel(onssId, reason) {
      return toState(
        (await call(
          wirePaths.cancel(endpoints.registrationsUrl, onssId),
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ reason }),
          },
          'cancel',
        )) as Record<string, unknown>,
      );
    },
  };
}
