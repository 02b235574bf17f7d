import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from './wire.js';

/** An RFC 9457 problem document, the shape of every socsec REST error (belgif guidelines). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  issues?: ProblemIssue[];
  [extension: string]: unknown;
}

/** One input problem of a belgif `badRequest`: where it is and what is wrong. */
export interface ProblemIssue {
  type: string;
  title: string;
  in: 'body' | 'query' | 'path' | 'header';
  name: string;
  detail: string;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Resource Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function problem(status: number, type: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type, title: titles[status] ?? 'Error', status, detail, ...extra };
}

/** Sends a problem document with its media type; `headers` carries e.g. Retry-After. */
export function sendProblem(
  reply: FastifyReply,
  body: Problem,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply.code(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** A belgif badRequest listing every zod issue with its location, so a client can fix them all. */
export function badRequest(error: z.ZodError, where: ProblemIssue['in'], detail: string): Problem {
  return problem(400, PROBLEM_TYPES.badRequest, detail, {
    issues: error.issues.map((issue) => ({
      type: PROBLEM_TYPES.schemaViolation,
      title: 'Input isn’t valid with respect to schema',
      in: where,
      name: formatPath(issue.path),
      detail: issue.message,
    })),
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
