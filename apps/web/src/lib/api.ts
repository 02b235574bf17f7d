import { RequestError, fetchJson } from '@ciao/front-common';
import { z } from 'zod';

/** One bad field of a request, as the server lists it: `{ path: 'login', code: 'DUPLICATE_LOGIN' }`. */
export interface ApiFieldError {
  path: string;
  code: string;
  message: string;
}

/** What the back-office keeps of a problem document (RFC 9457) answered by the API. */
export interface ApiProblem {
  status: number;
  code: string;
  detail: string;
  errors: ApiFieldError[];
  /** For `429 TOO_MANY_ATTEMPTS`: how long to wait, from `retryAfterSeconds` or `Retry-After`. */
  retryAfterSeconds: number | undefined;
}

const problemBody = z.object({
  code: z.string(),
  detail: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
  errors: z
    .array(z.object({ path: z.string(), code: z.string(), message: z.string().optional() }))
    .optional(),
});

/**
 * The problem of an HTTP error answer, or undefined when the answer carried none (a proxy's 502).
 * Example: `parseProblem(429, { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 8 })`.
 */
export function parseProblem(status: number, body: unknown, headers?: Headers): ApiProblem | undefined {
  const parsed = problemBody.safeParse(body);
  if (!parsed.success) return undefined;
  const header = Number(headers?.get('retry-after') ?? Number.NaN);
  return {
    status,
    code: parsed.data.code,
    detail: parsed.data.detail ?? '',
    errors: (parsed.data.errors ?? []).map((error) => ({ ...error, message: error.message ?? '' })),
    retryAfterSeconds: parsed.data.retryAfterSeconds ?? (Number.isFinite(header) ? header : undefined),
  };
}

/** A failed API call; `problem` is set when the server explained why (its `code` to branch on). */
export class ApiError extends RequestError {
  readonly problem: ApiProblem | undefined;

  constructor(error: RequestError) {
    super(error.kind, error.message, {
      status: error.status,
      cause: error.cause,
      body: error.body,
      headers: error.headers,
    });
    this.name = 'ApiError';
    this.problem =
      error.kind === 'http' && error.status !== undefined
        ? parseProblem(error.status, error.body, error.headers)
        : undefined;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

/** The problem code of any error thrown by the API client, e.g. `'INVALID_CREDENTIALS'`. */
export function problemCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** The session is gone: the back-office goes back to its sign-in page. */
export const SESSION_ENDED_CODES: readonly string[] = ['SESSION_EXPIRED', 'UNAUTHENTICATED'];

export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && SESSION_ENDED_CODES.includes(error.code ?? '');
}

const CSRF_COOKIE = 'ciao_csrf';
const OPERATOR_CSRF_COOKIE = 'ciao_operator_csrf';

/** The CSRF token the server set at sign-in (double submit), read from `document.cookie`. */
export function readCsrfToken(
  cookie: string = globalThis.document?.cookie ?? '',
  cookieName: string = CSRF_COOKIE,
): string | undefined {
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

type SessionEndedHandler = (error: ApiError) => void;
let onSessionEnded: SessionEndedHandler | undefined;

/** Called when any call (unless told otherwise) answers 401 SESSION_EXPIRED or UNAUTHENTICATED. */
export function setSessionEndedHandler(handler: SessionEndedHandler | undefined): void {
  onSessionEnded = handler;
}

export interface ApiOptions {
  signal?: AbortSignal;
  /** For calls whose caller handles a 401 itself (sign-in, the first session check). */
  ignoreSessionEnd?: boolean;
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function call<Schema extends z.ZodType>(
  method: string,
  url: string,
  schema: Schema,
  body: unknown,
  options: ApiOptions,
): Promise<z.output<Schema>> {
  const headers: Record<string, string> = {};
  if (CHANGES.has(method)) {
    // The operator console has its own session, hence its own CSRF cookie.
    const token = readCsrfToken(
      undefined,
      url.startsWith('/api/platform/') ? OPERATOR_CSRF_COOKIE : CSRF_COOKIE,
    );
    if (token) headers['X-CSRF-Token'] = token;
  }
  try {
    const { data } = await fetchJson(url, schema, { method, body, headers, signal: options.signal });
    return data;
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    const apiError = new ApiError(error);
    if (!options.ignoreSessionEnd && isSessionEnded(apiError)) onSessionEnded?.(apiError);
    throw apiError;
  }
}

/**
 * The back-office's API client: same-origin cookies, the CSRF header on every change, answers
 * validated with the shared zod contracts, errors as {@link ApiError}.
 * Example: `await api.post('/api/users', userView, body)`.
 */
export const api = {
  get: <Schema extends z.ZodType>(url: string, schema: Schema, options: ApiOptions = {}) =>
    call('GET', url, schema, undefined, options),
  post: <Schema extends z.ZodType>(url: string, schema: Schema, body?: unknown, options: ApiOptions = {}) =>
    call('POST', url, schema, body, options),
  put: <Schema extends z.ZodType>(url: string, schema: Schema, body?: unknown, options: ApiOptions = {}) =>
    call('PUT', url, schema, body, options),
  patch: <Schema extends z.ZodType>(url: string, schema: Schema, body?: unknown, options: ApiOptions = {}) =>
    call('PATCH', url, schema, body, options),
  delete: <Schema extends z.ZodType>(url: string, schema: Schema, body?: unknown, options: ApiOptions = {}) =>
    call('DELETE', url, schema, body, options),
};

/** A query string from the defined values: `queryString({ q: 'an', page: 2 })` -> `?q=an&page=2`. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
