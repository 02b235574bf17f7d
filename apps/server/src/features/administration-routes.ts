import type { FastifyPluginAsync } from 'fastify';
import { agentRoutes } from './agents/agent-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { companyRoutes } from './company/company-routes.js';
import { subcontractorRoutes } from './subcontractors/subcontractor-routes.js';
import { userRoutes } from './users/user-routes.js';

/** The administration API of identity: users, agents, subcontractors, the company, the audit trail. */
export const administrationRoutes: FastifyPluginAsync = async (app) => {
  await app.register(userRoutes);
  await app.register(agentRoutes);
  await app.register(subcontractorRoutes);
  await app.register(companyRoutes);
  await app.register(auditRoutes);
};
