import {
  createTaskGroupRequest,
  taskGroupListQuery,
  taskGroupPage,
  taskGroupView,
  updateTaskGroupRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { createTaskGroup } from './create-task-group.js';
import { listTaskGroups } from './list-task-groups.js';
import { presentTaskGroup } from './task-group-presenter.js';
import { updateTaskGroup } from './update-task-group.js';

const tags = ['task groups'];

/** Task groups: a way to file tasks (e.g. per kind of work), with no rule of their own. */
export const taskGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/task-groups',
    {
      schema: {
        tags,
        summary: 'Lists task groups (search, filter, sort, pages)',
        querystring: taskGroupListQuery,
        response: { 200: taskGroupPage },
      },
      config: { access: { capability: 'taskGroups.read' } },
    },
    async (request) => {
      const { rows, total } = await listTaskGroups(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentTaskGroup), total, page, pageSize };
    },
  );

  app.post(
    '/api/task-groups',
    {
      schema: {
        tags,
        summary: 'Creates a task group',
        body: createTaskGroupRequest,
        response: { 201: taskGroupView },
      },
      config: { access: { capability: 'taskGroups.write' } },
    },
    async (request, reply) => {
      const created = await createTaskGroup(app.ctx, callerOf(request), request.body);
      return reply.status(201).send(presentTaskGroup(created));
    },
  );

  app.patch(
    '/api/task-groups/:taskGroupId',
    {
      schema: {
        tags,
        summary: 'Changes a task group (only the fields sent)',
        params: z.object({ taskGroupId: z.uuid() }),
        body: updateTaskGroupRequest,
        response: { 200: taskGroupView },
      },
      config: { access: { capability: 'taskGroups.write' } },
    },
    async (request) =>
      presentTaskGroup(
        await updateTaskGroup(app.ctx, callerOf(request), request.params.taskGroupId, request.body),
      ),
  );
};
