import { describe, expect, it } from 'vitest';
import { textArrayLiteral } from './query-helpers.js';

describe('textArrayLiteral', () => {
  it('quotes each text so that commas, quotes, backslashes and braces stay inside their value', () => {
    expect(textArrayLiteral(['a,b', 'say "hi"', 'back\\slash', '{x}', ''])).toBe(
      '{"a,b","say \\"hi\\"","back\\\\slash","{x}",""}',
    );
    expect(textArrayLiteral([])).toBe('{}');
  });
});
