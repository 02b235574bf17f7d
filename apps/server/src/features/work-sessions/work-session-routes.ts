import {
  DomainError,
  workSessionCorrectionInput,
  workSessionDetail,
  workSessionList,
  workSessionListQuery,
  workSessionView,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/authenticate.js';
import { correctWorkSession } from './correct-work-session.js';
import { presentWorkSession } from './work-session-presenter.js';
import {
  findWorkSession,
  listWorkSessions,
  workSessionEventsAndCorrections,
} from './work-session-repository.js';

const tags = ['work sessions'];
const params = z.object({ workSessionId: z.uuid() });

export const workSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/work-sessions',
    {
      schema: {
        tags,
        summary: 'Work sessions per agent and day (registered and corrected figures)',
        querystring: workSessionListQuery,
        response: { 200: workSessionList },
      },
      config: { access: { capability: 'workSessions.read' } },
    },
    async (request) => {
      const user = requireUser(request);
      const { rows, total } = await listWorkSessions(app.ctx.db, user.tenantId, request.query);
      return {
        items: rows.map(presentWorkSession),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/work-sessions/:workSessionId',
    {
      schema: {
        tags,
        summary: 'One work session with its registrations and corrections',
        params,
        response: { 200: workSessionDetail },
      },
      config: { access: { capability: 'workSessions.read' } },
    },
    async (request) => {
      const user = requireUser(request);
      const found = await findWorkSession(app.ctx.db, user.tenantId, request.params.workSessionId);
      if (!found) throw new DomainError('NOT_FOUND', 'Work session not found.');
      const { events, corrections } = await workSessionEventsAndCorrections(
        app.ctx.db,
        user.tenantId,
        found.session.id,
      );
      return {
        ...presentWorkSession(found),
        events: events.map((event) => ({ ...event, deviceTime: event.deviceTime.toISOString() })),
        corrections: corrections.map(({ correction, correctedBy }) => ({
          id: correction.id,
          reason: correction.reason,
          correctedBy,
          at: correction.createdAt.toISOString(),
          before: correction.before,
          after: correction.after,
        })),
      };
    },
  );

  app.post(
    '/api/work-sessions/:workSessionId/corrections',
    {
      schema: {
        tags,
        summary: 'Corrects a work session (internal time accounting only; never sent to ONSS)',
        params,
        body: workSessionCorrectionInput,
        response: { 201: workSessionView },
      },
      config: { access: { capability: 'workSessions.correct' } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const corrected = await correctWorkSession(app.ctx, {
        tenantId: user.tenantId,
        userId: user.userId,
        workSessionId: request.params.workSessionId,
        ...request.body,
        ip: request.ip,
        requestId: request.id,
      });
      return reply.status(201).send(corrected);
    },
  );
};
