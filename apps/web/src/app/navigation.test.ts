import { capabilities, rightsTable } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { canOpen, implementedScreens, menuFor, navigation } from './navigation';

const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('menuFor', () => {
  it('shows the administrator every implemented screen, in the menu’s order', () => {
    const paths = menuFor(rightsTable.ADMIN).map((item) => item.path);
    expect([...paths].sort()).toEqual([...implementedScreens].sort());
    expect(paths).toEqual(navigation.map((item) => item.path).filter((path) => paths.includes(path)));
  });

  it('never shows Users to a role without users.read', () => {
    for (const role of ['ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const) {
      expect(labels(menuFor(rightsTable[role]))).not.toContain('users');
      expect(labels(menuFor(rightsTable[role]))).toContain('agents');
    }
  });

  it('gives a role without rights no place screen, and the 403 page at their addresses', () => {
    expect(labels(menuFor(rightsTable.NONE))).toEqual(['dashboard']);
    for (const path of ['/clients', '/sites', '/subcontractors']) {
      expect(canOpen(rightsTable.NONE, path)).toBe(false);
      expect(canOpen(rightsTable.HR_MANAGER, path)).toBe(true);
    }
    expect(canOpen(['sites.read'], '/clients')).toBe(false);
  });

  it('opens imports to whoever may create clients, sites or agents, and to no one else', () => {
    expect(canOpen(rightsTable.HR_MANAGER, '/imports')).toBe(true);
    expect(canOpen(['sites.write'], '/imports')).toBe(true);
    for (const role of ['SUPERVISOR', 'INSPECTOR', 'NONE'] as const) {
      expect(canOpen(rightsTable[role], '/imports')).toBe(false);
      expect(labels(menuFor(rightsTable[role]))).not.toContain('imports');
    }
  });

  it('grows with the screens: an item appears once its route exists', () => {
    const everyScreen = navigation.map((item) => item.path);
    expect(labels(menuFor(rightsTable.SUPERVISOR, everyScreen))).not.toContain('users');
    expect(labels(menuFor(rightsTable.SUPERVISOR, everyScreen))).toContain('onss');
    expect(menuFor(capabilities, everyScreen)).toHaveLength(navigation.length);
  });

  it('only lists screens that are in the menu table', () => {
    const paths = navigation.map((item) => item.path);
    for (const screen of implementedScreens) expect(paths).toContain(screen);
  });

  it('opens analytics to every role that reads the back-office, not to NONE', () => {
    for (const role of ['ADMIN', 'ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const)
      expect(canOpen(rightsTable[role], '/analytics')).toBe(true);
    expect(canOpen(rightsTable.NONE, '/analytics')).toBe(false);
  });
});
