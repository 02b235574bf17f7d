import { describe, expect, it } from 'vitest';
import { RequestError } from '../../../lib/fetch-json';
import { deriveServerState } from './use-server-status';

describe('deriveServerState', () => {
  it('is checking until the first answer', () => {
    expect(deriveServerState({ status: 'pending', data: undefined, error: null })).toEqual({
      kind: 'checking',
    });
  });

  it('lists the checks of a ready server', () => {
    expect(
      deriveServerState({
        status: 'success',
        data: { status: 'ok', checks: { database: 'ok' } },
        error: null,
      }),
    ).toEqual({ kind: 'ready', checks: [{ name: 'database', passed: true }] });
  });

  it('lists the failed checks of a server that is not ready (503)', () => {
    expect(
      deriveServerState({
        status: 'success',
        data: { status: 'unavailable', checks: { database: 'unavailable' } },
        error: null,
      }),
    ).toEqual({ kind: 'not-ready', checks: [{ name: 'database', passed: false }] });
  });

  it('lets a failed refetch win over older data', () => {
    const error = new RequestError('timeout', 'no answer');
    expect(
      deriveServerState({ status: 'error', data: { status: 'ok', checks: { database: 'ok' } }, error }),
    ).toEqual({
      kind: 'unreachable',
      error,
    });
  });
});
