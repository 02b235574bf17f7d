import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { i18n } from 'i18next';
import { createI18n } from './create-i18n';

// createI18n reads the browser's languages and sets <html lang>: the bare minimum of both, in Node.
let html: { lang: string };

beforeEach(() => {
  html = { lang: '' };
  vi.stubGlobal('document', { documentElement: html });
  vi.stubGlobal('navigator', { languages: ['nl-BE'], language: 'nl-BE' });
  vi.stubGlobal('window', {}); // no localStorage: no saved choice
});

afterEach(() => {
  vi.unstubAllGlobals();
});

// The keys below are this test's own, not the package's typed ones.
const greeting = (instance: i18n) => (instance.t as (key: string) => string)('greeting');

const fr = { greeting: 'Bonjour' };
const nl = { greeting: 'Hallo' };
const en = { greeting: 'Hello' };
const de = { greeting: 'Guten Tag' };

describe('createI18n', () => {
  it('is usable at once when every catalogue is bundled', async () => {
    const { i18next, ready } = createI18n({ fr, nl, en, de });
    expect(greeting(i18next)).toBe('Hallo');
    expect(html.lang).toBe('nl');
    await expect(ready).resolves.toBeUndefined();
  });

  it('loads only the starting language among the loaded ones, and says when it is there', async () => {
    const load = { nl: vi.fn(async () => ({ default: nl })), en: vi.fn(async () => ({ default: en })) };
    const { i18next, ready } = createI18n({ fr, nl: load.nl, en: load.en, de });
    await ready;
    expect(greeting(i18next)).toBe('Hallo');
    expect(load.nl).toHaveBeenCalledTimes(1);
    expect(load.en).not.toHaveBeenCalled();
  });

  it('loads a language before switching to it, once', async () => {
    const loadEn = vi.fn(async () => ({ default: en }));
    const { i18next, changeLanguage, ready } = createI18n({ fr, nl, en: loadEn, de });
    await ready;
    await changeLanguage('en');
    expect(greeting(i18next)).toBe('Hello');
    await changeLanguage('nl');
    await changeLanguage('en');
    expect(loadEn).toHaveBeenCalledTimes(1);
    expect(html.lang).toBe('en');
  });

  it('remembers a chosen language before its texts arrive, so a page left meanwhile opens in it', async () => {
    const saved = new Map<string, string>();
    vi.stubGlobal('window', {
      localStorage: { getItem: (key: string) => saved.get(key) ?? null, setItem: saved.set.bind(saved) },
    });
    let deliverEn: (catalogue: { default: typeof en }) => void = () => {};
    const { i18next, changeLanguage, ready } = createI18n({
      fr,
      nl,
      en: () => new Promise((resolve) => (deliverEn = resolve)),
      de,
    });
    await ready;
    const switching = changeLanguage('en');
    expect([...saved.values()]).toEqual(['en']);
    expect(greeting(i18next)).toBe('Hallo');
    deliverEn({ default: en });
    await switching;
    expect(greeting(i18next)).toBe('Hello');
  });

  it('keeps the default language showing when a catalogue cannot be loaded', async () => {
    const { i18next, ready, changeLanguage } = createI18n({
      fr,
      nl: () => Promise.reject(new Error('offline')),
      en,
      de,
    });
    await expect(ready).rejects.toThrow('offline');
    expect(greeting(i18next)).toBe('Bonjour');
    await expect(changeLanguage('nl')).rejects.toThrow('offline');
  });
});
