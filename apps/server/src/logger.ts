import type { LoggerOptions } from 'pino';

// NISS, coordinates, passwords and tokens never reach the logs (GDPR; legal secrets). Pino's redact
// paths match fixed depths, so the sensitive keys are listed at the depths our logs use.
const sensitiveKeys = [
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
];

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...sensitiveKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      // Headers (cookies, tokens) and query strings (search terms such as a NISS) stay out of the logs.
      req: (request: { id?: string; method?: string; url?: string }) => ({
        id: request.id,
        method: request.method,
        url: typeof request.url === 'string' ? request.url.split('?')[0] : undefined,
      }),
    },
  };
}
