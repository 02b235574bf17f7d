import { DomainError, IMPORT_MAX_ROWS } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv-reader.js';
import { booleanCell, dateCell, numberCell } from './import-cells.js';

const refusal = (text: string) => {
  try {
    readCsv(text);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('reading an import file', () => {
  it('reads a Belgian Excel file: BOM, semicolons, CRLF, quoted cells, blank lines', () => {
    const table = readCsv(
      '\uFEFFname;note\r\n"Dupont; Jean";"said ""hi""\r\ntwice"\r\n\r\nPeeters;x\r\n\r\n',
    );
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['name', 'note']);
    // The blank line 3 is skipped but counted: Peeters is row 4 of the spreadsheet.
    expect(table.rows).toEqual([
      { line: 2, cells: ['Dupont; Jean', 'said "hi"\r\ntwice'] },
      { line: 4, cells: ['Peeters', 'x'] },
    ]);
  });

  it('reads a comma file, and takes the delimiter from the header only', () => {
    expect(readCsv('a,b\n"1;2",3').rows).toEqual([{ line: 2, cells: ['1;2', '3'] }]);
    expect(detectDelimiter('"a;b",c\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('name')).toBe(',');
  });

  it('refuses a quote that is never closed, and an empty file', () => {
    expect(refusal('a;b\n1;"open\n2;3\n')).toMatchObject({ code: 'CSV_MALFORMED' });
    expect(refusal('\uFEFF \r\n')).toMatchObject({ code: 'CSV_MALFORMED', details: { line: 1 } });
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} lines`, () => {
    const text = `name\n${'x\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(refusal(text)).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      details: { maxRows: IMPORT_MAX_ROWS },
    });
    expect(readCsv(`name\n${'x\n'.repeat(IMPORT_MAX_ROWS)}`).rows).toHaveLength(IMPORT_MAX_ROWS);
  });
});

describe('import cells', () => {
  it('reads booleans in the four languages, and refuses others', () => {
    expect(['TRUE', 'oui', 'Ja', 'VRAI', '1'].map((raw) => booleanCell(raw))).toEqual(
      Array(5).fill({ ok: true, value: true }),
    );
    expect(booleanCell('nee')).toEqual({ ok: true, value: false });
    expect(booleanCell(' ')).toEqual({ ok: true, value: undefined });
    expect(booleanCell('maybe')).toMatchObject({ ok: false, code: 'INVALID_BOOLEAN' });
  });

  it('reads ISO and Belgian dates that exist', () => {
    expect(dateCell('2026-12-01')).toEqual({ ok: true, value: '2026-12-01' });
    expect(dateCell('1/12/2026')).toEqual({ ok: true, value: '2026-12-01' });
    expect(dateCell('29.02.2028')).toEqual({ ok: true, value: '2028-02-29' });
    expect(dateCell('31/02/2026')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(dateCell('12/2026')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });

  it('reads decimal commas and points', () => {
    expect(numberCell('50,8275')).toEqual({ ok: true, value: 50.8275 });
    expect(numberCell('-4.5')).toEqual({ ok: true, value: -4.5 });
    expect(numberCell('1.000,5')).toMatchObject({ ok: false, code: 'INVALID_NUMBER' });
  });
});
