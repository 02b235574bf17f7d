import { auditPage, auditQuery } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../http/caller.js';
import { presentAuditEntry } from './audit-presenter.js';
import { listAuditEntries } from './list-audit-entries.js';

/** The company's audit trail (administrators only): who changed what, before and after, when. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered, with cursor pages',
        description:
          'Filters: from/to (ISO instants), action, actorId, entityType, entityId. Pass nextCursor as ' +
          '`before` for the next (older) page. Secrets are never recorded.',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
      config: { access: { capability: 'audit.read' } },
    },
    async (request) => {
      const { rows, actorNames, nextCursor } = await listAuditEntries(
        app.ctx,
        callerOf(request),
        request.query,
      );
      return { items: rows.map((row) => presentAuditEntry(row, actorNames)), nextCursor };
    },
  );
};
