import { booleanQuery, presenceSnapshot } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/authenticate.js';
import { getPresenceSnapshot } from './get-presence-snapshot.js';
import type { PresenceHub } from './presence-hub.js';

const tags = ['presence'];
// Presence is what the registrations say right now: whoever reads registrations reads the board.
const read = { access: { capability: 'registrations.read' } } as const;

/** The live presence board: the snapshot, and the stream that says when it changed. */
export const presenceRoutes =
  (hub: PresenceHub): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/presence',
      {
        schema: {
          tags,
          summary: 'Who is on site now, and who is planned now or today but has not arrived',
          description:
            'Every open work session (working or on break, since the last registration) with agent, ' +
            'task, site and client; and the agents planned on a task today (or since yesterday and ' +
            'still running) who have not arrived for that period, by the rules of the NO_SHOW anomaly ' +
            '(`no_show` once its grace time has passed).',
          response: { 200: presenceSnapshot },
        },
        config: read,
      },
      async (request) => getPresenceSnapshot(app.ctx, requireUser(request).tenantId),
    );

    app.get(
      '/api/presence/stream',
      {
        schema: {
          tags,
          summary: 'Server-sent events: a `presence` event within a second of each change of the company',
          description:
            '`text/event-stream`. Starts with `retry:` and a `ready` event; then a `presence` event ' +
            '(agent, site, task, new state) after each committed registration or work-session ' +
            'correction of the caller’s company, whichever API process took it; a comment every 15 s; ' +
            'a `resync` event when changes may have been missed; `signed-out` before closing when the ' +
            'session ends. There is no replay: on (re)connection, fetch `/api/presence` again. ' +
            '`probe=true` ends the stream after the `ready` event (monitoring).',
          querystring: z.object({ probe: booleanQuery.optional() }),
          produces: ['text/event-stream'],
        },
        config: read,
      },
      async (request, reply) => {
        const user = requireUser(request);
        reply.hijack();
        reply.raw.setHeader('x-request-id', request.id);
        hub.open(
          { tenantId: user.tenantId, sessionIdHash: user.sessionIdHash, response: reply.raw },
          { probe: request.query.probe },
        );
      },
    );
  };
