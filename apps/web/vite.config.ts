import { sharedViteConfig } from '@ciao/front-common/vite';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, mergeConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

// The API server (apps/server) serves this build at `/`.
export default mergeConfig(
  sharedViteConfig({
    version: packageJson.version,
    reactChunk: ['react', 'react-dom', 'scheduler', 'react-router'],
    // The site map's library: downloaded when a map is opened, not with every page.
    lazyPackages: ['leaflet'],
  }),
  defineConfig({
    base: '/',
    plugins: [react(), tailwindcss()],
  }),
);
