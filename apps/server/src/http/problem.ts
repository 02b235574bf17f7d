import type { ErrorCategory, ErrorCode, FieldError } from '@ciao/domain';

/** RFC 9457 problem details, the body of every error answer of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode | string;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const statusByCategory: Record<ErrorCategory, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
  unprocessable: 422,
};

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request body too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Builds a problem document; `type` is a stable URN per code that clients may branch on too. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<Omit<Problem, 'status' | 'code' | 'detail'>> = {},
): Problem {
  return {
    type: `urn:ciao:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}
