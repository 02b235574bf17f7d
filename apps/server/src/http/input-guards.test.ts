import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './input-guards.js';

describe('findNulCharacter', () => {
  it('names the field holding a NUL character, however deep', () => {
    expect(findNulCharacter({ name: 'ok', address: { street: 'Rue\u0000 Neuve' } })).toBe('address.street');
    expect(findNulCharacter({ events: [{ id: 'a' }, { note: '\u0000' }] })).toBe('events.1.note');
    expect(findNulCharacter('\u0000')).toBe('value');
  });

  it('finds nothing in ordinary values', () => {
    expect(findNulCharacter({ name: 'Łódź 🧽', count: 3, list: [null, true] })).toBeUndefined();
    expect(findNulCharacter(undefined)).toBeUndefined();
  });
});
