import { createBrowserRouter } from 'react-router';
import { SignedInLayout } from './layouts/signed-in-layout';
import { PublicLayout } from './layouts/public-layout';
import { RequireCapability } from './require-capability';
import { RequireSession } from './require-session';
import { AgentsRoute } from './routes/agents-route';
import { ClientsRoute } from './routes/clients-route';
import { CompanyRoute } from './routes/company-route';
import { DashboardRoute } from './routes/dashboard-route';
import { LicencesRoute } from './routes/licences-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';
import { SignInRoute } from './routes/sign-in-route';
import { SitesRoute } from './routes/sites-route';
import { SubcontractorsRoute } from './routes/subcontractors-route';
import { TaskGroupsRoute } from './routes/task-groups-route';
import { TasksRoute } from './routes/tasks-route';
import { UsersRoute } from './routes/users-route';

// Each signed-in screen is in src/app/navigation.ts (its capability, its menu entry) and in
// `implementedScreens` there, so that the menu only links to screens that exist.
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [{ errorElement: <RouteError />, children: [{ path: '/sign-in', element: <SignInRoute /> }] }],
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
                children: [{ path: 'users', element: <UsersRoute /> }],
              },
              {
                element: <RequireCapability path="/agents" />,
                children: [{ path: 'agents', element: <AgentsRoute /> }],
              },
              {
                element: <RequireCapability path="/licences" />,
                children: [
                  { path: 'licences', element: <LicencesRoute tab="licences" /> },
                  { path: 'licences/devices', element: <LicencesRoute tab="devices" /> },
                ],
              },
              {
                element: <RequireCapability path="/clients" />,
                children: [{ path: 'clients', element: <ClientsRoute /> }],
              },
              {
                element: <RequireCapability path="/sites" />,
                children: [{ path: 'sites', element: <SitesRoute /> }],
              },
              {
                element: <RequireCapability path="/subcontractors" />,
                children: [{ path: 'subcontractors', element: <SubcontractorsRoute /> }],
              },
              {
                // Task groups are a tab of the tasks screen: the same roles read both.
                element: <RequireCapability path="/tasks" />,
                children: [
                  { path: 'tasks', element: <TasksRoute /> },
                  { path: 'tasks/groups', element: <TaskGroupsRoute /> },
                ],
              },
              {
                element: <RequireCapability path="/company" />,
                children: [{ path: 'company', element: <CompanyRoute /> }],
              },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
]);
