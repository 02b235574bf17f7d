import type { z } from 'zod';

/** No request waits longer than this: past it the person sees a message instead of a spinner. */
export const REQUEST_TIMEOUT_MS = 5_000;

export type RequestErrorKind = 'timeout' | 'network' | 'http' | 'invalid-response';

/** Why a request to the server gave no usable answer; the interface translates `kind`. */
export class RequestError extends Error {
  readonly kind: RequestErrorKind;
  readonly status: number | undefined;

  constructor(kind: RequestErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'RequestError';
    this.kind = kind;
    this.status = options.status;
  }
}

export interface FetchJsonOptions {
  /** Cancels the request when its caller gives up (TanStack Query passes one per query). */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Non-2xx statuses whose body is still a valid answer, e.g. 503 from `/health/ready`. */
  acceptStatuses?: readonly number[];
}

export interface JsonResponse<T> {
  status: number;
  data: T;
}

/**
 * GETs a JSON document and validates it with a zod schema, giving up after `timeoutMs`.
 * Example: `const { data } = await fetchJson('/api/meta', metaSchema, { signal })`.
 * Throws a {@link RequestError}, or the caller's abort reason when `signal` aborts first.
 */
export async function fetchJson<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  options: FetchJsonOptions = {},
): Promise<JsonResponse<z.output<Schema>>> {
  const { signal, timeoutMs = REQUEST_TIMEOUT_MS, acceptStatuses = [] } = options;
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
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        signal: controller.signal,
      });
    } catch (cause) {
      throw failure(cause, 'network');
    }

    if (!response.ok && !acceptStatuses.includes(response.status)) {
      throw new RequestError('http', `${url}: HTTP ${response.status}`, { status: response.status });
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw failure(cause, 'invalid-response');
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
