import agentPersonalDataEn from '../features/agents/i18n/en.json';
import analyticsEn from '../features/analytics/i18n/en.json';
import anomaliesEn from '../features/anomalies/i18n/en.json';
import apiKeysEn from '../features/api-keys/i18n/en.json';
import clientsEN from '../features/clients/i18n/en.json';
import companyEn from '../features/company/i18n/en.json';
import exportsEn from '../features/exports/i18n/en.json';
import importsEn from '../features/imports/i18n/en.json';
import licencesEn from '../features/licences/i18n/en.json';
import notificationsEn from '../features/notifications/i18n/en.json';
import onssEn from '../features/onss/i18n/en.json';
import passwordLinksEn from '../features/password-links/i18n/en.json';
import platformEn from '../features/platform/i18n/en.json';
import presenceEn from '../features/presence/i18n/en.json';
import registrationsEn from '../features/registrations/i18n/en.json';
import setupEn from '../features/setup/i18n/en.json';
import sitesEN from '../features/sites/i18n/en.json';
import subcontractorsEN from '../features/subcontractors/i18n/en.json';
import taskGroupsEn from '../features/task-groups/i18n/en.json';
import tasksEn from '../features/tasks/i18n/en.json';
import timesheetsEn from '../features/timesheets/i18n/en.json';
import webhooksEn from '../features/webhooks/i18n/en.json';
import en from './en.json';

// The back-office's English texts: the shell's, beside this file, and each feature's
// (`features/<feature>/i18n/en.json`), merged under the feature's key.
export default {
  ...en,
  ...companyEn,
  setup: setupEn,
  licences: licencesEn,
  imports: importsEn,
  clients: clientsEN,
  sites: sitesEN,
  subcontractors: subcontractorsEN,
  tasks: tasksEn,
  taskGroups: taskGroupsEn,
  onss: onssEn,
  anomalies: anomaliesEn,
  exports: exportsEn,
  apiKeys: apiKeysEn,
  registrations: registrationsEn,
  timesheets: timesheetsEn,
  passwordLinks: passwordLinksEn,
  analytics: analyticsEn,
  webhooks: webhooksEn,
  presence: presenceEn,
  platform: platformEn,
  notifications: notificationsEn,
  agentPersonalData: agentPersonalDataEn,
};
