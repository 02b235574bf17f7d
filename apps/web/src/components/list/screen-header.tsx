import type { ReactNode } from 'react';

/** A screen's title (the page's only h1), what the screen is for, and its main action. */
export function ScreenHeader({
  headingId,
  title,
  intro,
  action,
}: {
  headingId?: string;
  title: string;
  intro?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 id={headingId} className="text-2xl font-bold text-slate-900 sm:text-3xl">
          {title}
        </h1>
        {intro && <p className="mt-2 max-w-prose text-slate-700">{intro}</p>}
      </div>
      {action}
    </div>
  );
}
