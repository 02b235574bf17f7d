import { RequestErrorMessage } from '@ciao/front-common';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { FieldLabel, FieldNotes, useFieldIds } from './field-parts';

/** One choice of a {@link SearchCombobox}: what is picked, and how it reads in the list. */
export interface ComboboxOption {
  id: string;
  label: string;
  /** A second line (the client of a site, the identifier of an agent). */
  detail?: string;
}

/** How long typing must pause before the server is asked: one request per word, not per key. */
const SEARCH_DELAY_MS = 250;

function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * A text box that searches the server as one types and offers the answers as a list to pick from
 * (the ARIA combobox pattern: arrows move, Enter picks, Escape closes). Too many sites or agents
 * for a plain select; the server does the searching. Example:
 * `<SearchCombobox label="Site" queryKey={['sites']} search={(q, signal) => …} onPick={…} />`.
 */
export function SearchCombobox<Option extends ComboboxOption>({
  label,
  hint,
  error,
  queryKey,
  search,
  onPick,
  selectedLabel = '',
  noResults,
  searching,
  className = '',
  excluded = [],
  clearOnPick = false,
  disabled = false,
}: {
  label: string;
  hint?: string;
  error?: string;
  /** The query cache's key of this search; the typed text is appended. */
  queryKey: readonly unknown[];
  search: (q: string, signal: AbortSignal) => Promise<Option[]>;
  onPick: (option: Option) => void;
  /** What the box shows when it is not being typed in: the current choice. */
  selectedLabel?: string;
  noResults: string;
  searching: string;
  className?: string;
  /** Choices not to offer (agents already linked). */
  excluded?: readonly string[];
  /** For a picker that adds to a list: the box empties after each pick. */
  clearOnPick?: boolean;
  disabled?: boolean;
}) {
  const ids = useFieldIds(hint, error);
  const { id } = ids;
  const listId = `${id}-list`;
  const [text, setText] = useState(selectedLabel);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const closing = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A new choice from outside (a saved form) shows in the box.
  const [shownLabel, setShownLabel] = useState(selectedLabel);
  if (shownLabel !== selectedLabel) {
    setShownLabel(selectedLabel);
    setText(selectedLabel);
  }
  // Once something is picked, the box holds its label: that is not a search.
  const typed = text === selectedLabel && !clearOnPick ? '' : text.trim();
  const q = useDebounced(typed, SEARCH_DELAY_MS);
  const results = useQuery({
    queryKey: [...queryKey, 'search', q],
    queryFn: ({ signal }) => search(q, signal),
    enabled: open,
  });
  const options = (results.data ?? []).filter((option) => !excluded.includes(option.id));

  const pick = (option: Option) => {
    onPick(option);
    setText(clearOnPick ? '' : option.label);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open) {
      // Enter picks, and must not submit the form around the box.
      event.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const activeOption = open ? options[active] : undefined;

  return (
    <div className={`relative space-y-1 ${className}`}>
      <FieldLabel ids={ids} label={label} />
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-option-${activeOption.id}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        disabled={disabled}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          // Back in the box before a pending close: it stays open.
          clearTimeout(closing.current);
          setOpen(true);
        }}
        // Closing waits for a click in the list to land first; text typed but not picked goes, so
        // the box never shows something other than what will be saved.
        onBlur={() => {
          closing.current = setTimeout(() => {
            setOpen(false);
            if (!clearOnPick) setText(selectedLabel);
          }, 150);
        }}
        onKeyDown={onKeyDown}
        className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900 aria-invalid:border-red-700"
      />
      <FieldNotes ids={ids} hint={hint} error={error} />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-300 bg-white shadow-lg"
      >
        {open && results.isPending && <li className="px-3 py-2 text-slate-600">{searching}</li>}
        {open && results.isError && (
          <li className="px-3 py-2 text-red-900">
            <RequestErrorMessage error={results.error} />
          </li>
        )}
        {open && results.isSuccess && options.length === 0 && (
          <li className="px-3 py-2 text-slate-600">{noResults}</li>
        )}
        {open &&
          options.map((option, index) => (
            <li
              key={option.id}
              id={`${id}-option-${option.id}`}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: it comes before the box loses focus.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setActive(index)}
              className={`min-h-11 cursor-pointer px-3 py-2 ${index === active ? 'bg-brand-50' : ''}`}
            >
              <span className="block font-medium text-slate-900">{option.label}</span>
              {option.detail && <span className="block text-sm text-slate-600">{option.detail}</span>}
            </li>
          ))}
      </ul>
    </div>
  );
}
