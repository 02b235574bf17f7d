// The Vite settings both front ends share; each app's vite.config.ts merges its own on top (base,
// plugins, ports). Plain JavaScript on purpose: Vite loads a config's package imports with Node,
// which does not run TypeScript. Types: vite.d.ts.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The API server (apps/server) listens on :3000 in development and serves both builds. */
const API_SERVER = 'http://localhost:3000';

const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/;

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the build, for a server
 * that sends them as they are (@fastify/static's `preCompressed`): a phone on a slow line downloads
 * about a third of the bytes, and nothing is compressed per request. Runs after every other plugin
 * (the service worker is generated at the end of the build too).
 */
function precompress() {
  let outDir = 'dist';
  const compress = (directory) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) compress(file);
      else if (COMPRESSIBLE.test(entry.name)) {
        const content = fs.readFileSync(file);
        const brotli = zlib.brotliCompressSync(content);
        const gzip = zlib.gzipSync(content, { level: 9 });
        // A copy no smaller than the file would only cost a disk read.
        if (brotli.length < content.length) fs.writeFileSync(`${file}.br`, brotli);
        if (gzip.length < content.length) fs.writeFileSync(`${file}.gz`, gzip);
      }
    }
  };
  return {
    name: 'ciao:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (fs.existsSync(outDir)) compress(outDir);
      },
    },
  };
}

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
    plugins: [precompress()],
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
