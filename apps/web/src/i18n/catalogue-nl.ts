import agentPersonalDataNl from '../features/agents/i18n/nl.json';
import analyticsNl from '../features/analytics/i18n/nl.json';
import anomaliesNl from '../features/anomalies/i18n/nl.json';
import apiKeysNl from '../features/api-keys/i18n/nl.json';
import clientsNL from '../features/clients/i18n/nl.json';
import companyNl from '../features/company/i18n/nl.json';
import exportsNl from '../features/exports/i18n/nl.json';
import importsNl from '../features/imports/i18n/nl.json';
import licencesNl from '../features/licences/i18n/nl.json';
import notificationsNl from '../features/notifications/i18n/nl.json';
import onssNl from '../features/onss/i18n/nl.json';
import passwordLinksNl from '../features/password-links/i18n/nl.json';
import platformNl from '../features/platform/i18n/nl.json';
import presenceNl from '../features/presence/i18n/nl.json';
import registrationsNl from '../features/registrations/i18n/nl.json';
import setupNl from '../features/setup/i18n/nl.json';
import sitesNL from '../features/sites/i18n/nl.json';
import subcontractorsNL from '../features/subcontractors/i18n/nl.json';
import taskGroupsNl from '../features/task-groups/i18n/nl.json';
import tasksNl from '../features/tasks/i18n/nl.json';
import timesheetsNl from '../features/timesheets/i18n/nl.json';
import webhooksNl from '../features/webhooks/i18n/nl.json';
import nl from './nl.json';

// The back-office's Dutch texts: the shell's, beside this file, and each feature's
// (`features/<feature>/i18n/nl.json`), merged under the feature's key.
export default {
  ...nl,
  ...companyNl,
  setup: setupNl,
  licences: licencesNl,
  imports: importsNl,
  clients: clientsNL,
  sites: sitesNL,
  subcontractors: subcontractorsNL,
  tasks: tasksNl,
  taskGroups: taskGroupsNl,
  onss: onssNl,
  anomalies: anomaliesNl,
  exports: exportsNl,
  apiKeys: apiKeysNl,
  registrations: registrationsNl,
  timesheets: timesheetsNl,
  passwordLinks: passwordLinksNl,
  analytics: analyticsNl,
  webhooks: webhooksNl,
  presence: presenceNl,
  platform: platformNl,
  notifications: notificationsNl,
  agentPersonalData: agentPersonalDataNl,
};
