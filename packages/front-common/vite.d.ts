import type { UserConfig } from 'vite';

export interface SharedViteOptions {
  /** The app's version, shown in its footer as `__APP_VERSION__`. */
  version: string;
  /** The packages bundled in the long-cached `react` chunk, e.g. `['react', 'react-dom', 'scheduler']`. */
  reactChunk: readonly string[];
  /**
   * Packages only ever loaded with `import()` (e.g. `['leaflet']`): kept out of the `vendor` chunk,
   * which every page downloads, so that they stay in their own chunk, fetched when needed.
   */
  lazyPackages?: readonly string[];
}

/**
 * What both front ends' Vite configs share: `__APP_VERSION__`, the `source` resolve condition, the
 * `/api` and `/health` proxy to the API server, the output directory, the vendor chunks, and Brotli
 * and gzip copies of the built text files (`.br`, `.gz`).
 * Example: `mergeConfig(sharedViteConfig({ version, reactChunk: ['react', 'react-dom', 'scheduler'] }), { base: '/m/' })`.
 */
export function sharedViteConfig(options: SharedViteOptions): UserConfig;
