import { authRouteFixtures } from './fixtures/auth-fixtures.js';
import type { RouteFixture } from './fixtures/fixture-types.js';

export type { FixtureContext, RouteFixture, RouteRequest } from './fixtures/fixture-types.js';

/** Every route's fixture for the rights test: one file per feature under ./fixtures. */
export const routeFixtures: Record<string, RouteFixture> = {
  ...authRouteFixtures,
};
