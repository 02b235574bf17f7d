import { administrationRouteFixtures } from './fixtures/administration-fixtures.js';
import { analyticsRouteFixtures } from './fixtures/analytics-fixtures.js';
import { agentAppRouteFixtures } from './fixtures/agent-app-fixtures.js';
import { apiKeyRouteFixtures } from './fixtures/api-key-fixtures.js';
import { anomalyRouteFixtures } from './fixtures/anomaly-fixtures.js';
import { anomalySummaryRouteFixtures } from './fixtures/anomaly-summary-fixtures.js';
import { authRouteFixtures } from './fixtures/auth-fixtures.js';
import { clockRouteFixtures } from './fixtures/clock-fixtures.js';
import { exportRouteFixtures } from './fixtures/export-fixtures.js';
import { importRouteFixtures } from './fixtures/import-fixtures.js';
import { licenceRequestRouteFixtures } from './fixtures/licence-request-fixtures.js';
import { notificationRouteFixtures } from './fixtures/notification-fixtures.js';
import { onssConnectionRouteFixtures } from './fixtures/onss-connection-fixtures.js';
import { personalDataRouteFixtures } from './fixtures/personal-data-fixtures.js';
import { platformRouteFixtures } from './fixtures/platform-fixtures.js';
import { placesRouteFixtures } from './fixtures/places-fixtures.js';
import { onssRegistrationRouteFixtures } from './fixtures/onss-registration-fixtures.js';
import { onssSummaryRouteFixtures } from './fixtures/onss-summary-fixtures.js';
import { registrationRouteFixtures } from './fixtures/registration-fixtures.js';
import { taskVisibilityRouteFixtures } from './fixtures/task-visibility-fixtures.js';
import { webhookRouteFixtures } from './fixtures/webhook-fixtures.js';
import { presenceRouteFixtures } from './fixtures/presence-fixtures.js';
import { workSessionRouteFixtures } from './fixtures/work-session-fixtures.js';
import type { RouteFixture } from './fixtures/fixture-types.js';

export type { FixtureContext, RouteFixture, RouteRequest } from './fixtures/fixture-types.js';

/** Every route's fixture for the rights test: one file per feature under ./fixtures. */
export const routeFixtures: Record<string, RouteFixture> = {
  ...authRouteFixtures,
  ...agentAppRouteFixtures,
  ...administrationRouteFixtures,
  ...placesRouteFixtures,
  ...clockRouteFixtures,
  ...anomalyRouteFixtures,
  ...workSessionRouteFixtures,
  ...onssConnectionRouteFixtures,
  ...onssRegistrationRouteFixtures,
  ...taskVisibilityRouteFixtures,
  ...importRouteFixtures,
  ...onssSummaryRouteFixtures,
  ...anomalySummaryRouteFixtures,
  ...apiKeyRouteFixtures,
  ...registrationRouteFixtures,
  ...platformRouteFixtures,
  ...analyticsRouteFixtures,
  ...webhookRouteFixtures,
  ...presenceRouteFixtures,
  ...licenceRequestRouteFixtures,
  ...exportRouteFixtures,
  ...notificationRouteFixtures,
  ...personalDataRouteFixtures,
};
