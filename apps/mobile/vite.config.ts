import { sharedViteConfig } from '@ciao/front-common/vite';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, mergeConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };

// The API server (apps/server) serves this build at `/m/`.

const BRAND = '#0f4c81'; // --color-brand-700 in packages/front-common/src/styles/base.css

const mobileConfig = defineConfig({
  base: '/m/',
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      // 'prompt', not 'autoUpdate': an automatic update reloads the page on its own, possibly while
      // an agent is registering an arrival or a departure. The new version waits until the agent
      // taps "Update" (or closes the app), so that nothing typed or on screen is lost.
      registerType: 'prompt',
      injectRegister: false, // registered by src/features/app-update through virtual:pwa-register/react
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/m/',
        name: 'ciao',
        short_name: 'ciao',
        description:
          'ciao : enregistrement des présences (Check In and Out at Work) des agents de nettoyage.',
        lang: 'fr',
        start_url: '/m/',
        scope: '/m/',
        display: 'standalone',
        theme_color: BRAND,
        background_color: BRAND,
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell (HTML, JS, CSS, icons) is precached, so that the app opens without network.
        globPatterns: ['**/*.{html,js,css}'], // + includeAssets, the manifest and its icons
        navigateFallback: '/m/index.html',
        // Outside the /m/ scope anyway; stated so that the app shell never answers a server route.
        navigateFallbackDenylist: [/^\/api\//, /^\/health/],
        cleanupOutdatedCaches: true,
        // No runtimeCaching on purpose: API answers (/api, /health) always come from the network,
        // never from a cache. Work done offline will be kept in IndexedDB, not in HTTP caches.
        runtimeCaching: [],
      },
    }),
  ],
  server: {
    port: 5174, // the back-office (apps/web) uses 5173
  },
  preview: {
    port: 4174,
  },
});

export default mergeConfig(
  sharedViteConfig({
    version: packageJson.version,
    reactChunk: ['react', 'react-dom', 'scheduler'],
    // The phone's database: only the signed-in screens use it (a chunk loaded after the first screen).
    lazyPackages: ['dexie'],
  }),
  mobileConfig,
);
