// What the back-office (apps/web) and the agent app (apps/mobile) share. Vite bundles it from
// source; app-specific screens, routing, the PWA and connectivity stay in the apps.
export { AppProviders } from './app/app-providers';
export { mountApp } from './app/mount-app';
export { createQueryClient } from './app/query-client';
export { RequestErrorMessage } from './components/request-error-message';
export { getHealthReady, listChecks } from './features/status/api/health-ready';
export type { CheckResult } from './features/status/api/health-ready';
export { getMeta } from './features/status/api/meta';
export { ServerStateLabel } from './features/status/components/server-state-label';
export { ServerStateNotice } from './features/status/components/server-state-notice';
export type { ServerStateNoticeStyles } from './features/status/components/server-state-notice';
export { StatusIcon } from './features/status/components/status-icon';
export {
  deriveServerState,
  statusQueryKeys,
  useHealthReady,
  useMeta,
  useServerStatus,
} from './features/status/hooks/use-server-status';
export type {
  ServerState,
  ServerStatus,
  ServerStatusOptions,
} from './features/status/hooks/use-server-status';
export { catalogueMismatches } from './i18n/catalogue-check';
export { commonCatalogues, createI18n } from './i18n/create-i18n';
export type { AppCatalogues, AppI18n, CommonResources } from './i18n/create-i18n';
export { TIME_ZONE, formatDate, formatDateTime, formatTime } from './i18n/format';
export {
  DEFAULT_LANGUAGE,
  LANGUAGE_NAMES,
  SUPPORTED_LANGUAGES,
  detectInitialLanguage,
  isLanguage,
  languageOfTag,
  pickInitialLanguage,
  readSavedLanguage,
  saveLanguage,
} from './i18n/languages';
export type { Language } from './i18n/languages';
export { REQUEST_TIMEOUT_MS, RequestError, fetchJson } from './lib/fetch-json';
export type { FetchJsonOptions, JsonResponse, RequestErrorKind } from './lib/fetch-json';
