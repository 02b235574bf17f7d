import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStaticApps } from './static-apps.js';

// Two tiny built front ends as Vite leaves them: index.html, a hashed asset and its .br and .gz copies.
function builtApp(root: string, script: string) {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ciao</title>');
  const file = path.join(root, 'assets', 'index-abc123.js');
  fs.writeFileSync(file, script);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
}

describe('the built front ends', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-static-'));
  const script = `console.log(${JSON.stringify('ciao '.repeat(200))});`;
  const app = Fastify();
  beforeAll(async () => {
    builtApp(path.join(root, 'web'), script);
    builtApp(path.join(root, 'mobile'), script);
    fs.writeFileSync(path.join(root, 'secret.txt'), 'not a front end');
    await registerStaticApps(app, { web: path.join(root, 'web'), mobile: path.join(root, 'mobile') });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('sends the compressed copy a browser accepts, cached for a year', async () => {
    for (const prefix of ['/', '/m/']) {
      const brotli = await app.inject({
        url: `${prefix}assets/index-abc123.js`,
        headers: { 'accept-encoding': 'br, gzip' },
      });
      expect(brotli.statusCode).toBe(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['cache-control']).toContain('immutable');
      expect(zlib.brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

      const gzip = await app.inject({
        url: `${prefix}assets/index-abc123.js`,
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);
    }
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    const plain = await app.inject({
      url: '/m/assets/index-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('falls back to index.html for a page path, never for an API path', async () => {
    const page = await app.inject({ url: '/m/history' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('never serves a file outside the built front ends, however the dots are written', async () => {
    // The plugin's advisories (GHSA-83w8-p2f5-377r and its predecessors) were about `..` surviving
    // URL decoding: whatever the spelling, the answer is the SPA fallback or a 4xx, never the file.
    for (const url of [
      '/../secret.txt',
      '/m/../../secret.txt',
      '/%2E%2E/secret.txt',
      '/m/..%2F..%2Fsecret.txt',
    ]) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('not a front end');
    }
  });
});
