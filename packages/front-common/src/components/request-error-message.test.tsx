import { describe, expect, it } from 'vitest';
import { RequestError } from '../lib/fetch-json';
import { renderInEnglish } from '../testing/render-in-english';
import { RequestErrorMessage } from './request-error-message';

describe('RequestErrorMessage', () => {
  it.each([
    [new RequestError('timeout', 'no answer'), 'The server did not answer within 5 seconds.'],
    [new RequestError('network', 'refused'), 'The server cannot be reached.'],
    [new RequestError('http', 'bad gateway', { status: 502 }), '(HTTP 502): it may be restarting.'],
    [new RequestError('http', 'not found', { status: 404 }), 'answered with an error (HTTP 404).'],
    [new RequestError('invalid-response', 'bad body'), 'The server sent an unexpected answer.'],
    [new Error('anything else'), 'The server sent an unexpected answer.'],
  ])('explains %s from the common catalogue', (error, text) => {
    expect(renderInEnglish(<RequestErrorMessage error={error} />)).toContain(text);
  });
});
