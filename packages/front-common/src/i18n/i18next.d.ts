import 'i18next';
import type { CommonResources } from './create-i18n';

// Typing for this package's own typecheck only (this file is not imported, so the apps do not see
// it): each app declares `CommonResources & { translation: … }` for the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: CommonResources;
  }
}
