import {
  DomainError,
  publicAgent,
  publicAgentPage,
  publicAnomaly,
  publicAnomalyPage,
  publicClient,
  publicClientPage,
  publicCreateAgentRequest,
  publicCreateClientRequest,
  publicCreateSiteRequest,
  publicCreateTaskRequest,
  publicListQuery,
  publicOnssStatus,
  publicOnssStatusPage,
  publicRegistration,
  publicRegistrationPage,
  publicSite,
  publicSitePage,
  publicTask,
  publicTaskPage,
  publicUpdateAgentRequest,
  publicUpdateClientRequest,
  publicUpdateSiteRequest,
  publicUpdateTaskRequest,
  publicWorkSession,
  publicWorkSessionPage,
  type PublicListQuery,
} from '@ciao/domain';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApiKey } from '../../http/authenticate.js';
import { apiKeyCallerOf } from '../../http/caller.js';
import { createAgent } from '../agents/create-agent.js';
import { getAgent } from '../agents/get-agent.js';
import { updateAgent } from '../agents/update-agent.js';
import { createClient } from '../clients/create-client.js';
import { getClient } from '../clients/get-client.js';
import { updateClient } from '../clients/update-client.js';
import { createSite } from '../sites/create-site.js';
import { getSite } from '../sites/get-site.js';
import { updateSite } from '../sites/update-site.js';
import { createTask } from '../tasks/create-task.js';
import { getTask } from '../tasks/get-task.js';
import { updateTask } from '../tasks/update-task.js';
import { replayOrRun } from './idempotency.js';
import {
  presentPublicAgent,
  presentPublicAnomaly,
  presentPublicClient,
  presentPublicOnssStatus,
  presentPublicRegistration,
  presentPublicSite,
  presentPublicTask,
  presentPublicWorkSession,
} from './public-api-presenter.js';
import { findRow, listChangedRows, type SyncList } from './public-api-repository.js';
import { decodeCursor, encodeCursor, watermarkAt } from './sync-cursor.js';

const prefix = '/api/v1';
const read = { access: { apiScope: 'read' } } as const;
const write = { access: { apiScope: 'write' } } as const;
const idParams = z.object({ id: z.uuid() });
const security = [{ apiKey: [] }];
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .meta({ description: 'Any unique string (a UUID): the same request sent again is answered once.' }),
});

const listDescription =
  'Oldest change first, `limit` rows a page (at most 500). Follow `nextCursor` until it is null, then ' +
  'keep `syncWatermark` and pass it as `updated_since` at the next run: every row created or changed ' +
  'since is returned, including rows whose transaction committed late (the watermark overlaps the ' +
  'previous run by five minutes, so some rows come again: upsert them on `id`).';

/** One page of a list, from the cursor or from the start of a run. */
async function listPage(
  app: FastifyInstance,
  tenantId: string,
  list: SyncList,
  query: PublicListQuery,
  present: (row: unknown) => unknown,
) {
  const cursor = query.cursor ? decodeCursor(query.cursor, list) : null;
  const watermark = cursor?.watermark ?? watermarkAt(app.ctx.now());
  const since = cursor ? cursor.since : (query.updated_since ?? null);
  const rows = await listChangedRows(app.ctx.db, list, {
    tenantId,
    since: since ? new Date(since) : null,
    after: cursor ? { micros: cursor.afterMicros, id: cursor.afterId } : null,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          list,
          afterMicros: last.micros,
          afterId: (last.row as { id: string }).id,
          watermark,
          since: since ? new Date(since).toISOString() : null,
        })
      : null;
  return { items: page.map((entry) => present(entry.row)), nextCursor, syncWatermark: watermark };
}

function notFound(what: string): never {
  throw new DomainError('NOT_FOUND', `No such ${what} in your company.`);
}

/**
 * The public API, v1: thin adapters over the back-office's use-cases with contracts of their own
 * (packages/domain/src/contracts/public-api.ts), opened by API keys.
 */
export const publicApiRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- Read and write: agents, clients, sites, tasks -------------------------------------------

  const writable = [
    {
      path: 'agents',
      list: 'agents' as const,
      one: 'agent',
      tag: 'agents',
      view: publicAgent,
      page: publicAgentPage,
      createBody: publicCreateAgentRequest,
      updateBody: publicUpdateAgentRequest,
      present: presentPublicAgent,
      notes:
        'The NISS may be sent (checked like in the back-office) but is never returned (`hasNiss`). ' +
        'A key writes like an administrative manager: no ADM or GST agent, no web user role, no app password.',
      get: async (caller: ReturnType<typeof apiKeyCallerOf>, id: string) =>
        (await getAgent(app.ctx, caller, id)).agent,
      create: async (caller: ReturnType<typeof apiKeyCallerOf>, body: unknown) =>
        (await createAgent(app.ctx, caller, body as Parameters<typeof createAgent>[2])).agent,
      update: async (caller: ReturnType<typeof apiKeyCallerOf>, id: string, body: unknown) =>
        (await updateAgent(app.ctx, caller, id, body as Parameters<typeof updateAgent>[3])).agent,
    },
    {
      path: 'clients',
      list: 'clients' as const,
      one: 'client',
      tag: 'clients',
      view: publicClient,
      page: publicClientPage,
      createBody: publicCreateClientRequest,
      updateBody: publicUpdateClientRequest,
      present: presentPublicClient,
      notes: 'The enterprise number is checked and stored as 10 digits.',
      get: (caller: ReturnType<typeof apiKeyCallerOf>, id: string) => getClient(app.ctx, caller, id),
      create: (caller: ReturnType<typeof apiKeyCallerOf>, body: unknown) =>
        createClient(app.ctx, caller, body as Parameters<typeof createClient>[2]),
      update: (caller: ReturnType<typeof apiKeyCallerOf>, id: string, body: unknown) =>
        updateClient(app.ctx, caller, id, body as Parameters<typeof updateClient>[3]),
    },
    {
      path: 'sites',
      list: 'sites' as const,
      one: 'site',
      tag: 'sites',
      view: publicSite,
      page: publicSitePage,
      createBody: publicCreateSiteRequest,
      updateBody: publicUpdateSiteRequest,
      present: presentPublicSite,
      notes:
        'Latitude and longitude come together; the geofence radius defaults to the company’s; the work ' +
        'declaration number is checked.',
      get: (caller: ReturnType<typeof apiKeyCallerOf>, id: string) => getSite(app.ctx, caller, id),
      create: (caller: ReturnType<typeof apiKeyCallerOf>, body: unknown) =>
        createSite(app.ctx, caller, body as Parameters<typeof createSite>[2]),
      update: (caller: ReturnType<typeof apiKeyCallerOf>, id: string, body: unknown) =>
        updateSite(app.ctx, caller, id, body as Parameters<typeof updateSite>[3]),
    },
    {
      path: 'tasks',
      list: 'tasks' as const,
      one: 'task',
      tag: 'tasks',
      view: publicTask,
      page: publicTaskPage,
      createBody: publicCreateTaskRequest,
      updateBody: publicUpdateTaskRequest,
      present: presentPublicTask,
      notes:
        'The schedule is a list of weekly slots (ISO weekday, local HH:MM); agents are linked in the back-office.',
      get: (caller: ReturnType<typeof apiKeyCallerOf>, id: string) => getTask(app.ctx, caller, id),
      create: (caller: ReturnType<typeof apiKeyCallerOf>, body: unknown) =>
        createTask(app.ctx, caller, body as Parameters<typeof createTask>[2]),
      update: (caller: ReturnType<typeof apiKeyCallerOf>, id: string, body: unknown) =>
        updateTask(app.ctx, caller, id, body as Parameters<typeof updateTask>[3]),
    },
  ];

  for (const resource of writable) {
    const present = resource.present as (row: unknown) => unknown;
    const tags = [resource.tag];
    app.get(
      `${prefix}/${resource.path}`,
      {
        schema: {
          tags,
          security,
          summary: `Lists the company’s ${resource.path}, in change order (incremental sync)`,
          description: listDescription,
          querystring: publicListQuery,
          response: { 200: resource.page },
        },
        config: read,
      },
      async (request) =>
        listPage(app, requireApiKey(request).tenantId, resource.list, request.query, present) as never,
    );
    app.get(
      `${prefix}/${resource.path}/:id`,
      {
        schema: {
          tags,
          security,
          summary: `One ${resource.one}`,
          description: `Another company’s ${resource.one} answers 404, like a missing one.`,
          params: idParams,
          response: { 200: resource.view },
        },
        config: read,
      },
      async (request) => present(await resource.get(apiKeyCallerOf(request), request.params.id)) as never,
    );
    app.post(
      `${prefix}/${resource.path}`,
      {
        schema: {
          tags,
          security,
          summary: `Creates a ${resource.one}`,
          description: `${resource.notes} Send an \`Idempotency-Key\` header to retry safely.`,
          headers: idempotencyHeaders,
          body: resource.createBody,
          response: { 201: resource.view },
        },
        config: write,
      },
      async (request, reply) =>
        replayOrRun(app.ctx, request, reply, async () => ({
          status: 201,
          body: present(await resource.create(apiKeyCallerOf(request), request.body)),
        })),
    );
    app.patch(
      `${prefix}/${resource.path}/:id`,
      {
        schema: {
          tags,
          security,
          summary: `Changes a ${resource.one} (only the fields sent)`,
          description: resource.notes,
          params: idParams,
          body: resource.updateBody,
          response: { 200: resource.view },
        },
        config: write,
      },
      async (request) =>
        present(await resource.update(apiKeyCallerOf(request), request.params.id, request.body)) as never,
    );
  }

  // --- Read only: registrations, work sessions, ONSS statuses, anomalies -----------------------

  const readOnly = [
    {
      path: 'registrations',
      list: 'registrations' as const,
      one: 'registration',
      view: publicRegistration,
      page: publicRegistrationPage,
      present: presentPublicRegistration,
      notes:
        'Registrations (clock events) are legal records, never changed: `updated_since` filters on ' +
        '`receivedAt`. Manager corrections are on the work sessions.',
    },
    {
      path: 'work-sessions',
      list: 'workSessions' as const,
      one: 'work session',
      view: publicWorkSession,
      page: publicWorkSessionPage,
      present: presentPublicWorkSession,
      notes:
        'A session from arrival to departure on one task; corrected figures are beside the registered ones.',
    },
    {
      path: 'onss-statuses',
      list: 'onssStatuses' as const,
      one: 'ONSS status',
      view: publicOnssStatus,
      page: publicOnssStatusPage,
      present: presentPublicOnssStatus,
      notes: 'One per registration: where its declaration to ONSS stands (`status`), with ONSS’s remarks.',
    },
    {
      path: 'anomalies',
      list: 'anomalies' as const,
      one: 'anomaly',
      view: publicAnomaly,
      page: publicAnomalyPage,
      present: presentPublicAnomaly,
      notes: 'Compliance anomalies, open, acknowledged or resolved.',
    },
  ];

  for (const resource of readOnly) {
    const present = resource.present as (row: unknown) => unknown;
    const tags = [resource.path];
    app.get(
      `${prefix}/${resource.path}`,
      {
        schema: {
          tags,
          security,
          summary: `Lists the company’s ${resource.path.replace('-', ' ')}, in change order (incremental sync)`,
          description: `${resource.notes} ${listDescription}`,
          querystring: publicListQuery,
          response: { 200: resource.page },
        },
        config: read,
      },
      async (request) =>
        listPage(app, requireApiKey(request).tenantId, resource.list, request.query, present) as never,
    );
    app.get(
      `${prefix}/${resource.path}/:id`,
      {
        schema: {
          tags,
          security,
          summary: `One ${resource.one}`,
          description: `${resource.notes} Another company’s ${resource.one} answers 404.`,
          params: idParams,
          response: { 200: resource.view },
        },
        config: read,
      },
      async (request) => {
        const row = await findRow(
          app.ctx.db,
          resource.list,
          requireApiKey(request).tenantId,
          request.params.id,
        );
        return (row ? present(row) : notFound(resource.one)) as never;
      },
    );
  }
};
