import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { createSecretBox } from '../security/secret-box.js';

/**
 * The prefixes whose routes are published to clients that ciao does not update: the installed agent
 * app (`/api/agent/v1`) and integrators (`/api/v1`). Their contract may only grow.
 */
export const publishedPrefixes = ['/api/agent/v1/', '/api/v1/'] as const;

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/**
 * The OpenAPI document as the app serves it at /api/openapi.json, built without listening and on
 * a throwaway in-memory database (building the app runs no query).
 */
export async function buildOpenApiDocument(): Promise<OpenApiDocument> {
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    const app = await buildApp({
      config: {
        logLevel: 'silent',
        trustProxy: false,
        bodyLimitBytes: 1024 * 1024,
        minimumAgentAppVersion: '0.0.0',
        publicUrl: undefined,
        sessions: { idleMinutes: 60, absoluteHours: 12, secureCookies: false },
      },
      database,
      secretBox: createSecretBox(randomBytes(32)),
      serveFrontEnds: false,
    });
    await app.ready();
    const document = structuredClone(app.swagger()) as OpenApiDocument;
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}

/** Only the published routes: what the baseline of the last published version keeps. */
export function publishedPart(document: OpenApiDocument): OpenApiDocument {
  return {
    ...document,
    paths: Object.fromEntries(
      Object.entries(document.paths).filter(([path]) =>
        publishedPrefixes.some((prefix) => path.startsWith(prefix)),
      ),
    ),
  };
}

/** Stable text: two-space JSON with a final newline, as prettier leaves it. */
export function documentText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
