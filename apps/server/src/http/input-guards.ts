import { DomainError, type FieldError } from '@ciao/domain';
import type { FastifyInstance } from 'fastify';

/** Where in a request value a NUL character hides, as a field path (`address.street`), if anywhere. */
export function findNulCharacter(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (depth > 32) return undefined;
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'value' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, String(index)], depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, [...path, key], depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Refuses a NUL character anywhere in a request's path, query or body before any route runs:
 * PostgreSQL cannot store one in a text, and no name, address or comment legitimately holds one.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const errors: FieldError[] = [];
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['', request.body],
    ] as const) {
      const found = findNulCharacter(value);
      if (found !== undefined) {
        errors.push({
          path: [part, found].filter(Boolean).join('.'),
          code: 'NUL_CHARACTER',
          message: 'contains a NUL character (\\u0000): remove it',
        });
      }
    }
    if (errors.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The request has invalid fields: fix them and send it again.',
        {
          fieldErrors: errors,
        },
      );
    }
  });
}
