import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { SignedInLayout } from './layouts/signed-in-layout';
import { PublicLayout } from './layouts/public-layout';
import { RequireCapability } from './require-capability';
import { RequireSession } from './require-session';
import { DashboardRoute } from './routes/dashboard-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';
import { SignInRoute } from './routes/sign-in-route';

/**
 * A screen loaded when first opened: the sign-in page and the shell come in the first download,
 * each screen's code (and its libraries, such as the map) only when someone opens it.
 */
function screen(load: () => Promise<ComponentType>) {
  return async () => ({ Component: await load() });
}

// Each signed-in screen is in src/app/navigation.ts (its capability, its menu entry) and in
// `implementedScreens` there, so that the menu only links to screens that exist.
export const router = createBrowserRouter([
  {
    // The operator console: its own sign-in, session and frame (see features/platform).
    path: '/platform/*',
    errorElement: <RouteError />,
    lazy: screen(async () => (await import('../features/platform/platform-routes')).PlatformRoutes),
  },
  {
    element: <PublicLayout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: '/sign-in', element: <SignInRoute /> },
          {
            path: '/forgot-password',
            lazy: screen(
              async () =>
                (await import('../features/password-links/components/forgot-password-screen'))
                  .ForgotPasswordScreen,
            ),
          },
          {
            path: '/set-password',
            lazy: screen(
              async () =>
                (await import('../features/password-links/components/set-password-screen')).SetPasswordScreen,
            ),
          },
        ],
      },
    ],
  },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      {
        element: <SignedInLayout />,
        children: [
          {
            // A pathless route holds the error element, so that an error keeps the header and menu.
            errorElement: <RouteError />,
            children: [
              { index: true, element: <DashboardRoute /> },
              {
                element: <RequireCapability path="/users" />,
                children: [
                  {
                    path: 'users',
                    lazy: screen(async () => (await import('./routes/users-route')).UsersRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/agents" />,
                children: [
                  {
                    path: 'agents',
                    lazy: screen(async () => (await import('./routes/agents-route')).AgentsRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/licences" />,
                children: [
                  {
                    path: 'licences',
                    lazy: screen(async () => {
                      const { LicencesRoute } = await import('./routes/licences-route');
                      return () => <LicencesRoute tab="licences" />;
                    }),
                  },
                  {
                    path: 'licences/devices',
                    lazy: screen(async () => {
                      const { LicencesRoute } = await import('./routes/licences-route');
                      return () => <LicencesRoute tab="devices" />;
                    }),
                  },
                ],
              },
              {
                element: <RequireCapability path="/clients" />,
                children: [
                  {
                    path: 'clients',
                    lazy: screen(async () => (await import('./routes/clients-route')).ClientsRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/sites" />,
                children: [
                  {
                    path: 'sites',
                    lazy: screen(async () => (await import('./routes/sites-route')).SitesRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/subcontractors" />,
                children: [
                  {
                    path: 'subcontractors',
                    lazy: screen(
                      async () => (await import('./routes/subcontractors-route')).SubcontractorsRoute,
                    ),
                  },
                ],
              },
              {
                // Task groups are a tab of the tasks screen: the same roles read both.
                element: <RequireCapability path="/tasks" />,
                children: [
                  {
                    path: 'tasks',
                    lazy: screen(async () => (await import('./routes/tasks-route')).TasksRoute),
                  },
                  {
                    path: 'tasks/groups',
                    lazy: screen(async () => (await import('./routes/task-groups-route')).TaskGroupsRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/registrations" />,
                children: [
                  {
                    path: 'registrations',
                    lazy: screen(
                      async () => (await import('./routes/registrations-route')).RegistrationsRoute,
                    ),
                  },
                ],
              },
              {
                element: <RequireCapability path="/presence" />,
                children: [
                  {
                    path: 'presence',
                    lazy: screen(async () => (await import('./routes/presence-route')).PresenceRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/work-sessions" />,
                children: [
                  {
                    path: 'work-sessions',
                    lazy: screen(
                      async () => (await import('./routes/work-sessions-route')).WorkSessionsRoute,
                    ),
                  },
                ],
              },
              {
                element: <RequireCapability path="/imports" />,
                children: [
                  {
                    path: 'imports',
                    lazy: screen(async () => (await import('./routes/imports-route')).ImportsRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/company" />,
                children: [
                  {
                    path: 'company',
                    lazy: screen(async () => (await import('./routes/company-route')).CompanyRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/onss" />,
                children: [
                  {
                    path: 'onss',
                    lazy: screen(async () => {
                      const { OnssRoute } = await import('./routes/onss-route');
                      return () => <OnssRoute kind="registrations" />;
                    }),
                  },
                  {
                    path: 'onss/registrations/:registrationId',
                    lazy: screen(async () => {
                      const { OnssRoute } = await import('./routes/onss-route');
                      return () => <OnssRoute kind="registration" />;
                    }),
                  },
                  {
                    path: 'onss/corrections',
                    lazy: screen(async () => {
                      const { OnssRoute } = await import('./routes/onss-route');
                      return () => <OnssRoute kind="corrections" />;
                    }),
                  },
                  {
                    path: 'onss/corrections/new',
                    lazy: screen(async () => {
                      const { OnssRoute } = await import('./routes/onss-route');
                      return () => <OnssRoute kind="newCorrection" />;
                    }),
                  },
                  {
                    path: 'onss/corrections/:correctionRequestId',
                    lazy: screen(async () => {
                      const { OnssRoute } = await import('./routes/onss-route');
                      return () => <OnssRoute kind="correction" />;
                    }),
                  },
                ],
              },
              {
                element: <RequireCapability path="/anomalies" />,
                children: [
                  {
                    path: 'anomalies',
                    lazy: screen(async () => (await import('./routes/anomalies-route')).AnomaliesRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/exports" />,
                children: [
                  {
                    path: 'exports',
                    lazy: screen(async () => (await import('./routes/exports-route')).ExportsRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/api-keys" />,
                children: [
                  {
                    path: 'api-keys',
                    lazy: screen(async () => (await import('./routes/api-keys-route')).ApiKeysRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/analytics" />,
                children: [
                  {
                    path: 'analytics',
                    lazy: screen(async () => (await import('./routes/analytics-route')).AnalyticsRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/webhooks" />,
                children: [
                  {
                    path: 'webhooks',
                    lazy: screen(async () => (await import('./routes/webhooks-route')).WebhooksRoute),
                  },
                ],
              },
              {
                element: <RequireCapability path="/notifications" />,
                children: [
                  {
                    path: 'notifications',
                    lazy: screen(
                      async () => (await import('./routes/notifications-route')).NotificationsRoute,
                    ),
                  },
                ],
              },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
]);
