import analyticsDe from '../features/analytics/i18n/de.json';
import analyticsEn from '../features/analytics/i18n/en.json';
import analyticsFr from '../features/analytics/i18n/fr.json';
import analyticsNl from '../features/analytics/i18n/nl.json';
import apiKeysDe from '../features/api-keys/i18n/de.json';
import apiKeysEn from '../features/api-keys/i18n/en.json';
import apiKeysFr from '../features/api-keys/i18n/fr.json';
import apiKeysNl from '../features/api-keys/i18n/nl.json';
import clientsDE from '../features/clients/i18n/de.json';
import clientsEN from '../features/clients/i18n/en.json';
import clientsFR from '../features/clients/i18n/fr.json';
import clientsNL from '../features/clients/i18n/nl.json';
import sitesDE from '../features/sites/i18n/de.json';
import sitesEN from '../features/sites/i18n/en.json';
import sitesFR from '../features/sites/i18n/fr.json';
import sitesNL from '../features/sites/i18n/nl.json';
import subcontractorsDE from '../features/subcontractors/i18n/de.json';
import subcontractorsEN from '../features/subcontractors/i18n/en.json';
import subcontractorsFR from '../features/subcontractors/i18n/fr.json';
import subcontractorsNL from '../features/subcontractors/i18n/nl.json';
import taskGroupsDe from '../features/task-groups/i18n/de.json';
import taskGroupsEn from '../features/task-groups/i18n/en.json';
import taskGroupsFr from '../features/task-groups/i18n/fr.json';
import taskGroupsNl from '../features/task-groups/i18n/nl.json';
import tasksDe from '../features/tasks/i18n/de.json';
import tasksEn from '../features/tasks/i18n/en.json';
import tasksFr from '../features/tasks/i18n/fr.json';
import tasksNl from '../features/tasks/i18n/nl.json';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';
import companyDe from '../features/company/i18n/de.json';
import setupDe from '../features/setup/i18n/de.json';
import setupEn from '../features/setup/i18n/en.json';
import setupFr from '../features/setup/i18n/fr.json';
import setupNl from '../features/setup/i18n/nl.json';
import companyEn from '../features/company/i18n/en.json';
import companyFr from '../features/company/i18n/fr.json';
import companyNl from '../features/company/i18n/nl.json';
import importsDe from '../features/imports/i18n/de.json';
import importsEn from '../features/imports/i18n/en.json';
import importsFr from '../features/imports/i18n/fr.json';
import importsNl from '../features/imports/i18n/nl.json';
import licencesDe from '../features/licences/i18n/de.json';
import licencesEn from '../features/licences/i18n/en.json';
import licencesFr from '../features/licences/i18n/fr.json';
import licencesNl from '../features/licences/i18n/nl.json';
import onssDe from '../features/onss/i18n/de.json';
import onssEn from '../features/onss/i18n/en.json';
import onssFr from '../features/onss/i18n/fr.json';
import onssNl from '../features/onss/i18n/nl.json';
import exportsDe from '../features/exports/i18n/de.json';
import exportsEn from '../features/exports/i18n/en.json';
import exportsFr from '../features/exports/i18n/fr.json';
import exportsNl from '../features/exports/i18n/nl.json';
import agentPersonalDataDe from '../features/agents/i18n/de.json';
import agentPersonalDataEn from '../features/agents/i18n/en.json';
import agentPersonalDataFr from '../features/agents/i18n/fr.json';
import agentPersonalDataNl from '../features/agents/i18n/nl.json';
import anomaliesDe from '../features/anomalies/i18n/de.json';
import anomaliesEn from '../features/anomalies/i18n/en.json';
import anomaliesFr from '../features/anomalies/i18n/fr.json';
import anomaliesNl from '../features/anomalies/i18n/nl.json';
import registrationsFr from '../features/registrations/i18n/fr.json';
import timesheetsFr from '../features/timesheets/i18n/fr.json';
import registrationsNl from '../features/registrations/i18n/nl.json';
import timesheetsNl from '../features/timesheets/i18n/nl.json';
import registrationsEn from '../features/registrations/i18n/en.json';
import timesheetsEn from '../features/timesheets/i18n/en.json';
import registrationsDe from '../features/registrations/i18n/de.json';
import timesheetsDe from '../features/timesheets/i18n/de.json';
import presenceDe from '../features/presence/i18n/de.json';
import presenceEn from '../features/presence/i18n/en.json';
import presenceFr from '../features/presence/i18n/fr.json';
import presenceNl from '../features/presence/i18n/nl.json';
import passwordLinksDe from '../features/password-links/i18n/de.json';
import passwordLinksEn from '../features/password-links/i18n/en.json';
import passwordLinksFr from '../features/password-links/i18n/fr.json';
import passwordLinksNl from '../features/password-links/i18n/nl.json';
import webhooksDe from '../features/webhooks/i18n/de.json';
import webhooksEn from '../features/webhooks/i18n/en.json';
import webhooksFr from '../features/webhooks/i18n/fr.json';
import webhooksNl from '../features/webhooks/i18n/nl.json';
import platformDe from '../features/platform/i18n/de.json';
import platformEn from '../features/platform/i18n/en.json';
import platformFr from '../features/platform/i18n/fr.json';
import platformNl from '../features/platform/i18n/nl.json';
import notificationsDe from '../features/notifications/i18n/de.json';
import notificationsEn from '../features/notifications/i18n/en.json';
import notificationsFr from '../features/notifications/i18n/fr.json';
import notificationsNl from '../features/notifications/i18n/nl.json';

// The shell's texts live beside this file; each feature folder may keep its own texts in
// `features/<feature>/i18n/<language>.json`, merged here under the feature's key.
const featureCatalogues = {
  fr: {
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
  },
  nl: {
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
  },
  en: {
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
  },
  de: {
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
  },
};

export const catalogues = {
  fr: { ...fr, ...featureCatalogues.fr },
  nl: { ...nl, ...featureCatalogues.nl },
  en: { ...en, ...featureCatalogues.en },
  de: { ...de, ...featureCatalogues.de },
};

export type Catalogue = typeof catalogues.fr;
