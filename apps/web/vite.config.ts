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
  }),
  defineConfig({
    base: '/',
    plugins: [react(), tailwindcss()],
  }),
);
