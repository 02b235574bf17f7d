import {
  activationRequest,
  activationResponse,
  agentSession,
  agentSignInRequest,
  agentSignInResponse,
  DomainError,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAgent, requireDevice } from '../../http/authenticate.js';
import { activateDevice } from './activate-device.js';
import { findAgentProfile } from './agent-account-repository.js';
import { signInAgent } from './sign-in-agent.js';
import { signOutAgent } from './sign-out-agent.js';

/** The versioned prefix of the agent app's API: an installed app is an old client, kept working. */
export const agentApiPrefix = '/api/agent/v1';

const tags = ['agent app'];

/** Activation with a licence code, and the agent's `IDENTIFIER@COMPANY` sign-in on that device. */
export const agentAppRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    `${agentApiPrefix}/activation`,
    {
      schema: {
        tags,
        summary: 'Activates the agent app on a device with a licence code; returns the device token, once',
        description:
          'Refusals: LICENCE_INVALID, LICENCE_REVOKED, LICENCE_EXPIRED, TENANT_SUSPENDED, LICENCE_DEVICE_LIMIT, ' +
          'TOO_MANY_ATTEMPTS. Activating the same installationId again rotates that device’s token.',
        body: activationRequest,
        response: { 200: activationResponse },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const result = await activateDevice(app.ctx, {
        ...request.body,
        ip: request.ip,
        requestId: request.id,
      });
      return { deviceToken: result.deviceToken, company: result.company };
    },
  );

  app.post(
    `${agentApiPrefix}/sign-in`,
    {
      schema: {
        tags,
        summary: 'Agent sign-in with IDENTIFIER@COMPANY and the mobile password, on an activated device',
        description:
          'Send the device token as `Authorization: Bearer`. Refusals: MOBILE_LOGIN_FORMAT (with `example`), ' +
          'MOBILE_COMPANY_MISMATCH, INVALID_CREDENTIALS, AGENT_NO_APP_ACCESS, AGENT_INACTIVE, TOO_MANY_ATTEMPTS, ' +
          'DEVICE_REVOKED.',
        body: agentSignInRequest,
        response: { 200: agentSignInResponse },
      },
      config: { access: 'device' },
    },
    async (request) => {
      const device = requireDevice(request);
      return signInAgent(app.ctx, {
        tenantId: device.tenantId,
        deviceId: device.deviceId,
        ...request.body,
        ip: request.ip,
        requestId: request.id,
      });
    },
  );

  app.post(
    `${agentApiPrefix}/sign-out`,
    {
      schema: {
        tags,
        summary: 'Signs the agent out of this device',
        description:
          'Revokes the agent token sent; the device stays activated for the next agent. No content.',
        response: { 204: z.null() },
      },
      config: { access: 'agent' },
    },
    async (request, reply) => {
      const agent = requireAgent(request);
      await signOutAgent(app.ctx, { ...agent, ip: request.ip, requestId: request.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${agentApiPrefix}/me`,
    {
      schema: {
        tags,
        summary: 'The signed-in agent, its company and this device',
        description: 'What the app shows of the signed-in agent: never the NISS nor a credential.',
        response: { 200: agentSession },
      },
      config: { access: 'agent' },
    },
    async (request) => {
      const agent = requireAgent(request);
      const found = await findAgentProfile(app.ctx.db, agent.tenantId, agent.agentId);
      if (!found) throw new DomainError('TOKEN_INVALID', 'You have been signed out. Sign in again.');
      return { agent: found.agent, company: found.company, deviceId: agent.deviceId };
    },
  );
};
