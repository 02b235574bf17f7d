import type { FastifyPluginAsync } from 'fastify';
import { analyticsRoutes } from './analytics/analytics-routes.js';
import { agentRoutes } from './agents/agent-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { clientRoutes } from './clients/client-routes.js';
import { companyRoutes } from './company/company-routes.js';
import { exportRoutes } from './exports/export-routes.js';
import { importRoutes } from './imports/import-routes.js';
import { licenceRequestRoutes } from './licence-requests/licence-request-routes.js';
import { notificationRoutes } from './notifications/notification-routes.js';
import { personalDataRoutes } from './personal-data/personal-data-routes.js';
import { onssRegistrationRoutes } from './onss-registrations/onss-registration-routes.js';
import { registrationRoutes } from './registrations/registration-routes.js';
import { siteRoutes } from './sites/site-routes.js';
import { subcontractorRoutes } from './subcontractors/subcontractor-routes.js';
import { timesheetRoutes } from './timesheets/timesheet-routes.js';
import { taskVisibilityRoutes } from './task-visibility/task-visibility-routes.js';
import { taskGroupRoutes } from './task-groups/task-group-routes.js';
import { taskRoutes } from './tasks/task-routes.js';
import { userRoutes } from './users/user-routes.js';
import { webhookRoutes } from './webhooks/webhook-routes.js';

/**
 * The administration API: users, agents, subcontractors, clients, sites, task groups, tasks, the
 * company, the audit trail, CSV imports.
 */
export const administrationRoutes: FastifyPluginAsync = async (app) => {
  await app.register(userRoutes);
  await app.register(agentRoutes);
  await app.register(subcontractorRoutes);
  await app.register(clientRoutes);
  await app.register(siteRoutes);
  await app.register(taskGroupRoutes);
  await app.register(taskRoutes);
  await app.register(taskVisibilityRoutes);
  await app.register(companyRoutes);
  await app.register(auditRoutes);
  await app.register(onssRegistrationRoutes);
  await app.register(importRoutes);
  await app.register(registrationRoutes);
  await app.register(timesheetRoutes);
  await app.register(analyticsRoutes);
  await app.register(webhookRoutes);
  await app.register(licenceRequestRoutes);
  await app.register(exportRoutes);
  await app.register(notificationRoutes);
  await app.register(personalDataRoutes);
};
