import agentPersonalDataFr from '../features/agents/i18n/fr.json';
import analyticsFr from '../features/analytics/i18n/fr.json';
import anomaliesFr from '../features/anomalies/i18n/fr.json';
import apiKeysFr from '../features/api-keys/i18n/fr.json';
import clientsFR from '../features/clients/i18n/fr.json';
import companyFr from '../features/company/i18n/fr.json';
import exportsFr from '../features/exports/i18n/fr.json';
import importsFr from '../features/imports/i18n/fr.json';
import licencesFr from '../features/licences/i18n/fr.json';
import notificationsFr from '../features/notifications/i18n/fr.json';
import onssFr from '../features/onss/i18n/fr.json';
import passwordLinksFr from '../features/password-links/i18n/fr.json';
import platformFr from '../features/platform/i18n/fr.json';
import presenceFr from '../features/presence/i18n/fr.json';
import registrationsFr from '../features/registrations/i18n/fr.json';
import setupFr from '../features/setup/i18n/fr.json';
import sitesFR from '../features/sites/i18n/fr.json';
import subcontractorsFR from '../features/subcontractors/i18n/fr.json';
import taskGroupsFr from '../features/task-groups/i18n/fr.json';
import tasksFr from '../features/tasks/i18n/fr.json';
import timesheetsFr from '../features/timesheets/i18n/fr.json';
import webhooksFr from '../features/webhooks/i18n/fr.json';
import fr from './fr.json';

// The back-office's French texts: the shell's, beside this file, and each feature's
// (`features/<feature>/i18n/fr.json`), merged under the feature's key.
export default {
  ...fr,
  ...companyFr,
  setup: setupFr,
  licences: licencesFr,
  imports: importsFr,
  clients: clientsFR,
  sites: sitesFR,
  subcontractors: subcontractorsFR,
  tasks: tasksFr,
  taskGroups: taskGroupsFr,
  onss: onssFr,
  anomalies: anomaliesFr,
  exports: exportsFr,
  apiKeys: apiKeysFr,
  registrations: registrationsFr,
  timesheets: timesheetsFr,
  passwordLinks: passwordLinksFr,
  analytics: analyticsFr,
  webhooks: webhooksFr,
  presence: presenceFr,
  platform: platformFr,
  notifications: notificationsFr,
  agentPersonalData: agentPersonalDataFr,
};
