import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Which form a list screen shows, kept in the address bar beside the list's search (`?new=1`,
 * `?edit=<id>`), so that another screen can link straight to it (a client's "new site" link) and
 * the back button closes it. Example: `const form = useFormInUrl(); form.openEdit(client.id)`.
 */
export function useFormInUrl() {
  const [searchParams, setSearchParams] = useSearchParams();
  const set = useCallback(
    (creating: boolean, editingId: string | undefined) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (creating) next.set('new', '1');
        else next.delete('new');
        if (editingId) next.set('edit', editingId);
        else next.delete('edit');
        return next;
      }),
    [setSearchParams],
  );
  const editingId = searchParams.get('edit') ?? undefined;
  return {
    creating: searchParams.get('new') === '1' && !editingId,
    editingId,
    openCreate: useCallback(() => set(true, undefined), [set]),
    openEdit: useCallback((id: string) => set(false, id), [set]),
    close: useCallback(() => set(false, undefined), [set]),
  };
}
