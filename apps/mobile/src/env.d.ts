/// <reference types="vite-plugin-pwa/react" />

/** The version of this app, taken from apps/mobile/package.json at build time (vite.config.ts). */
declare const __APP_VERSION__: string;
