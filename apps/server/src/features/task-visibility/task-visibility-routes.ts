import { agentTaskList, taskVisibilityQuery, taskVisibilityView } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { checkTaskVisibility } from './check-task-visibility.js';
import { listAgentLinkedTasks } from './list-agent-linked-tasks.js';

const tags = ['agents'];
const params = z.object({ agentId: z.uuid() });
const rules =
  'Today is the company’s date (its time zone). The rules are those of the agent app’s task list and ' +
  'sign-in. For a role without agentCredentials.read, whether a mobile password is set is not checked ' +
  '(credentialsChecked=false).';

/** What the agent app shows an agent, seen from the back-office: the first support question. */
export const taskVisibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agents/:agentId/task-visibility',
    {
      schema: {
        tags,
        summary: 'Why an agent does (not) see a task in the agent app today',
        description: `Every reason at once; visible is true exactly when reasons is empty. ${rules}`,
        params,
        querystring: taskVisibilityQuery,
        response: { 200: taskVisibilityView },
      },
      config: { access: { capability: 'tasks.read' } },
    },
    async (request) =>
      checkTaskVisibility(app.ctx, callerOf(request), request.params.agentId, request.query.taskId),
  );

  app.get(
    '/api/agents/:agentId/tasks',
    {
      schema: {
        tags,
        summary: 'The tasks an agent is linked to, each with whether the agent app shows it today',
        description: rules,
        params,
        response: { 200: agentTaskList },
      },
      config: { access: { capability: 'tasks.read' } },
    },
    async (request) => listAgentLinkedTasks(app.ctx, callerOf(request), request.params.agentId),
  );
};
