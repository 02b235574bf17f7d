/**
 * Where to go after signing in: only a path of this site (`/users?page=2`), never another site
 * (`//evil.example`, `https://…`) nor the sign-in page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/sign-in' || next.startsWith('/sign-in?')) return '/';
  return next;
}

/** The sign-in address that comes back to `path` afterwards; `expired` shows "your session has ended". */
export function signInPath(path: string, options: { expired?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (path !== '/' && safeNext(path) === path) params.set('next', path);
  if (options.expired) params.set('expired', '1');
  const text = params.toString();
  return text ? `/sign-in?${text}` : '/sign-in';
}
