import { describe, expect, it } from 'vitest';
import { healthReadyResponse, metaResponse } from './meta.js';

describe('healthReadyResponse', () => {
  it('reads both answers of the server (200 ready, 503 not ready)', () => {
    expect(healthReadyResponse.parse({ status: 'ok', checks: { database: 'ok' } }).status).toBe('ok');
    expect(
      healthReadyResponse.parse({ status: 'unavailable', checks: { database: 'unavailable' } }).checks,
    ).toEqual({ database: 'unavailable' });
  });

  it('rejects a check result outside the contract', () => {
    const answer = { status: 'unavailable', checks: { database: { status: 'error' } } };
    expect(healthReadyResponse.safeParse(answer).success).toBe(false);
  });
});

describe('metaResponse', () => {
  it('requires a version and a minimum agent app version', () => {
    expect(
      metaResponse.safeParse({ name: 'ciao', version: '', minimumAgentAppVersion: '0.1.0' }).success,
    ).toBe(false);
  });
});
