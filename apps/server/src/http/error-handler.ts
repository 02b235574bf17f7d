import { DomainError, type FieldError } from '@ciao/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { problem, statusByCategory, type Problem } from './problem.js';

// node-postgres / PGlite errors that mean "the database cannot be reached right now": the client
// should retry later (503), nothing accepted has been lost.
const unavailableDatabaseCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

const unavailableDatabaseMessage =
  /Connection terminated|timeout exceeded when trying to connect|database did not answer|Client has encountered a connection error|PGlite is closed/i;

function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps the driver's error in its own; the driver's code is on the cause.
  for (let current = error, depth = 0; current && depth < 4; current = (current as Error).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableDatabaseCodes.has(code)) return true;
    if (current instanceof Error && unavailableDatabaseMessage.test(current.message)) return true;
  }
  return false;
}

// PostgreSQL's class 22 "data exception" (a text it cannot store, a number or a date out of range,
// a NUL character): the request carried a value the database refuses, so the caller must fix it.
const isDataException = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 4; current = (current as Error).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
};

function send(reply: FastifyReply, body: Problem) {
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** Stable codes for the errors Fastify itself raises before a route runs. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
};

/**
 * Errors the router raises before any route or hook (an address that is not valid UTF-8, a path
 * parameter longer than the router accepts): the same problem documents as every other error.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  const code = fastifyCodes[error.code] ?? 'BAD_REQUEST';
  const detail =
    code === 'URL_TOO_LONG'
      ? 'A part of the address is too long: check the link or the id you sent.'
      : 'The address is not valid (it contains bytes that are not UTF-8): check the link.';
  return send(reply, problem(status, code, detail, { requestId: request.id }));
}

/**
 * The one error handler: DomainError codes map to statuses here and nowhere else; validation errors
 * list every bad field; 5xx answers never say more than a request id to quote.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const base = { instance: request.url, requestId: request.id };

    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: FieldError[] = error.validation.map((issue) => {
        const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const params = issue.params as { issue?: { code?: string } } | undefined;
        // Body fields are named as the form names them (`address.postCode`), like the use-cases'
        // own field errors; query and path parameters say where they are.
        const part =
          error.validationContext === 'body'
            ? ''
            : error.validationContext === 'querystring'
              ? 'query'
              : error.validationContext;
        return {
          path: [part, where].filter(Boolean).join('.') || (error.validationContext ?? 'request'),
          code: (params?.issue?.code ?? issue.keyword).toUpperCase(),
          message: issue.message ?? 'is invalid',
        };
      });
      return send(
        reply,
        problem(400, 'VALIDATION_FAILED', 'The request has invalid fields: fix them and send it again.', {
          ...base,
          errors,
        }),
      );
    }

    if (error instanceof DomainError) {
      const status = statusByCategory[error.category];
      if (status >= 500) request.log.warn({ code: error.code }, error.message);
      const extra = error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {};
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
      return send(reply, problem(status, error.code, error.message, { ...base, ...extra, ...error.details }));
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, internal(request));
    }

    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      reply.header('Retry-After', '5');
      return send(
        reply,
        problem(
          503,
          'DATABASE_UNAVAILABLE',
          'The database is unavailable right now; try again shortly.',
          base,
        ),
      );
    }

    if (isDataException(error)) {
      request.log.warn({ err: error }, 'value refused by the database');
      return send(
        reply,
        problem(
          400,
          'VALIDATION_FAILED',
          'A value of the request cannot be stored (out of range, or with characters such as NUL): fix it and send it again.',
          base,
        ),
      );
    }

    const fastifyError = error as Partial<FastifyError>;
    const status = fastifyError.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = fastifyError.code ? (fastifyCodes[fastifyError.code] ?? 'BAD_REQUEST') : 'BAD_REQUEST';
      return send(reply, problem(status, code, fastifyError.message ?? 'Bad request', base));
    }

    request.log.error({ err: error }, 'unhandled error');
    return send(reply, internal(request));
  });
}

function internal(request: FastifyRequest): Problem {
  return problem(
    500,
    'INTERNAL_ERROR',
    `Something went wrong on our side. Quote reference ${request.id} to support.`,
    { instance: request.url, requestId: request.id },
  );
}
