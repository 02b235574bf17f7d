/**
 * Every refusal in ciao carries a stable code that clients branch on. The HTTP status is decided
 * at the edge (the server's error handler) from the code's category, never in the domain.
 *
 * @example
 * throw new DomainError('NISS_INVALID', 'The NISS check digits do not match', { field: 'niss' });
 */
export const errorCategories = {
  VALIDATION: 'validation',
  NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  RATE_LIMITED: 'rate_limited',
  UNAVAILABLE: 'unavailable',
  /** Well-formed but refused as a whole (an import file with bad lines). */
  UNPROCESSABLE: 'unprocessable',
} as const;

export type ErrorCategory = (typeof errorCategories)[keyof typeof errorCategories];

/**
 * The documented error codes and their category. Add a code here before using it: the server maps
 * categories to HTTP statuses, and the OpenAPI document lists these codes.
 *
 * @example
 * errorCodes.VALIDATION_FAILED; // 'validation'
 */
export const errorCodes = {
  VALIDATION_FAILED: 'validation',
  BODY_TOO_LARGE: 'validation',
  NOT_FOUND: 'not_found',
  ROUTE_NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  RATE_LIMITED: 'rate_limited',
  DATABASE_UNAVAILABLE: 'unavailable',
  SERVICE_UNAVAILABLE: 'unavailable',
  // Web sign-in and sessions.
  INVALID_CREDENTIALS: 'unauthenticated',
  SESSION_EXPIRED: 'unauthenticated',
  SECOND_FACTOR_REQUIRED: 'unauthenticated',
  SECOND_FACTOR_INVALID: 'unauthenticated',
  SECOND_FACTOR_ENROLMENT_REQUIRED: 'forbidden',
  SECOND_FACTOR_MANDATORY: 'forbidden',
  CSRF_TOKEN_INVALID: 'forbidden',
  NO_BACK_OFFICE_ACCESS: 'forbidden',
  TENANT_SUSPENDED: 'forbidden',
  TOO_MANY_ATTEMPTS: 'rate_limited',
  PASSWORD_TOO_SHORT: 'validation',
  // Agent app: activation, login, tokens.
  LICENCE_INVALID: 'validation',
  LICENCE_EXPIRED: 'forbidden',
  LICENCE_REVOKED: 'forbidden',
  LICENCE_DEVICE_LIMIT: 'conflict',
  DEVICE_NOT_ACTIVATED: 'unauthenticated',
  DEVICE_REVOKED: 'unauthenticated',
  TOKEN_INVALID: 'unauthenticated',
  MOBILE_LOGIN_FORMAT: 'validation',
  MOBILE_COMPANY_MISMATCH: 'validation',
  AGENT_NO_APP_ACCESS: 'forbidden',
  AGENT_INACTIVE: 'forbidden',
  // Administration.
  RESTRICTED_AGENT_TYPE: 'forbidden',
  DUPLICATE_IDENTIFIER: 'conflict',
  DUPLICATE_LOGIN: 'conflict',
  CANNOT_CHANGE_OWN_ACCESS: 'conflict',
  // Registrations (clock events): state machine refusals, then the rules on each event.
  CLOCK_ALREADY_WORKING: 'conflict',
  CLOCK_NOT_WORKING: 'conflict',
  CLOCK_ON_BREAK: 'conflict',
  CLOCK_NOT_ON_BREAK: 'conflict',
  CLOCK_ALREADY_ON_BREAK: 'conflict',
  CLOCK_OTHER_TASK_OPEN: 'conflict',
  CLOCK_OUT_OF_ORDER: 'conflict',
  CLOCK_EVENT_CONFLICT: 'conflict',
  CLOCK_TIME_IN_FUTURE: 'validation',
  CLOCK_EVENT_TOO_OLD: 'validation',
  CLOCK_OUTSIDE_GEOFENCE: 'validation',
  TASK_NOT_FOUND: 'not_found',
  // CSV imports.
  CSV_MALFORMED: 'validation',
  IMPORT_INVALID: 'unprocessable',
  IMPORT_TOO_MANY_ROWS: 'unprocessable',
  // Public API (/api/v1): keys, scopes, pagination, idempotency.
  API_KEY_INVALID: 'unauthenticated',
  API_KEY_EXPIRED: 'unauthenticated',
  API_KEY_REVOKED: 'unauthenticated',
  API_SCOPE_MISSING: 'forbidden',
  CURSOR_INVALID: 'validation',
  IDEMPOTENCY_KEY_REUSED: 'unprocessable',
  IDEMPOTENCY_KEY_IN_PROGRESS: 'conflict',
  // Invitations and password resets
  PASSWORD_LINK_INVALID: 'not_found',
  PASSWORD_LINK_EXPIRED: 'conflict',
  PASSWORD_LINK_USED: 'conflict',
  USER_HAS_NO_EMAIL: 'conflict',
  USER_INACTIVE: 'conflict',
  // Exports.
  EXPORT_TOO_LARGE: 'conflict',
  EXPORT_NOT_READY: 'conflict',
  EXPORT_EXPIRED: 'conflict',
} as const satisfies Record<string, ErrorCategory>;

export type ErrorCode = keyof typeof errorCodes;

/** One problem with one input field, as shown beside that field in the UIs. */
export interface FieldError {
  /** Dotted path of the field, e.g. `address.postCode` or `items.3.deviceTime`. */
  path: string;
  /** Stable machine code, e.g. `NISS_CHECK_DIGITS`. */
  code: string;
  /** Human-readable explanation in English; the UIs translate from `code`. */
  message: string;
}

/**
 * The one error type of the domain. `code` is stable and documented; `message` is for humans.
 *
 * @example
 * if (error instanceof DomainError && error.code === 'NOT_FOUND') { ... }
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldError[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.details = options.details;
  }

  get category(): ErrorCategory {
    return errorCodes[this.code];
  }
}
