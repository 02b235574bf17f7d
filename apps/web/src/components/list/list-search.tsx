import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON, TextField } from '../text-field';

/**
 * A list's search box (sent on submit, not on every key, so that a slow line is not flooded) and
 * its filters, which apply as soon as they change.
 */
export function ListSearch({
  value,
  onSearch,
  hint,
  children,
}: {
  value: string;
  onSearch: (q: string) => void;
  hint?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  // When the search changes from outside (the back button), the box shows it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  return (
    <form role="search" onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <TextField
        className="min-w-56 flex-1"
        label={t('list.search')}
        placeholder={hint}
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className={SECONDARY_BUTTON}>
        {t('list.searchSubmit')}
      </button>
      {children}
    </form>
  );
}
