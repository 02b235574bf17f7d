import { RequestError } from '@ciao/front-common';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { ApiError } from '../../lib/api';
import { KNOWN_PROBLEM_CODES, importFailure, problemText } from './import-problems';

const problem = (code: string, message = 'the server says why') => ({
  line: 3,
  field: 'name',
  code,
  message,
});

function httpError(status: number, body: unknown) {
  return new ApiError(new RequestError('http', `HTTP ${status}`, { status, body }));
}

describe('problemText', () => {
  it('gives every known code a translation key that every language has', () => {
    const missing: string[] = [];
    for (const code of KNOWN_PROBLEM_CODES) {
      const text = problemText(problem(code));
      if (text.key === undefined) {
        missing.push(code);
        continue;
      }
      for (const [language, catalogue] of Object.entries(catalogues)) {
        const [, , name] = text.key.split('.');
        if (typeof (catalogue.imports.problems as Record<string, string>)[name!] !== 'string')
          missing.push(`${language} ${text.key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps the earlier line of a duplicate in the file', () => {
    expect(
      problemText(problem('DUPLICATE_IN_FILE', 'the same name is already on line 4 of the file')),
    ).toEqual({
      key: 'imports.problems.DUPLICATE_IN_FILE_LINE',
      values: { earlier: 4 },
    });
    expect(problemText(problem('DUPLICATE_IN_FILE', 'seen before'))).toEqual({
      key: 'imports.problems.DUPLICATE_IN_FILE',
      values: {},
    });
  });

  it('shows the server message of a code it does not know', () => {
    expect(problemText(problem('SOMETHING_NEW', 'is something new'))).toEqual({
      key: undefined,
      message: 'is something new',
    });
  });
});

describe('importFailure', () => {
  const report = {
    kind: 'clients',
    mode: 'apply',
    delimiter: ';',
    rowCount: 2,
    valid: false,
    created: 0,
    problems: [{ line: 3, field: 'name', code: 'REQUIRED', message: 'is required' }],
  };

  it('reads the report of an apply refused because of its lines', () => {
    expect(importFailure(httpError(422, { code: 'IMPORT_INVALID', detail: '…', ...report }))).toEqual({
      kind: 'report',
      report,
    });
  });

  it('explains the refusals of the whole file', () => {
    expect(importFailure(httpError(400, { code: 'CSV_MALFORMED', line: 7 }))).toEqual({
      kind: 'malformed',
      line: 7,
    });
    expect(importFailure(httpError(400, { code: 'CSV_MALFORMED', line: null }))).toEqual({
      kind: 'malformed',
      line: undefined,
    });
    expect(
      importFailure(httpError(422, { code: 'IMPORT_TOO_MANY_ROWS', rowCount: 5001, maxRows: 5000 })),
    ).toEqual({ kind: 'tooManyRows', rowCount: 5001, maxRows: 5000 });
    expect(importFailure(httpError(413, { code: 'BODY_TOO_LARGE' }))).toEqual({ kind: 'tooLarge' });
    expect(importFailure(httpError(413, 'Request Entity Too Large'))).toEqual({ kind: 'tooLarge' });
  });

  it('leaves anything else (network, server) to the shared wording', () => {
    const network = new ApiError(new RequestError('network', 'offline'));
    expect(importFailure(network)).toEqual({ kind: 'other', error: network });
    const broken = httpError(422, { code: 'IMPORT_INVALID', detail: 'no report' });
    expect(importFailure(broken)).toEqual({ kind: 'other', error: broken });
  });
});
