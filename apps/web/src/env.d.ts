/** The version of this front end, taken from apps/web/package.json at build time (vite.config.ts). */
declare const __APP_VERSION__: string;
