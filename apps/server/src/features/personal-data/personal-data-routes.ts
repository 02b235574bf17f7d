import { Readable } from 'node:stream';
import { personalDataQuery } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { exportPersonalData } from './export-personal-data.js';

/** `attachment; filename=…` with the RFC 6266 form too. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** GDPR right of access: one agent's personal data, as JSON or PDF. */
export const personalDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agents/:agentId/personal-data',
    {
      schema: {
        tags: ['agents'],
        summary: 'Downloads everything ciao holds about an agent (GDPR right of access), as JSON or PDF',
        description:
          'format: json (default; stable field names, layout `ciao.personal-data.v1`, one object per ' +
          'line inside each long list) or pdf (in the user’s language, times Europe/Brussels). Holds ' +
          'the identity with the full NISS, the web user, tasks, devices and app sign-ins, web ' +
          'sessions, registrations with their positions (or when they were anonymised) and ONSS ' +
          'statuses, work sessions with corrections, anomalies, and the audit entries about the ' +
          'agent or made by them. Streamed: any length of history. Only for roles that may edit ' +
          'this agent (agents.write; RESTRICTED_AGENT_TYPE for ADM/GST agents unless ADMIN). ' +
          'Audited as agent.personal_data_exported.',
        params: z.object({ agentId: z.uuid() }),
        querystring: personalDataQuery,
      },
      config: { access: { capability: 'agents.write' } },
    },
    async (request, reply) => {
      const file = await exportPersonalData(
        app.ctx,
        callerOf(request),
        request.params.agentId,
        request.query.format,
      );
      return reply
        .type(file.contentType)
        .header('Content-Disposition', attachment(file.fileName))
        .header('Cache-Control', 'no-store')
        .send(Readable.from(file.render()));
    },
  );
};
