import type { z } from 'zod';

/** No call waits longer than this: past it the agent sees a message, never an endless spinner. */
export const API_TIMEOUT_MS = 10_000;

export type ApiErrorKind = 'timeout' | 'network' | 'problem' | 'invalid-response';

/** A failed call: `problem` carries the server's stable `code` (and extension fields such as `example`). */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly problem: Record<string, unknown> | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number; problem?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status;
    this.problem = options.problem;
    this.code = typeof options.problem?.code === 'string' ? options.problem.code : undefined;
  }

  /** No answer at all (offline, timeout, proxy down): worth retrying later, nothing was refused. */
  get transient(): boolean {
    return (
      this.kind === 'timeout' ||
      this.kind === 'network' ||
      (this.status !== undefined && (this.status >= 500 || this.status === 429))
    );
  }
}

/** The codes after which the stored agent or device token is useless. */
export const SESSION_ENDING_CODES = [
  'TOKEN_INVALID',
  'DEVICE_REVOKED',
  'AGENT_INACTIVE',
  'AGENT_NO_APP_ACCESS',
  'TENANT_SUSPENDED',
] as const;

type SessionListener = (code: string) => void;
let sessionListener: SessionListener | undefined;

/** The app shell hears here when the server ends the session (revoked device, signed out elsewhere). */
export function onSessionEnded(listener: SessionListener | undefined): void {
  sessionListener = listener;
}

export interface ApiOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string;
  timeoutMs?: number;
}

/**
 * Calls the agent API and validates the answer with a zod schema. Example:
 * `await api('/api/agent/v1/tasks', agentTasksResponse, { token })`. Throws an {@link ApiError}.
 */
export async function api<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: ApiOptions = {},
): Promise<z.output<Schema>> {
  const { method = 'GET', body, token, timeoutMs = API_TIMEOUT_MS } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(controller.signal.aborted ? 'timeout' : 'network', `${path}: no answer`);
    }
    let json: unknown = null;
    if (response.status !== 204) {
      try {
        json = await response.json();
      } catch {
        if (controller.signal.aborted) throw new ApiError('timeout', `${path}: no answer`);
        if (!response.ok)
          throw new ApiError('problem', `${path}: HTTP ${response.status}`, { status: response.status });
        throw new ApiError('invalid-response', `${path}: not JSON`, { status: response.status });
      }
    }
    if (!response.ok) {
      const problem = json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
      const error = new ApiError('problem', `${path}: HTTP ${response.status}`, {
        status: response.status,
        problem,
      });
      if (token && error.code && (SESSION_ENDING_CODES as readonly string[]).includes(error.code)) {
        sessionListener?.(error.code);
      }
      throw error;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError('invalid-response', `${path}: unexpected body`);
    return parsed.data;
  } finally {
    clearTimeout(timer);
  }
}
