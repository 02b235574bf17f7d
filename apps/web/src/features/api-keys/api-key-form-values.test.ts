import { describe, expect, it } from 'vitest';
import { toCreateApiKeyRequest } from './api-key-form-values';

describe('new API key form', () => {
  it('asks for read only unless writing is ticked', () => {
    expect(toCreateApiKeyRequest({ name: ' Payroll ', write: false, expiresOn: '' }, '2026-11-29')).toEqual({
      request: { name: 'Payroll', scopes: ['read'] },
    });
    expect(
      toCreateApiKeyRequest({ name: 'ERP', write: true, expiresOn: '' }, '2026-11-29').request?.scopes,
    ).toEqual(['read', 'write']);
  });

  it('lets the key work all of its last day, Brussels time', () => {
    const result = toCreateApiKeyRequest(
      { name: 'ERP', write: false, expiresOn: '2026-12-31' },
      '2026-11-29',
    );
    expect(result.request?.expiresAt).toBe('2026-12-31T23:00:00.000Z');
  });

  it('refuses an empty name and a last day in the past', () => {
    const result = toCreateApiKeyRequest({ name: '  ', write: false, expiresOn: '2026-11-01' }, '2026-11-29');
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(['expiresAt', 'name']);
  });
});
