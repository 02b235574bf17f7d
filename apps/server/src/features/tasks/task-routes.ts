import {
  createTaskRequest,
  setTaskAgentsRequest,
  taskAgentList,
  taskListQuery,
  taskPage,
  taskView,
  updateTaskRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { createTask } from './create-task.js';
import { getTask } from './get-task.js';
import { listTaskAgents } from './list-task-agents.js';
import { listTasks } from './list-tasks.js';
import { setTaskAgents } from './set-task-agents.js';
import { presentTask } from './task-presenter.js';
import { updateTask } from './update-task.js';

const tags = ['tasks'];
const params = z.object({ taskId: z.uuid() });
const rules =
  'siteId and groupId must be the company’s (SITE_NOT_FOUND, TASK_GROUP_NOT_FOUND); schedule: weekday 1–7, ' +
  'HH:MM times (an end at or before the start crosses midnight), at most 21 slots, none twice ' +
  '(DUPLICATE_SLOT); validUntil on or after validFrom (DATE_RANGE).';

/** Tasks: the recurring work on a site that linked agents see in the agent app. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Lists tasks (search on task, site and client names; filters; sort; pages)',
        querystring: taskListQuery,
        response: { 200: taskPage },
      },
      config: { access: { capability: 'tasks.read' } },
    },
    async (request) => {
      const { rows, total } = await listTasks(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentTask), total, page, pageSize };
    },
  );

  app.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Creates a task',
        description: rules,
        body: createTaskRequest,
        response: { 201: taskView },
      },
      config: { access: { capability: 'tasks.write' } },
    },
    async (request, reply) => {
      const created = await createTask(app.ctx, callerOf(request), request.body);
      return reply.status(201).send(presentTask(created));
    },
  );

  app.get(
    '/api/tasks/:taskId',
    {
      schema: { tags, summary: 'One task', params, response: { 200: taskView } },
      config: { access: { capability: 'tasks.read' } },
    },
    async (request) => presentTask(await getTask(app.ctx, callerOf(request), request.params.taskId)),
  );

  app.patch(
    '/api/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Changes a task (only the fields sent; the schedule as a whole)',
        description: rules,
        params,
        body: updateTaskRequest,
        response: { 200: taskView },
      },
      config: { access: { capability: 'tasks.write' } },
    },
    async (request) =>
      presentTask(await updateTask(app.ctx, callerOf(request), request.params.taskId, request.body)),
  );

  app.get(
    '/api/tasks/:taskId/agents',
    {
      schema: { tags, summary: 'The agents linked to a task', params, response: { 200: taskAgentList } },
      config: { access: { capability: 'tasks.read' } },
    },
    async (request) => ({ items: await listTaskAgents(app.ctx, callerOf(request), request.params.taskId) }),
  );

  app.put(
    '/api/tasks/:taskId/agents',
    {
      schema: {
        tags,
        summary: 'Sets the agents linked to a task (the full list)',
        description:
          'Every id must be an agent of the company (AGENT_NOT_FOUND). Audited with added/removed.',
        params,
        body: setTaskAgentsRequest,
        response: { 200: taskAgentList },
      },
      config: { access: { capability: 'tasks.write' } },
    },
    async (request) => ({
      items: await setTaskAgents(app.ctx, callerOf(request), request.params.taskId, request.body.agentIds),
    }),
  );
};
