// The Vite settings both front ends share; each app's vite.config.ts merges its own on top (base,
// plugins, ports). Plain JavaScript on purpose: Vite loads a config's package imports with Node,
// which does not run TypeScript. Types: vite.d.ts.

/** The API server (apps/server) listens on :3000 in development and serves both builds. */
const API_SERVER = 'http://localhost:3000';

export function sharedViteConfig({ version, reactChunk, lazyPackages = [] }) {
  const proxy = { '/api': API_SERVER, '/health': API_SERVER };
  const reactPackages = new RegExp(`[\\\\/]node_modules[\\\\/](${reactChunk.join('|')})[\\\\/]`);
  // A group takes every module it matches, dynamically imported or not: lazy packages are left out.
  const lazy = lazyPackages.length > 0 ? `(?!(${lazyPackages.join('|')})[\\\\/])` : '';
  const vendorPackages = new RegExp(`[\\\\/]node_modules[\\\\/]${lazy}`);

  return {
    define: {
      __APP_VERSION__: JSON.stringify(version),
    },
    resolve: {
      // `source` first so that workspace packages such as @ciao/domain resolve to their TypeScript
      // source: no need to build them before starting the dev server.
      conditions: ['source', 'module', 'browser', 'development|production'],
    },
    server: { proxy },
    preview: { proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              { name: 'react', test: reactPackages },
              { name: 'vendor', test: vendorPackages },
            ],
          },
        },
      },
    },
  };
}
