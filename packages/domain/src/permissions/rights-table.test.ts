import { describe, expect, it } from 'vitest';
import { can, canWriteAgentOfType, capabilities, rightsTable, roles } from './rights-table.js';

describe('rights table of the product description', () => {
  it('gives the administrator every capability', () => {
    for (const capability of capabilities) expect(can('ADMIN', capability)).toBe(true);
  });

  it('hides Users from every role but the administrator', () => {
    for (const role of roles.filter((r) => r !== 'ADMIN')) {
      expect(can(role, 'users.read')).toBe(false);
      expect(can(role, 'users.write')).toBe(false);
      expect(can(role, 'company.write')).toBe(false);
    }
  });

  it('lets the administrative manager add clients, sites, agents, tasks and groups', () => {
    for (const capability of [
      'clients.write',
      'sites.write',
      'agents.write',
      'tasks.write',
      'taskGroups.write',
    ] as const) {
      expect(can('ADMIN_MANAGER', capability)).toBe(true);
    }
    expect(can('ADMIN_MANAGER', 'onssFollowUp.write')).toBe(false);
  });

  it('lets the HR manager add agents only', () => {
    expect(can('HR_MANAGER', 'agents.write')).toBe(true);
    expect(can('HR_MANAGER', 'clients.write')).toBe(false);
    expect(can('HR_MANAGER', 'sites.write')).toBe(false);
    expect(can('HR_MANAGER', 'tasks.write')).toBe(false);
  });

  it('keeps ADM and GST agents for the administrator', () => {
    for (const type of ['ADM', 'GST']) {
      expect(canWriteAgentOfType('ADMIN', type)).toBe(true);
      expect(canWriteAgentOfType('ADMIN_MANAGER', type)).toBe(false);
      expect(canWriteAgentOfType('HR_MANAGER', type)).toBe(false);
    }
    expect(canWriteAgentOfType('HR_MANAGER', 'FIELD')).toBe(true);
    expect(canWriteAgentOfType('SUPERVISOR', 'FIELD')).toBe(false);
  });

  it('lets the supervisor and the inspector edit only the follow-up side', () => {
    for (const role of ['SUPERVISOR', 'INSPECTOR'] as const) {
      const writes = rightsTable[role].filter((c) => !c.endsWith('.read') && c !== 'backOffice.access');
      expect(writes.sort()).toEqual([
        'onssCorrections.write',
        'onssFollowUp.write',
        'onssRegistrations.resend',
      ]);
    }
  });

  it("hides agents' credentials from the supervisor only", () => {
    expect(can('SUPERVISOR', 'agentCredentials.read')).toBe(false);
    expect(can('INSPECTOR', 'agentCredentials.read')).toBe(true);
    expect(can('SUPERVISOR', 'agents.read')).toBe(true);
  });

  it('gives the role NONE no access at all', () => {
    expect(rightsTable.NONE).toEqual([]);
    expect(can('NONE', 'backOffice.access')).toBe(false);
  });

  it('only grants known capabilities', () => {
    for (const role of roles) {
      for (const capability of rightsTable[role]) expect(capabilities).toContain(capability);
    }
  });
});
