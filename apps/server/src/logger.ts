import pino, { type LoggerOptions } from 'pino';

const REDACTED = '[redacted]';

// NISS, coordinates, passwords and tokens never reach the logs (GDPR; legal secrets). Their keys
// are redacted at any depth of what is logged (plain objects and arrays; a request, a reply or an
// error goes through its serializer below).
const sensitiveKeyNames = [
  'password',
  'newPassword',
  'currentPassword',
  'mobilePassword',
  'passwordHash',
  'mobilePasswordHash',
  'token',
  'accessToken',
  'refreshToken',
  'deviceToken',
  'apiKey',
  'secret',
  'privateKey',
  'totpSecret',
  'totpCode',
  'niss',
  'ssin',
  'latitude',
  'longitude',
  'coordinates',
  'licenceCode',
  'clientAssertion',
  'client_assertion',
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-csrf-token',
];
const sensitiveKeys = new Set(sensitiveKeyNames.map((key) => key.toLowerCase()));

const isPlain = (value: object) => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * A copy of `value` with the values of sensitive keys replaced, at any depth of its plain objects
 * and arrays. Applied to every logged object when it is written (pino's path-based `redact` ran on
 * every request's child logger, and only reached the depths it listed).
 */
function redactSensitive(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Deeper than any log of ours: not read, so that nothing unread is written either.
  if (depth > 10) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactSensitive(item, depth + 1));
  if (!isPlain(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = sensitiveKeys.has(key.toLowerCase()) ? REDACTED : redactSensitive(item, depth + 1);
  }
  return copy;
}

// A failed query's text is kept, its bound values never: a registration's carry its position and
// the agent's NISS (drizzle writes them into the error's message and stack after "params: ").
const queryValues = /\nparams: [\s\S]*?(?=\n {4}at |\ncaused by: |$)/g;
const withoutQueryValues = (text: string) =>
  text.includes('\nparams: ') ? text.replace(queryValues, `\nparams: ${REDACTED}`) : text;
// PostgreSQL's details quote the row or the key at fault ("Failing row contains (…)").
const quotesValues = /^(Key \(|Failing row contains)/;

/** Pino's error serializer, then the same redaction, without a failed query's values. */
function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  if (serialized === error || serialized === null || typeof serialized !== 'object') return serialized;
  const fields = serialized as Record<string, unknown>;
  for (const [key, item] of Object.entries(fields)) {
    if (sensitiveKeys.has(key.toLowerCase()) || key === 'params') fields[key] = REDACTED;
    else if (key === 'detail' && typeof item === 'string' && quotesValues.test(item)) fields[key] = REDACTED;
    else if (typeof item === 'string') fields[key] = withoutQueryValues(item);
    else fields[key] = redactSensitive(item);
  }
  return fields;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // Pino gives a child logger's bindings (`log.child({ … })`) to no formatter: its own redaction
    // covers their keys. Top-level paths only: a wildcard made it run on every request's child.
    redact: {
      paths: sensitiveKeyNames.map((key) => (/^\w+$/.test(key) ? key : `["${key}"]`)),
      censor: REDACTED,
    },
    formatters: {
      log: (object) => redactSensitive(object) as Record<string, unknown>,
    },
    hooks: {
      // A message made from an error's message (`… failed: ${error.message}`) loses its values too.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? withoutQueryValues(arg) : arg)) as Parameters<
            typeof method
          >,
        );
      },
    },
    serializers: {
      // Headers (cookies, tokens) and query strings (search terms such as a NISS) stay out of the logs.
      req: (request: { id?: string; method?: string; url?: string }) => ({
        id: request.id,
        method: request.method,
        url: typeof request.url === 'string' ? request.url.split('?')[0] : undefined,
      }),
      err: serializeError,
    },
  };
}
