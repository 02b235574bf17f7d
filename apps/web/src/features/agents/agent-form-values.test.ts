import { createAgentRequest, updateAgentRequest } from '@ciao/domain';
import type { AgentView } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { EMPTY_AGENT, agentRequestBody, agentToForm, agentTypeChoices } from './agent-form-values';

const agent: AgentView = {
  id: '6f1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  identifier: 'JDUPONT',
  firstName: 'Jean',
  lastName: 'Dupont',
  niss: '85073003328',
  nissMasked: false,
  agentType: 'FIELD',
  employmentStatus: 'employee',
  employer: { kind: 'own', subcontractorId: null, name: 'Demo' },
  language: 'fr',
  active: true,
  activeFrom: '2026-01-01',
  activeUntil: null,
  mobileAccess: true,
  mobileIdentifier: 'JDUPONT',
  hasMobilePassword: true,
  limosaId: null,
  payrollNumber: null,
  email: null,
  phone: null,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
};

describe('agentTypeChoices', () => {
  it('offers ADM and GST to administrators only', () => {
    expect(agentTypeChoices('ADMIN')).toEqual(['FIELD', 'ADM', 'GST']);
    expect(agentTypeChoices('HR_MANAGER')).toEqual(['FIELD']);
    expect(agentTypeChoices('ADMIN_MANAGER')).toEqual(['FIELD']);
  });

  it('keeps the current type of the agent shown', () => {
    expect(agentTypeChoices('HR_MANAGER', 'CLEANER')).toEqual(['FIELD', 'CLEANER']);
  });
});

describe('agentRequestBody', () => {
  it('builds a creation body the shared contract accepts', () => {
    const body = agentRequestBody(
      { ...EMPTY_AGENT, identifier: 'jdupont', firstName: 'Jean', lastName: 'Dupont', niss: ' ' },
      { withCredentials: true },
    );
    expect(body.niss).toBeNull();
    expect(body.subcontractorId).toBeNull();
    expect(body).not.toHaveProperty('mobileIdentifier');
    expect(createAgentRequest.parse(body).identifier).toBe('JDUPONT');
  });

  it('leaves the mobile identifier out for roles without credentials', () => {
    const values = { ...EMPTY_AGENT, mobileIdentifier: 'JD' };
    expect(agentRequestBody(values, { withCredentials: false })).not.toHaveProperty('mobileIdentifier');
    expect(agentRequestBody(values, { withCredentials: true }).mobileIdentifier).toBe('JD');
  });

  it('sends only what changed on edition, and both dates together', () => {
    const initial = agentToForm(agent);
    expect(agentRequestBody(initial, { initial, withCredentials: true })).toEqual({});
    const body = agentRequestBody(
      { ...initial, lastName: 'Durand', activeUntil: '2026-12-31', employer: agent.id },
      { initial, withCredentials: true },
    );
    expect(body).toEqual({
      lastName: 'Durand',
      subcontractorId: agent.id,
      activeFrom: '2026-01-01',
      activeUntil: '2026-12-31',
    });
    expect(updateAgentRequest.safeParse(body).success).toBe(true);
  });

  it('never sends a masked NISS back', () => {
    const initial = { ...agentToForm(agent), niss: '85.07.**-***.**' };
    expect(
      agentRequestBody({ ...initial, niss: 'x' }, { initial, withCredentials: false, nissMasked: true }),
    ).toEqual({});
  });
});

describe('the role of the agent’s web user', () => {
  const linked: AgentView = {
    ...agent,
    user: { id: '0b8f2c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', login: 'jdupont', role: 'NONE', active: true },
  };

  it('is sent on creation by an administrator only', () => {
    expect(agentRequestBody(EMPTY_AGENT, { withCredentials: true, withUserRole: true })).toMatchObject({
      userRole: 'NONE',
    });
    expect(agentRequestBody(EMPTY_AGENT, { withCredentials: true })).not.toHaveProperty('userRole');
  });

  it('is sent on edition when an administrator changes it, and passes the shared contract', () => {
    const initial = agentToForm(linked);
    expect(initial.userRole).toBe('NONE');
    const body = agentRequestBody(
      { ...initial, userRole: 'SUPERVISOR' },
      { initial, withCredentials: true, withUserRole: true },
    );
    expect(body).toEqual({ userRole: 'SUPERVISOR' });
    expect(updateAgentRequest.parse(body)).toEqual({ userRole: 'SUPERVISOR' });
    expect(agentRequestBody(initial, { initial, withCredentials: true, withUserRole: true })).toEqual({});
  });

  it('is left out for an agent whose user the editor cannot see', () => {
    expect(agentToForm(agent).userRole).toBe('');
    expect(
      agentRequestBody(agentToForm(agent), { withCredentials: true, withUserRole: true }),
    ).not.toHaveProperty('userRole');
  });
});
