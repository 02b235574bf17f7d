import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { textArray, uuidArray } from './query-helpers';

const rendered = (query: ReturnType<typeof textArray>) => new PgDialect().sqlToQuery(query);

describe('array parameters', () => {
  it('send any number of values as one parameter, so the statement text never changes', () => {
    expect(rendered(textArray(['a'])).sql).toBe(rendered(textArray(['a', 'b', 'c'])).sql);
    expect(rendered(uuidArray(['x'])).sql).toBe('$1::uuid[]');
  });

  it('quote each text so that commas, quotes, backslashes and braces stay inside their value', () => {
    expect(rendered(textArray(['a,b', 'say "hi"', 'back\\slash', '{x}', ''])).params).toEqual([
      '{"a,b","say \\"hi\\"","back\\\\slash","{x}",""}',
    ]);
  });
});
