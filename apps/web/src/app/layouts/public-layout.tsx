import { Outlet } from 'react-router';
import { AppLayout } from '../../components/app-layout';
import { LanguageSwitch } from '../../components/language-switch';

/** The frame of the pages seen before signing in. */
export function PublicLayout() {
  return (
    <AppLayout headerEnd={<LanguageSwitch />}>
      <Outlet />
    </AppLayout>
  );
}
