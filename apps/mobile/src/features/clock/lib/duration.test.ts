import { expect, it } from 'vitest';
import { formatDuration } from './duration';

it('shows hours and zero-padded minutes', () => {
  expect(formatDuration(0)).toBe('0 h 00');
  expect(formatDuration(7_500_000)).toBe('2 h 05');
  expect(formatDuration(59_999)).toBe('0 h 00');
});
