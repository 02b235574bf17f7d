import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv-cells.js';

describe('csvField', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvField('Dupont')).toBe('Dupont');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });

  it('writes decimals with the separator asked', () => {
    expect(csvField(7.75, ',')).toBe('7,75');
    expect(csvField(7.75, '.')).toBe('7.75');
    expect(csvField(-1.5, ',')).toBe('-1,5');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it.each(['=1+1', '+32 2 123', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises %j, which a spreadsheet would run as a formula',
    (text) => {
      expect(csvField(text).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('quotes a neutralised formula that also holds quotes', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('does not touch negative numbers (they are numbers, not text)', () => {
    expect(csvField(-3)).toBe('-3');
  });
});

describe('csvLine', () => {
  it('joins with semicolons and ends with CRLF', () => {
    expect(csvLine(['Dupont; Marie', 7.25, null], ',')).toBe('"Dupont; Marie";7,25;\r\n');
  });
});
