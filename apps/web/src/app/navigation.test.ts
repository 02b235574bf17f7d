import { capabilities, rightsTable } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { implementedScreens, menuFor, navigation } from './navigation';

const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('menuFor', () => {
  it('shows the administrator every implemented screen', () => {
    expect(labels(menuFor(rightsTable.ADMIN))).toEqual(['dashboard', 'agents', 'tasks', 'users', 'company']);
  });

  it('never shows Users to a role without users.read', () => {
    for (const role of ['ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const) {
      expect(labels(menuFor(rightsTable[role]))).toEqual(['dashboard', 'agents', 'tasks', 'company']);
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
});
