import { Route, Routes } from 'react-router';
import { LicenceRequestsScreen } from './components/licence-requests-screen';
import { OutboxScreen } from './components/outbox-screen';
import { PlatformSetPasswordScreen } from './components/platform-set-password-screen';
import { PlatformSignInScreen } from './components/platform-sign-in-screen';
import { RequireOperator } from './components/require-operator';
import { TenantScreen } from './components/tenant-screen';
import { TenantsScreen } from './components/tenants-screen';

/**
 * The operator console at `/platform/*`: the same single-page app as the back-office, with its own
 * sign-in, session and frame (no tenant menu), loaded only when someone opens it.
 */
export function PlatformRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<PlatformSignInScreen />} />
      <Route path="set-password" element={<PlatformSetPasswordScreen />} />
      <Route element={<RequireOperator />}>
        <Route index element={<TenantsScreen />} />
        <Route path="tenants/:code" element={<TenantScreen />} />
        <Route path="licence-requests" element={<LicenceRequestsScreen />} />
        <Route path="emails" element={<OutboxScreen />} />
        <Route path="*" element={<TenantsScreen />} />
      </Route>
    </Routes>
  );
}
