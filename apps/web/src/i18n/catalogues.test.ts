import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(catalogue: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string')
      result[prefix] = [...value.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();
    else if (typeof value === 'object' && value !== null)
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key);
  };
  walk(catalogue, '');
  return result;
}

describe('translation catalogues', () => {
  it.each([
    ['nl', nl],
    ['en', en],
    ['de', de],
  ])('%s has exactly the keys and placeholders of fr', (_language, catalogue) => {
    expect(keysOf(catalogue).sort()).toEqual(keysOf(fr).sort());
    expect(placeholdersOf(catalogue)).toEqual(placeholdersOf(fr));
  });
});
