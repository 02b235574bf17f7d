import type { Capability } from '@ciao/domain';
import type { FastifyInstance } from 'fastify';

/**
 * Who may call a route. Every API route declares one in its `config.access`; the app refuses to
 * start with a route that has none, and the rights test walks this registry.
 * - `public`: anyone (health, meta, login);
 * - `{ capability }`: a web user (or API key) whose role has that capability in the rights table.
 */
export type RouteAccess = 'public' | { capability: Capability };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
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
