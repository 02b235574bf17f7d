import { describe, expect, it } from 'vitest';
import { languageOfTag, pickInitialLanguage } from './languages';

describe('pickInitialLanguage', () => {
  it('prefers the saved choice', () => {
    expect(pickInitialLanguage('de', ['nl-BE'])).toBe('de');
  });

  it('ignores a saved value that is not a supported language', () => {
    expect(pickInitialLanguage('es', ['nl-BE'])).toBe('nl');
  });

  it('takes the first browser language ciao speaks', () => {
    expect(pickInitialLanguage(null, ['es-ES', 'en-GB', 'fr-BE'])).toBe('en');
  });

  it('falls back to French', () => {
    expect(pickInitialLanguage(null, ['es-ES', 'it'])).toBe('fr');
    expect(pickInitialLanguage(null, [])).toBe('fr');
  });
});

describe('languageOfTag', () => {
  it('reads the primary subtag, whatever the case or separator', () => {
    expect(languageOfTag('NL_be')).toBe('nl');
    expect(languageOfTag('de-DE')).toBe('de');
    expect(languageOfTag('pt-BR')).toBeUndefined();
  });
});
