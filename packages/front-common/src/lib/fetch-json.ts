import type { z } from 'zod';

/** No request waits longer than this: past it the person sees a message instead of a spinner. */
export const REQUEST_TIMEOUT_MS = 5_000;

export type RequestErrorKind = 'timeout' | 'network' | 'http' | 'invalid-response';

/** Why a request to the server gave no usable answer; the interface translates `kind`. */
export class RequestError extends Error {
  readonly kind: RequestErrorKind;
  readonly status: number | undefined;
  /** For `http` errors: the parsed JSON body of the answer (e.g. a problem document), if any. */
  readonly body: unknown;
  /** For `http` errors: the answer's headers (e.g. `Retry-After`). */
  readonly headers: Headers | undefined;

  constructor(
    kind: RequestErrorKind,
    message: string,
    options: { status?: number; cause?: unknown; body?: unknown; headers?: Headers } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'RequestError';
    this.kind = kind;
    this.status = options.status;
    this.body = options.body;
    this.headers = options.headers;
  }
}

export interface FetchJsonOptions {
  /** Cancels the request when its caller gives up (TanStack Query passes one per query). */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Non-2xx statuses whose body is still a valid answer, e.g. 503 from `/health/ready`. */
  acceptStatuses?: readonly number[];
  /** `GET` by default. */
  method?: string;
  /** Sent as JSON (with `content-type: application/json`) when defined. */
  body?: unknown;
  /** Extra request headers, e.g. `X-CSRF-Token`. */
  headers?: Record<string, string>;
}

export interface JsonResponse<T> {
  status: number;
  data: T;
}

/**
 * GETs (or sends, with `method` and `body`) a JSON document and validates the answer with a zod
 * schema, giving up after `timeoutMs`; a `204 No Content` answer is validated as `null`.
 * Example: `const { data } = await fetchJson('/api/meta', metaSchema, { signal })`.
 * Throws a {@link RequestError}, or the caller's abort reason when `signal` aborts first.
 */
export async function fetchJson<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  options: FetchJsonOptions = {},
): Promise<JsonResponse<z.output<Schema>>> {
  const { signal, timeoutMs = REQUEST_TIMEOUT_MS, acceptStatuses = [], method = 'GET' } = options;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  signal?.throwIfAborted();

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });

  // Classifies a failure while waiting for the headers or the body.
  const failure = (cause: unknown, what: 'network' | 'invalid-response') => {
    if (timedOut) return new RequestError('timeout', `${url}: no answer within ${timeoutMs} ms`, { cause });
    if (signal?.aborted) return signal.reason as unknown;
    return new RequestError(what, `${url}: ${what}`, { cause });
  };

  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: controller.signal,
      });
    } catch (cause) {
      throw failure(cause, 'network');
    }

    if (!response.ok && !acceptStatuses.includes(response.status)) {
      // The error's body (a problem document) tells the caller why; an unreadable one is left out.
      let errorBody: unknown;
      try {
        errorBody = await response.json();
      } catch (cause) {
        if (timedOut || signal?.aborted) throw failure(cause, 'network');
      }
      throw new RequestError('http', `${url}: HTTP ${response.status}`, {
        status: response.status,
        body: errorBody,
        headers: response.headers,
      });
    }

    let body: unknown = null;
    if (response.status !== 204) {
      try {
        body = await response.json();
      } catch (cause) {
        throw failure(cause, 'invalid-response');
      }
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new RequestError('invalid-response', `${url}: unexpected body`, {
        status: response.status,
        cause: parsed.error,
      });
    }
    return { status: response.status, data: parsed.data };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}
