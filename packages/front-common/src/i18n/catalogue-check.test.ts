import { describe, expect, it } from 'vitest';
import { catalogueMismatches, catalogueShape } from './catalogue-check';
import { commonCatalogues } from './create-i18n';

describe('catalogueShape', () => {
  it('lists every text by its dotted key with its placeholders', () => {
    expect(
      catalogueShape({ app: { title: 'ciao', footer: 'v{{version}} ({{ date }})' }, empty: {} }),
    ).toEqual({ 'app.title': [], 'app.footer': ['date', 'version'] });
  });
});

describe('catalogueMismatches', () => {
  const fr = { a: 'x {{n}}', b: 'y' };

  it('finds nothing when every language has the keys and placeholders of French', () => {
    expect(catalogueMismatches({ fr, nl: fr, en: { b: 'Y', a: '{{n}} X' }, de: fr })).toEqual([]);
  });

  it('names missing keys, extra keys and other placeholders', () => {
    expect(
      catalogueMismatches({ fr, nl: { a: 'x {{n}}' }, en: { ...fr, c: 'z' }, de: { a: 'x {{m}}', b: 'y' } }),
    ).toEqual(['nl: b is missing', 'en: c is not in fr', 'de: a has placeholders m, not n']);
  });
});

describe('common catalogues', () => {
  it('give every language the keys and placeholders of French', () => {
    expect(catalogueMismatches(commonCatalogues)).toEqual([]);
  });
});
