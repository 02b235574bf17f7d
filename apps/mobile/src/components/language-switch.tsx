import { DEFAULT_LANGUAGE, LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isLanguage } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';

/** Four large buttons rather than a drop-down: easier to hit with a thumb, readable at a glance. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id={headingId} className="text-lg font-bold text-slate-900">
        {t('language.label')}
      </h2>
      <div role="group" aria-labelledby={headingId} className="mt-3 grid grid-cols-2 gap-2">
        {SUPPORTED_LANGUAGES.map((language) => {
          const selected = language === current;
          return (
            <button
              key={language}
              type="button"
              lang={language}
              aria-pressed={selected}
              onClick={() => {
                // The service worker keeps every language; without it and offline, the current one stays.
                changeLanguage(language).catch((error: unknown) =>
                  console.error('Language not loaded', error),
                );
              }}
              className={`min-h-14 rounded-lg border-2 px-2 text-lg font-semibold ${
                selected
                  ? 'border-brand-700 bg-brand-700 text-white'
                  : 'border-slate-300 bg-white text-slate-900 hover:border-brand-700'
              }`}
            >
              {LANGUAGE_NAMES[language]}
            </button>
          );
        })}
      </div>
    </section>
  );
}
