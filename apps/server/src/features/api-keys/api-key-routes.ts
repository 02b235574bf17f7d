import { apiKeyList, apiKeySummary, createApiKeyRequest, createdApiKey } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { presentApiKey } from './api-key-presenter.js';
import { listApiKeys } from './api-key-repository.js';
import { createApiKey } from './create-api-key.js';
import { revokeApiKey } from './revoke-api-key.js';

const tags = ['api keys'];
const manage = { access: { capability: 'apiKeys.manage' } } as const;

/** The back-office side of the public API: the company's keys (administrators only). */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: "The company's API keys (never the keys themselves: only their prefix), newest first",
        response: { 200: apiKeyList },
      },
      config: manage,
    },
    async (request) => {
      const caller = callerOf(request);
      const now = app.ctx.now();
      const rows = await listApiKeys(app.ctx.db, caller.tenantId);
      return { items: rows.map((row) => presentApiKey(row, now)) };
    },
  );

  app.post(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'Creates an API key for the public API; the answer shows the key, once',
        body: createApiKeyRequest,
        response: { 201: createdApiKey },
      },
      config: manage,
    },
    async (request, reply) => {
      const created = await createApiKey(app.ctx, callerOf(request), request.body);
      return reply
        .status(201)
        .send({ key: created.key, apiKey: presentApiKey(created.apiKey, app.ctx.now()) });
    },
  );

  app.post(
    '/api/api-keys/:apiKeyId/revoke',
    {
      schema: {
        tags,
        summary: 'Revokes an API key: its next request is refused',
        params: z.object({ apiKeyId: z.uuid() }),
        response: { 200: apiKeySummary },
      },
      config: manage,
    },
    async (request) => {
      const revoked = await revokeApiKey(app.ctx, callerOf(request), request.params.apiKeyId);
      return presentApiKey(revoked, app.ctx.now());
    },
  );
};
