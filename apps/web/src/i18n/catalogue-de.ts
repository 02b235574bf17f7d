import agentPersonalDataDe from '../features/agents/i18n/de.json';
import analyticsDe from '../features/analytics/i18n/de.json';
import anomaliesDe from '../features/anomalies/i18n/de.json';
import apiKeysDe from '../features/api-keys/i18n/de.json';
import clientsDE from '../features/clients/i18n/de.json';
import companyDe from '../features/company/i18n/de.json';
import exportsDe from '../features/exports/i18n/de.json';
import importsDe from '../features/imports/i18n/de.json';
import licencesDe from '../features/licences/i18n/de.json';
import notificationsDe from '../features/notifications/i18n/de.json';
import onssDe from '../features/onss/i18n/de.json';
import passwordLinksDe from '../features/password-links/i18n/de.json';
import platformDe from '../features/platform/i18n/de.json';
import presenceDe from '../features/presence/i18n/de.json';
import registrationsDe from '../features/registrations/i18n/de.json';
import setupDe from '../features/setup/i18n/de.json';
import sitesDE from '../features/sites/i18n/de.json';
import subcontractorsDE from '../features/subcontractors/i18n/de.json';
import taskGroupsDe from '../features/task-groups/i18n/de.json';
import tasksDe from '../features/tasks/i18n/de.json';
import timesheetsDe from '../features/timesheets/i18n/de.json';
import webhooksDe from '../features/webhooks/i18n/de.json';
import de from './de.json';

// The back-office's German texts: the shell's, beside this file, and each feature's
// (`features/<feature>/i18n/de.json`), merged under the feature's key.
export default {
  ...de,
  ...companyDe,
  setup: setupDe,
  licences: licencesDe,
  imports: importsDe,
  clients: clientsDE,
  sites: sitesDE,
  subcontractors: subcontractorsDE,
  tasks: tasksDe,
  taskGroups: taskGroupsDe,
  onss: onssDe,
  anomalies: anomaliesDe,
  exports: exportsDe,
  apiKeys: apiKeysDe,
  registrations: registrationsDe,
  timesheets: timesheetsDe,
  passwordLinks: passwordLinksDe,
  analytics: analyticsDe,
  webhooks: webhooksDe,
  presence: presenceDe,
  platform: platformDe,
  notifications: notificationsDe,
  agentPersonalData: agentPersonalDataDe,
};
