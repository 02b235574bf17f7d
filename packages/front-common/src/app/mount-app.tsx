import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a front end, in strict mode, into the `<div id="root">` of its index.html. */
export function mountApp(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html must contain <div id="root">');

  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
