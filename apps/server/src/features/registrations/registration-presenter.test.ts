import { describe, expect, it } from 'vitest';
import type { onssRegistrations } from '../../db/schema/index.js';
import { onssHistory } from './registration-presenter.js';

const row = (changes: Partial<typeof onssRegistrations.$inferSelect>) =>
  ({
    createdAt: new Date('2026-11-30T06:00:01Z'),
    sentAt: null,
    registeredAt: null,
    validatedAt: null,
    validityHistory: [],
    ...changes,
  }) as typeof onssRegistrations.$inferSelect;

describe('a registration’s way to ONSS', () => {
  it('starts queued, before any attempt', () => {
    expect(onssHistory(row({}))).toEqual([
      { at: '2026-11-30T06:00:01.000Z', kind: 'created', validity: null, remarks: [] },
    ]);
  });

  it('lists sending, registration and every verdict in time order', () => {
    const history = onssHistory(
      row({
        sentAt: new Date('2026-11-30T06:00:03Z'),
        registeredAt: new Date('2026-11-30T06:00:04Z'),
        validityHistory: [
          { at: '2026-11-30T06:05:00Z', validity: 'pending', remarks: [] },
          {
            at: '2026-11-30T06:10:00Z',
            validity: 'refused',
            remarks: ['NISS IS NOT KNOW IN THE NATIONAL REGISTER'],
          },
        ],
      }),
    );
    expect(history.map((step) => step.validity ?? step.kind)).toEqual([
      'created',
      'sent',
      'registered',
      'pending',
      'refused',
    ]);
    expect(history.at(-1)?.remarks).toEqual(['NISS IS NOT KNOW IN THE NATIONAL REGISTER']);
  });
});
