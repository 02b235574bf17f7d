import { describe, expect, it } from 'vitest';
import { BatchedLookup } from './batched-lookup.js';

describe('BatchedLookup', () => {
  it('asks once for the keys requested in the same turn and answers each caller its row', async () => {
    const calls: string[][] = [];
    const lookup = new BatchedLookup(
      async (keys: string[]) => {
        calls.push(keys);
        return keys.filter((key) => key !== 'missing').map((key) => ({ key, value: key.toUpperCase() }));
      },
      (row) => row.key,
    );
    const answers = await Promise.all(['a', 'b', 'a', 'missing'].map((key) => lookup.load(key)));
    expect(calls).toEqual([['a', 'b', 'missing']]);
    expect(answers).toEqual([
      { key: 'a', value: 'A' },
      { key: 'b', value: 'B' },
      { key: 'a', value: 'A' },
      undefined,
    ]);
    await lookup.load('c');
    expect(calls).toHaveLength(2);
  });

  it('splits large turns and fails only the callers of the query that failed', async () => {
    const lookup = new BatchedLookup(
      async (keys: number[]) => {
        if (keys.includes(3)) throw new Error('database unavailable');
        return keys.map((key) => ({ key }));
      },
      (row) => row.key,
      2,
    );
    const settled = await Promise.allSettled([1, 2, 3, 4].map((key) => lookup.load(key)));
    expect(settled.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
    ]);
  });
});
