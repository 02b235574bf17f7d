import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The brand bar; `status` sits at its right (the connectivity indicator). */
export function AppHeader({ status }: { status: ReactNode }) {
  const { t } = useTranslation();

  return (
    <header className="bg-brand-700 pt-[env(safe-area-inset-top)] text-white">
      <div className="mx-auto flex max-w-md items-center justify-between gap-3 px-4 py-4">
        <div className="min-w-0">
          <h1 className="text-4xl leading-none font-extrabold tracking-tight">ciao</h1>
          <p className="mt-1 text-base text-brand-100">{t('app.tagline')}</p>
        </div>
        {status}
      </div>
    </header>
  );
}
