import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBreakingChanges, majorOf, unannouncedBreakingChanges } from './breaking-changes.js';

// The committed baseline of the published routes, and copies of it broken on purpose. The test
// walks arbitrary JSON, hence the loose type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const baseline = JSON.parse(
  readFileSync(new URL('../../../../docs/openapi-baseline.json', import.meta.url), 'utf8'),
) as { info: { version: string }; paths: Record<string, Record<string, Loose>> };

const copy = () => structuredClone(baseline);
const clientSchema = (document: typeof baseline) =>
  document.paths['/api/v1/clients/{id}']!.get.responses['200'].content['application/json'].schema;
const createClientBody = (document: typeof baseline) =>
  document.paths['/api/v1/clients']!.post.requestBody.content['application/json'].schema;

describe('OpenAPI breaking-change check', () => {
  it('finds nothing between the baseline and itself', () => {
    expect(findBreakingChanges(baseline, copy())).toEqual([]);
  });

  it('accepts additions: a new path, a new answer field, a new optional input', () => {
    const grown = copy();
    grown.paths['/api/v1/new-things'] = { get: { responses: {} } };
    clientSchema(grown).properties.newField = { type: 'string' };
    createClientBody(grown).properties.newOptional = { type: 'string' };
    expect(findBreakingChanges(baseline, grown)).toEqual([]);
  });

  it('reports a removed path and a removed method', () => {
    const broken = copy();
    delete broken.paths['/api/v1/registrations'];
    delete broken.paths['/api/v1/clients/{id}']!.patch;
    expect(findBreakingChanges(baseline, broken)).toEqual(
      expect.arrayContaining(['GET /api/v1/registrations: removed', 'PATCH /api/v1/clients/{id}: removed']),
    );
  });

  it('reports a removed answer field, one that may now be missing, and a changed type', () => {
    const broken = copy();
    delete clientSchema(broken).properties.vatNumber;
    clientSchema(broken).required = clientSchema(broken).required.filter((name: string) => name !== 'name');
    clientSchema(broken).properties.active = { type: 'string' };
    clientSchema(broken).properties.id = { type: ['string', 'null'] };
    const problems = findBreakingChanges(baseline, broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'GET /api/v1/clients/{id} 200: field vatNumber removed',
        'GET /api/v1/clients/{id} 200: field name may now be missing',
        'GET /api/v1/clients/{id} 200.active: type changed from boolean to string',
        'GET /api/v1/clients/{id} 200.id: type changed from string to string|null',
      ]),
    );
  });

  it('reports a new required input, a narrowed input type, a tightened bound and a new required parameter', () => {
    const broken = copy();
    const body = createClientBody(broken);
    body.properties.mandatory = { type: 'string' };
    body.required = [...(body.required ?? []), 'mandatory'];
    body.properties.active = { type: 'string', enum: ['yes'] };
    body.properties.name.maxLength = 10;
    broken.paths['/api/v1/clients']!.get.parameters.push({
      in: 'query',
      name: 'tenant',
      required: true,
      schema: { type: 'string' },
    });
    const problems = findBreakingChanges(baseline, broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'POST /api/v1/clients body: field mandatory is now required',
        'POST /api/v1/clients body.active: accepts string instead of boolean',
        'POST /api/v1/clients body.name: maxLength lowered to 10',
        'GET /api/v1/clients query parameter tenant: new and required',
      ]),
    );
  });

  it('reports an answer enum that gained a value and an input enum that lost one', () => {
    const before = {
      info: { version: '1.0.0' },
      paths: {
        '/api/v1/x': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { type: 'string', enum: ['a', 'b'] } } },
            },
            responses: {
              '200': { content: { 'application/json': { schema: { type: 'string', enum: ['a'] } } } },
            },
          },
        },
      },
    };
    const after = structuredClone(before);
    after.paths['/api/v1/x'].post.requestBody.content['application/json'].schema.enum = ['a'];
    after.paths['/api/v1/x'].post.responses['200'].content['application/json'].schema.enum = ['a', 'c'];
    expect(findBreakingChanges(before, after)).toHaveLength(2);
  });

  it('lets a new major version break, and only a new major', () => {
    const broken = copy();
    delete broken.paths['/api/v1/registrations'];
    broken.info.version = `${majorOf(baseline.info.version)}.9.0`;
    expect(unannouncedBreakingChanges(baseline, broken)).not.toEqual([]);
    broken.info.version = `${majorOf(baseline.info.version) + 1}.0.0`;
    expect(unannouncedBreakingChanges(baseline, broken)).toEqual([]);
  });
});
