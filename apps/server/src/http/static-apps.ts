import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problem } from './problem.js';

/** Where the two front ends are built (apps/web/dist and apps/mobile/dist), from src/ or dist/. */
export const frontEndDirs = {
  web: fileURLToPath(new URL('../../../web/dist', import.meta.url)),
  mobile: fileURLToPath(new URL('../../../mobile/dist', import.meta.url)),
};

const apiPrefixes = ['/api/', '/health/'];

/**
 * Serves the back-office at `/` and the agent app at `/m/`, each a single-page app whose unknown
 * paths fall back to its index.html. API paths never fall back: they answer a problem document.
 */
export async function registerStaticApps(app: FastifyInstance, dirs: { web: string; mobile: string } | null) {
  const webBuilt = dirs !== null && fs.existsSync(path.join(dirs.web, 'index.html'));
  const mobileBuilt = dirs !== null && fs.existsSync(path.join(dirs.mobile, 'index.html'));

  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: dirs.web,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The builds write .br and .gz copies: a phone on a slow line gets a third of the bytes.
      preCompressed: true,
      // Cache-Control is ours alone (cacheHeaders): the plugin's own would say max-age=0.
      cacheControl: false,
      setHeaders: cacheHeaders,
    });
  }
  if (mobileBuilt) {
    await app.register(fastifyStatic, {
      root: dirs.mobile,
      prefix: '/m/',
      decorateReply: !webBuilt,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: cacheHeaders,
    });
    app.get('/m', { config: { access: 'public' } }, (_request, reply) => reply.redirect('/m/', 301));
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !apiPrefixes.some((prefix) => url.startsWith(prefix));
    if (wantsPage && url.startsWith('/m/') && mobileBuilt) {
      return reply
        .type('text/html')
        .header('Cache-Control', 'no-cache')
        .sendFile('index.html', dirs.mobile, { cacheControl: false });
    }
    if (wantsPage && webBuilt && !url.startsWith('/m/')) {
      return reply
        .type('text/html')
        .header('Cache-Control', 'no-cache')
        .sendFile('index.html', dirs.web, { cacheControl: false });
    }
    const detail = wantsPage
      ? 'This page is not built: run `npm run build` (or `npm start`, which builds what is missing).'
      : `No route ${request.method} ${url}. See /api/docs for the available routes.`;
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problem(404, 'ROUTE_NOT_FOUND', detail, { instance: url, requestId: request.id }));
  });
}

function cacheHeaders(reply: FastifyReply, filePath: string) {
  // Vite puts a content hash in asset names: cache them for a year. Everything else (index.html, the
  // service worker, the manifest) must be revalidated so that a new version reaches installed apps.
  if (/[\\/]assets[\\/]/.test(filePath)) {
    reply.header('Cache-Control', 'public, max-age=31536000, immutable');
  } else {
    reply.header('Cache-Control', 'no-cache');
  }
}
