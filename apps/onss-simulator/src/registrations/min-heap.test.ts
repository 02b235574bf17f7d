import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.js';

describe('MinHeap', () => {
  it('gives back any sequence in order, ties by the comparison', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round += 1) {
      const values = Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 50));
      const heap = new MinHeap<number>((a, b) => a - b);
      for (const value of values) heap.push(value);
      expect(heap.size).toBe(values.length);
      const out: number[] = [];
      for (let next = heap.pop(); next !== undefined; next = heap.pop()) out.push(next);
      expect(out).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it('interleaves pushes and pops, and empties on clear', () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    heap.push(5);
    heap.push(1);
    expect(heap.pop()).toBe(1);
    heap.push(3);
    heap.push(9);
    expect(heap.peek()).toBe(3);
    heap.clear();
    expect(heap.pop()).toBeUndefined();
    expect(heap.size).toBe(0);
  });
});
