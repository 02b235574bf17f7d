import { describe, expect, it } from 'vitest';
import { agentListQuery, agentTypeSchema, createAgentRequest, updateAgentRequest } from './agents.js';
import { auditQuery } from './audit.js';
import { booleanQuery, optionalEmail, pageQuery } from './common.js';
import { isKnownTimeZone, updateCompanyRequest } from './company.js';
import { createUserRequest, userListQuery } from './users.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('list queries', () => {
  it('read query strings: numbers, flags, defaults, bounded page size', () => {
    expect(userListQuery.parse({ page: '2', active: 'false' })).toEqual({
      page: 2,
      pageSize: 50,
      sort: 'login',
      order: 'asc',
      active: false,
    });
    expect(booleanQuery.parse('true')).toBe(true);
    expect(pageQuery.safeParse({ pageSize: '201' }).success).toBe(false);
    expect(paths(agentListQuery.safeParse({ sort: 'niss' }))).toEqual(['sort']);
    expect(agentListQuery.parse({ employer: 'own', agentType: 'adm' })).toMatchObject({
      employer: 'own',
      agentType: 'ADM',
    });
  });

  it('checks the audit period and limit', () => {
    expect(paths(auditQuery.safeParse({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }))).toEqual(
      ['to'],
    );
    expect(auditQuery.parse({ limit: '200' }).limit).toBe(200);
    expect(auditQuery.safeParse({ limit: '201' }).success).toBe(false);
  });
});

describe('agent forms', () => {
  it('upper-cases identifiers and types, so `adm` obeys the ADM restriction', () => {
    expect(agentTypeSchema.parse(' gst ')).toBe('GST');
    const agent = createAgentRequest.parse({ identifier: 'jdupont', firstName: 'Jean', lastName: 'Dupont' });
    expect(agent).toMatchObject({
      identifier: 'JDUPONT',
      agentType: 'FIELD',
      employmentStatus: 'employee',
      language: 'fr',
      mobileAccess: false,
      active: true,
    });
  });

  it('names the field of each mistake', () => {
    const result = createAgentRequest.safeParse({
      identifier: 'TEST@DEMO',
      firstName: '',
      lastName: 'X',
      mobilePassword: '123',
      email: 'not an address',
    });
    expect(paths(result).sort()).toEqual(['email', 'firstName', 'identifier', 'mobilePassword']);
    expect(
      paths(updateAgentRequest.safeParse({ activeFrom: '2026-02-01', activeUntil: '2026-01-01' })),
    ).toEqual(['activeUntil']);
  });

  it('turns blank optional fields into null, so a form can send what it holds', () => {
    expect(updateAgentRequest.parse({ niss: ' ', email: '', phone: '' })).toEqual({
      niss: null,
      email: null,
      phone: null,
    });
    expect(optionalEmail.parse(' anne@example.be ')).toBe('anne@example.be');
  });
});

describe('user and company forms', () => {
  it('requires a 10-character web password', () => {
    const user = { login: 'anne', displayName: 'Anne', role: 'SUPERVISOR' };
    expect(paths(createUserRequest.safeParse({ ...user, password: 'short' }))).toEqual(['password']);
    expect(createUserRequest.parse({ ...user, password: 'long enough!' }).language).toBe('fr');
  });

  it('accepts IANA time zones only, and bounded settings', () => {
    expect(isKnownTimeZone('Europe/Brussels')).toBe(true);
    expect(isKnownTimeZone('+01:00')).toBe(false);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    const result = updateCompanyRequest.safeParse({
      settings: {
        defaultGeofenceRadiusMeters: 5001,
        maxEventAgeDays: 0,
        anomalyThresholds: { 'bad key': 1 },
      },
    });
    expect(paths(result).sort()).toEqual([
      'settings.anomalyThresholds.bad key',
      'settings.defaultGeofenceRadiusMeters',
      'settings.maxEventAgeDays',
    ]);
  });
});
