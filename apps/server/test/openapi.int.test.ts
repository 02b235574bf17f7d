import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unannouncedBreakingChanges } from '../src/openapi/breaking-changes.js';
import {
  buildOpenApiDocument,
  documentText,
  publishedPart,
  publishedPrefixes,
  type OpenApiDocument,
} from '../src/openapi/openapi-document.js';

const committed = (file: string) => readFileSync(new URL(`../../../docs/${file}`, import.meta.url), 'utf8');

describe('the OpenAPI contract', () => {
  let current: OpenApiDocument;
  beforeAll(async () => {
    current = await buildOpenApiDocument();
  });

  it('is committed up to date in docs/openapi.json', () => {
    const upToDate = documentText(current) === committed('openapi.json');
    expect(upToDate, 'docs/openapi.json is stale: run `npm run openapi` and commit it').toBe(true);
  });

  it('keeps every published route compatible with the last published version', () => {
    const baseline = JSON.parse(committed('openapi-baseline.json')) as OpenApiDocument;
    const problems = unannouncedBreakingChanges(baseline, current, publishedPrefixes);
    expect(
      problems,
      'A published route (/api/agent/v1, /api/v1) changed incompatibly. Make the change compatible, or ' +
        'bump the major of apiContractVersion (apps/server/src/http/api-version.ts) and announce it; ' +
        'when releasing, refresh the baseline with `npm run openapi -- --baseline`.',
    ).toEqual([]);
  });

  it('describes every published route, with an example', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(publishedPart(current).paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const { description, requestBody, responses } = operation as {
          description?: string;
          requestBody?: unknown;
          responses?: Record<string, { content?: unknown }>;
        };
        if (!description || description.trim().length < 10) missing.push(`${method} ${path}: no description`);
        // A call that sends no body and gets none back (204) has nothing to show by example.
        const carriesBody =
          requestBody !== undefined ||
          Object.entries(responses ?? {}).some(
            ([status, answer]) => status.startsWith('2') && answer.content,
          );
        if (carriesBody && !/"examples?":/.test(JSON.stringify(operation)))
          missing.push(`${method} ${path}: no example`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a baseline that covers the agent app and the public API', () => {
    const baseline = JSON.parse(committed('openapi-baseline.json')) as OpenApiDocument;
    const paths = Object.keys(baseline.paths);
    expect(paths.some((path) => path.startsWith('/api/agent/v1/'))).toBe(true);
    expect(paths.some((path) => path.startsWith('/api/v1/'))).toBe(true);
    expect(paths.every((path) => publishedPrefixes.some((prefix) => path.startsWith(prefix)))).toBe(true);
  });
});
