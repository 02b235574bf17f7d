import type { Capability } from '@ciao/domain';
import type { FastifyInstance } from 'fastify';

/**
 * Who may call a route. Every API route declares one in its `config.access`; the app refuses to
 * start with a route that has none, and the rights test walks this registry.
 * - `public`: anyone (health, meta, the login forms);
 * - `signedIn`: any web user allowed in the back-office (their own session and profile);
 * - `{ capability }`: a web user whose role has that capability in the rights table;
 * - `device`: an activated agent-app device (the agent login);
 * - `agent`: an agent signed in on an activated device (the agent app API);
 * - `{ apiScope }`: an API key with that scope (the public API, `/api/v1` only; `write` implies read);
 * - `operator`: a platform operator signed in to the console with their second factor
 *   (`/api/platform` only, and nothing else opens those routes).
 */
export type RouteAccess =
  | 'public'
  | 'signedIn'
  | { capability: Capability }
  | 'device'
  | 'agent'
  | { apiScope: 'read' | 'write' }
  | 'operator';

/** The operator console's prefix: its routes, and only they, take operator sessions. */
export const platformApiPrefix = '/api/platform/';

/** The public API's prefix: its routes, and only they, are opened by API keys. */
export const publicApiPrefix = '/api/v1/';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable between the password step and the TOTP step of a two-factor sign-in. */
    duringSecondFactor?: boolean;
    /** Reachable by an administrator who must enrol a second factor before anything else. */
    duringEnrolment?: boolean;
    /** Operator routes reachable before the sign-in is complete (the TOTP step, the set-up). */
    operatorStages?: ('password' | 'enrolment')[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Records every route with its access rule, and fails fast on an API route without one. */
export function trackRouteAccess(app: FastifyInstance, registry: RegisteredRoute[]) {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const isApi = route.url.startsWith('/api/') || route.url.startsWith('/health/');
    const access = route.config?.access;
    const isPublicApi = route.url.startsWith(publicApiPrefix);
    const byApiKey = typeof access === 'object' && 'apiScope' in access;
    if (access && isPublicApi !== byApiKey) {
      throw new Error(`Route ${methods.join(',')} ${route.url}: API keys open /api/v1 routes, and only them`);
    }
    const isPlatform = route.url.startsWith(platformApiPrefix);
    if (access && access !== 'public' && isPlatform !== (access === 'operator')) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url}: operator sessions open /api/platform routes, and only them`,
      );
    }
    if (!access) {
      if (isApi && !route.url.startsWith('/api/docs')) {
        throw new Error(`Route ${methods.join(',')} ${route.url} has no config.access rule`);
      }
      return;
    }
    for (const method of methods) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, access });
    }
  });
}
