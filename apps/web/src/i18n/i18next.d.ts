import type { CommonResources } from '@ciao/front-common';
import 'i18next';
import type { Catalogue } from './catalogues';

// French is the reference catalogue: translation keys are checked against it at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: CommonResources & { translation: Catalogue };
  }
}
