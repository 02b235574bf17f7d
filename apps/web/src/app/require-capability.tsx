import { Outlet } from 'react-router';
import { canOpen } from './navigation';
import { ForbiddenRoute } from './routes/forbidden-route';
import { useSignedIn } from './session-context';

/** A screen of the menu table: its capability opens it, anyone else gets the 403 page. */
export function RequireCapability({ path }: { path: string }) {
  const session = useSignedIn();
  return canOpen(session.capabilities, path) ? <Outlet /> : <ForbiddenRoute />;
}
