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

// The shell's texts live beside this file; each feature folder may keep its own texts in
// `features/<feature>/i18n/<language>.json`, merged here under the feature's key.
const featureCatalogues = {
  fr: { tasks: tasksFr, taskGroups: taskGroupsFr },
  nl: { tasks: tasksNl, taskGroups: taskGroupsNl },
  en: { tasks: tasksEn, taskGroups: taskGroupsEn },
  de: { tasks: tasksDe, taskGroups: taskGroupsDe },
};

export const catalogues = {
  fr: { ...fr, ...featureCatalogues.fr },
  nl: { ...nl, ...featureCatalogues.nl },
  en: { ...en, ...featureCatalogues.en },
  de: { ...de, ...featureCatalogues.de },
};

export type Catalogue = typeof catalogues.fr;
