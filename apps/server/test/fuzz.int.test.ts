import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyFor } from './support/fixtures/api-key-fixtures.js';
import { webSessionFor } from './support/factories.js';
import { createTenantWorld, type TenantWorld } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Bad input of every kind on every documented route, as the right caller (so that it goes past the
// authentication to the validation and the use-case): never a 5xx, always a structured 4xx.

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }[];
  body?: JsonSchema;
}

const hostileStrings = [
  '',
  ' ',
  'not-a-uuid',
  "' OR 1=1 --",
  '"; DROP TABLE agents; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%ff',
  '\u0000',
  '🧽🪣 Łódź ß ﷽',
  '\uD800',
  'x'.repeat(100_000),
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '-1',
  '1e309',
  'NaN',
  '{"$gt":""}',
];
const hostileValues: unknown[] = [
  null,
  -1,
  -(2 ** 53),
  2 ** 64,
  1.5,
  true,
  [],
  {},
  ['x'],
  { nested: { deep: [1] } },
];

function operationsOf(document: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const operation = raw as {
        parameters?: Operation['parameters'];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  // Routes that end the caller's session go last, so that the others keep an authenticated caller.
  const endsSession = (operation: Operation) => /sign-out|logout|session$/.test(operation.path);
  return [...operations.filter((op) => !endsSession(op)), ...operations.filter(endsSession)];
}

function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  if (!schema) return {};
  if (schema.properties) return schema.properties;
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    if (variant.properties) return variant.properties;
  }
  return {};
}

/** Bodies that break the schema one way at a time: missing, wrong type, hostile, huge, extra. */
function hostileBodies(schema: JsonSchema | undefined): unknown[] {
  const properties = Object.keys(propertiesOf(schema));
  const bodies: unknown[] = [
    {},
    [],
    'a string',
    42,
    null,
    { unexpected: 'field', __proto__: { admin: true } },
  ];
  for (const property of properties) {
    for (const value of [...hostileValues, ...hostileStrings.slice(2, 8), 'x'.repeat(100_000)]) {
      bodies.push({ [property]: value });
    }
  }
  const everyProperty = (value: unknown) =>
    Object.fromEntries(properties.map((property) => [property, value]));
  if (properties.length > 0) {
    bodies.push(everyProperty("' OR 1=1 --"), everyProperty(-1), everyProperty('🧽'), everyProperty([]));
  }
  return bodies;
}

/** URL-encoded; a lone surrogate (not encodable) is sent as the invalid UTF-8 bytes it stands for. */
function encode(value: string) {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function fillPath(path: string, value: string) {
  return path.replace(/\{[^}]+\}/g, encode(value));
}

describe('bad input on every route', () => {
  let subject: TestApp;
  let world: TenantWorld;
  let callerHeaders: (path: string) => Promise<Record<string, string>>;
  beforeAll(async () => {
    subject = await createTestApp();
    world = await createTenantWorld(subject.app);
    const admin = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const apiKey = await apiKeyFor(subject.app, world);
    callerHeaders = async (path): Promise<Record<string, string>> => {
      if (path.startsWith('/api/agent/v1/activation') || path.startsWith('/api/agent/v1/sign-in')) {
        return { authorization: `Bearer ${world.deviceToken}` };
      }
      if (path.startsWith('/api/agent/')) return { authorization: `Bearer ${world.agentToken}` };
      if (path.startsWith('/api/v1/')) return { authorization: `Bearer ${apiKey}` };
      return { cookie: admin.session.cookie, 'x-csrf-token': admin.session.csrfToken };
    };
  });
  afterAll(async () => {
    await subject.close();
  });

  const failures: string[] = [];
  async function expectHandled(label: string, options: InjectOptions) {
    let response: LightMyRequestResponse;
    try {
      response = await subject.app.inject(options);
    } catch (error) {
      failures.push(`${label}: threw ${(error as Error).message}`);
      return;
    }
    if (response.statusCode >= 500) {
      failures.push(`${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      return;
    }
    if (response.statusCode >= 400 && response.statusCode !== 404 && response.statusCode !== 405) {
      const type = String(response.headers['content-type'] ?? '');
      const body = type.includes('json') ? (response.json() as { code?: unknown; title?: unknown }) : {};
      if (!type.includes('application/problem+json') || typeof body.code !== 'string') {
        failures.push(`${label}: ${response.statusCode} not a problem document (${type})`);
      }
    }
  }

  it('answers every mutation of every path, query and body with a structured 4xx, never a 5xx', async () => {
    const operations = operationsOf(
      subject.app.swagger() as { paths: Record<string, Record<string, unknown>> },
    );
    expect(operations.length).toBeGreaterThan(80);
    for (const operation of operations) {
      if (operation.path.startsWith('/api/platform')) continue; // operator routes: own test file
      const headers = await callerHeaders(operation.path);
      const label = (what: string) => `${operation.method} ${operation.path} ${what}`;
      const validPath = fillPath(operation.path, randomUUID());
      for (const value of hostileStrings.slice(0, 12)) {
        if (!operation.path.includes('{')) break;
        await expectHandled(label(`path=${value.slice(0, 20)}`), {
          method: operation.method as InjectOptions['method'],
          url: fillPath(operation.path, value),
          headers,
          ...(operation.body ? { payload: {} } : {}),
        });
      }
      for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
        for (const value of [...hostileStrings, '999999999999', '-5', '0']) {
          await expectHandled(label(`?${parameter.name}=${value.slice(0, 20)}`), {
            method: operation.method as InjectOptions['method'],
            url: `${validPath}?${parameter.name}=${encode(value)}`,
            headers,
          });
        }
      }
      if (operation.body) {
        for (const body of hostileBodies(operation.body)) {
          await expectHandled(label(`body=${JSON.stringify(body).slice(0, 40)}`), {
            method: operation.method as InjectOptions['method'],
            url: validPath,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
        }
        await expectHandled(label('malformed JSON'), {
          method: operation.method as InjectOptions['method'],
          url: validPath,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: '{"unterminated": ',
        });
      }
    }
    expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
  }, 600_000);

  it('refuses a body over the size limit with 413, as a problem document', async () => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ companyCode: 'X', login: 'x', password: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
