import {
  agentListQuery,
  agentPage,
  agentView,
  createAgentRequest,
  setAgentMobilePasswordRequest,
  updateAgentRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { presentAgent, presentAgentListItem } from './agent-presenter.js';
import { createAgent } from './create-agent.js';
import { getAgent } from './get-agent.js';
import { listAgents } from './list-agents.js';
import { setAgentMobilePassword } from './set-agent-mobile-password.js';
import { updateAgent } from './update-agent.js';

const tags = ['agents'];
const params = z.object({ agentId: z.uuid() });
const restrictedTypes =
  'ADMIN_MANAGER and HR_MANAGER may not create or modify agents of type ADM or GST (RESTRICTED_AGENT_TYPE).';

/** Agents, their automatic web user and their agent-app credentials. */
export const agentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agents',
    {
      schema: {
        tags,
        summary: 'Lists agents (search, filters, sort, pages); NISS masked',
        description:
          'mobileIdentifier and hasMobilePassword are present only for roles with agentCredentials.read.',
        querystring: agentListQuery,
        response: { 200: agentPage },
      },
      config: { access: { capability: 'agents.read' } },
    },
    async (request) => {
      const caller = callerOf(request);
      const { rows, total } = await listAgents(app.ctx, caller, request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map((row) => presentAgentListItem(row, caller.role)), total, page, pageSize };
    },
  );

  app.post(
    '/api/agents',
    {
      schema: {
        tags,
        summary: 'Creates an agent and its web user',
        description:
          'The web user gets the identifier in lower case as login, role NONE unless an administrator ' +
          `chooses another (userRole), and no password. ${restrictedTypes}`,
        body: createAgentRequest,
        response: { 201: agentView },
      },
      config: { access: { capability: 'agents.write' } },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { agent, user } = await createAgent(app.ctx, caller, request.body);
      return reply.status(201).send(presentAgent(agent, caller.role, user));
    },
  );

  app.get(
    '/api/agents/:agentId',
    {
      schema: {
        tags,
        summary: 'One agent',
        description:
          'The NISS is in full for roles that may edit this agent, masked otherwise (nissMasked). ' +
          'The linked user is present for administrators only.',
        params,
        response: { 200: agentView },
      },
      config: { access: { capability: 'agents.read' } },
    },
    async (request) => {
      const caller = callerOf(request);
      const { agent, user } = await getAgent(app.ctx, caller, request.params.agentId);
      return presentAgent(agent, caller.role, user);
    },
  );

  app.patch(
    '/api/agents/:agentId',
    {
      schema: {
        tags,
        summary: 'Changes an agent (only the fields sent)',
        description:
          'active=false deactivates the linked user, signs it out and revokes the agent’s app tokens; ' +
          `mobileAccess=false revokes the app tokens. userRole is for administrators. ${restrictedTypes}`,
        params,
        body: updateAgentRequest,
        response: { 200: agentView },
      },
      config: { access: { capability: 'agents.write' } },
    },
    async (request) => {
      const caller = callerOf(request);
      const { agent, user } = await updateAgent(app.ctx, caller, request.params.agentId, request.body);
      return presentAgent(agent, caller.role, user);
    },
  );

  app.put(
    '/api/agents/:agentId/mobile-password',
    {
      schema: {
        tags,
        summary: 'Sets or resets an agent’s mobile password (signs the agent out of the app)',
        description: `Passwords are never readable. ${restrictedTypes}`,
        params,
        body: setAgentMobilePasswordRequest,
        response: { 204: z.null() },
      },
      config: { access: { capability: 'agentCredentials.write' } },
    },
    async (request, reply) => {
      await setAgentMobilePassword(app.ctx, callerOf(request), request.params.agentId, request.body.password);
      return reply.status(204).send(null);
    },
  );
};
