import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from './languages';
import type { Language } from './languages';

/**
 * Each text of a translation catalogue by its dotted key, with the placeholders it uses (sorted).
 * Example: `catalogueShape({ errors: { http: 'HTTP {{status}}' } })` -> `{ 'errors.http': ['status'] }`.
 */
export function catalogueShape(catalogue: unknown): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'object' && value !== null) {
      for (const [child, childValue] of Object.entries(value))
        walk(childValue, key ? `${key}.${child}` : child);
    } else {
      const text = typeof value === 'string' ? value : '';
      shape[key] = [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '').sort();
    }
  };
  walk(catalogue, '');
  return shape;
}

const listOf = (placeholders: string[]) => (placeholders.length > 0 ? placeholders.join(', ') : 'none');

/**
 * How each language's catalogue differs from the French one (missing or extra keys, other
 * placeholders): empty when every language has the same texts to translate. For the apps' tests:
 * `expect(catalogueMismatches({ fr, nl, en, de })).toEqual([])`.
 */
export function catalogueMismatches(catalogues: Record<Language, unknown>): string[] {
  const reference = catalogueShape(catalogues[DEFAULT_LANGUAGE]);
  const mismatches: string[] = [];
  for (const language of SUPPORTED_LANGUAGES) {
    if (language === DEFAULT_LANGUAGE) continue;
    const shape = catalogueShape(catalogues[language]);
    for (const key of Object.keys(reference)) {
      if (!(key in shape)) mismatches.push(`${language}: ${key} is missing`);
    }
    for (const [key, placeholders] of Object.entries(shape)) {
      const expected = reference[key];
      if (!expected) mismatches.push(`${language}: ${key} is not in ${DEFAULT_LANGUAGE}`);
      else if (listOf(placeholders) !== listOf(expected))
        mismatches.push(
          `${language}: ${key} has placeholders ${listOf(placeholders)}, not ${listOf(expected)}`,
        );
    }
  }
  return mismatches;
}
