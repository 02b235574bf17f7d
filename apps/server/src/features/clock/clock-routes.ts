import {
  agentClockState,
  agentHistoryResponse,
  agentTasksResponse,
  clockEventBatchInput,
  clockEventBatchResult,
  clockEventInput,
  clockEventResult,
  exampleRecordedClockEvent,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAgent } from '../../http/authenticate.js';
import { presentClockEvent, presentClockState } from './clock-event-presenter.js';
import { findOpenSession, listAgentEvents } from './clock-repository.js';
import { listMyTasks } from './list-agent-tasks.js';
import { clockEventGroupCommit } from './clock-event-group-commit.js';
import { recordClockEventBatch } from './record-clock-event-batch.js';

const tags = ['agent app'];
const clockEventAnswer = clockEventResult.extend({ state: agentClockState }).meta({
  examples: [
    {
      id: exampleRecordedClockEvent.id,
      outcome: 'recorded',
      event: exampleRecordedClockEvent,
      state: {
        status: 'WORKING',
        taskId: exampleRecordedClockEvent.taskId,
        since: exampleRecordedClockEvent.deviceTime,
      },
    },
  ],
});

export const clockRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agent/v1/tasks',
    {
      schema: {
        tags,
        summary: 'My tasks: linked, active and valid today, with today’s planned times',
        description:
          'A task is missing when it is inactive, outside its validity dates, or not linked to the agent: the manager fixes it in the back-office.',
        response: { 200: agentTasksResponse },
      },
      config: { access: 'agent' },
    },
    async (request) => {
      const agent = requireAgent(request);
      return listMyTasks(app.ctx, { tenantId: agent.tenantId, agentId: agent.agentId });
    },
  );

  app.get(
    '/api/agent/v1/state',
    {
      schema: {
        tags,
        summary: 'Where I stand: off, working or on a break, on which task',
        description:
          'The open work session decides it: OFF without one, WORKING or ON_BREAK with its task and since when.',
        response: { 200: agentClockState },
      },
      config: { access: 'agent' },
    },
    async (request) => {
      const agent = requireAgent(request);
      return presentClockState(await findOpenSession(app.ctx.db, agent.tenantId, agent.agentId));
    },
  );

  app.get(
    '/api/agent/v1/clock-events',
    {
      schema: {
        tags,
        summary: 'My registrations of the last days, with their ONSS status',
        description:
          'Newest first, over `days` days (7 by default, at most 31), with the site and task names.',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(31).default(7) }),
        response: { 200: agentHistoryResponse },
      },
      config: { access: 'agent' },
    },
    async (request) => {
      const agent = requireAgent(request);
      const since = new Date(app.ctx.now().getTime() - request.query.days * 86_400_000);
      const rows = await listAgentEvents(app.ctx.db, agent.tenantId, agent.agentId, since);
      return {
        events: rows.map((row) => ({
          ...presentClockEvent(row.event, row.onssStatus),
          siteName: row.siteName,
          taskName: row.taskName,
        })),
      };
    },
  );

  app.post(
    '/api/agent/v1/clock-events',
    {
      schema: {
        tags,
        summary: 'Registers one arrival, pause, resume or departure',
        description:
          'The id is made by the app: sending the same event again answers 200 with outcome already_recorded (a success); ' +
          'the same id with other content answers 409 CLOCK_EVENT_CONFLICT. The position is mandatory.',
        body: clockEventInput,
        response: {
          200: clockEventAnswer,
          201: clockEventAnswer,
        },
      },
      config: { access: 'agent' },
    },
    async (request, reply) => {
      const agent = requireAgent(request);
      const recorded = await clockEventGroupCommit(app.ctx).record({
        tenantId: agent.tenantId,
        agentId: agent.agentId,
        deviceId: agent.deviceId,
        event: request.body,
        ip: request.ip,
        requestId: request.id,
      });
      const body = {
        id: request.body.id,
        outcome: recorded.outcome,
        event: recorded.event,
        state: recorded.state,
        ...(recorded.outcome === 'already_recorded' ? { code: 'ALREADY_RECORDED' } : {}),
      };
      return reply.status(recorded.outcome === 'recorded' ? 201 : 200).send(body);
    },
  );

  app.post(
    '/api/agent/v1/clock-events/batch',
    {
      schema: {
        tags,
        summary: 'Syncs queued registrations (up to 500), each with its own result',
        description:
          'Applied in device-time order; one bad item never blocks the others. Replays answer already_recorded.',
        body: clockEventBatchInput,
        response: { 200: clockEventBatchResult },
      },
      config: { access: 'agent' },
    },
    async (request) => {
      const agent = requireAgent(request);
      return recordClockEventBatch(app.ctx, {
        tenantId: agent.tenantId,
        agentId: agent.agentId,
        deviceId: agent.deviceId,
        events: request.body.events,
        ip: request.ip,
        requestId: request.id,
      });
    },
  );
};
