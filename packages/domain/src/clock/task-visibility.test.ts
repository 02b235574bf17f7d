import { describe, expect, it } from 'vitest';
import { agentAppReasons, isAgentActiveOn, taskReasons, taskVisibilityReasons } from './task-visibility.js';

const today = '2026-11-30';
const agent = {
  active: true,
  activeFrom: null,
  activeUntil: null,
  mobileAccess: true,
  hasMobilePassword: true,
};
const task = { active: true, validFrom: null, validUntil: null };
const site = { active: true };
const codes = (reasons: { code: string }[]) => reasons.map((reason) => reason.code);

describe('task visibility', () => {
  it('shows a linked, active, valid task to an agent who can use the app', () => {
    expect(taskVisibilityReasons({ agent, task, site, linked: true, today })).toEqual([]);
  });

  it('gives each reason with the date it refers to', () => {
    expect(agentAppReasons({ ...agent, active: false }, today)).toEqual([
      { code: 'AGENT_INACTIVE', date: null },
    ]);
    expect(agentAppReasons({ ...agent, activeFrom: '2026-12-01' }, today)).toEqual([
      { code: 'AGENT_NOT_STARTED', date: '2026-12-01' },
    ]);
    expect(agentAppReasons({ ...agent, activeUntil: '2026-11-29' }, today)).toEqual([
      { code: 'AGENT_ENDED', date: '2026-11-29' },
    ]);
    expect(codes(agentAppReasons({ ...agent, mobileAccess: false }, today))).toEqual(['AGENT_NO_APP_ACCESS']);
    expect(codes(agentAppReasons({ ...agent, hasMobilePassword: false }, today))).toEqual([
      'AGENT_NO_MOBILE_PASSWORD',
    ]);
    expect(taskReasons({ ...task, active: false }, site, today)).toEqual([
      { code: 'TASK_INACTIVE', date: null },
    ]);
    expect(taskReasons({ ...task, validFrom: '2026-12-01' }, site, today)).toEqual([
      { code: 'TASK_NOT_STARTED', date: '2026-12-01' },
    ]);
    expect(taskReasons({ ...task, validUntil: '2026-11-29' }, site, today)).toEqual([
      { code: 'TASK_ENDED', date: '2026-11-29' },
    ]);
    expect(taskReasons(task, { active: false }, today)).toEqual([{ code: 'SITE_INACTIVE', date: null }]);
  });

  it('counts the first and last active or valid days in', () => {
    const bounded = { activeFrom: today, activeUntil: today };
    expect(isAgentActiveOn({ active: true, ...bounded }, today)).toBe(true);
    expect(taskReasons({ active: true, validFrom: today, validUntil: today }, site, today)).toEqual([]);
  });

  it('does not ask for a password when the app access itself is missing', () => {
    expect(
      codes(agentAppReasons({ ...agent, mobileAccess: false, hasMobilePassword: false }, today)),
    ).toEqual(['AGENT_NO_APP_ACCESS']);
  });

  it('lists every reason at once, agent first, then the link, the task and the site', () => {
    const reasons = taskVisibilityReasons({
      agent: { ...agent, active: false, activeUntil: '2026-11-01' },
      task: { active: false, validFrom: '2027-01-01', validUntil: null },
      site: { active: false },
      linked: false,
      today,
    });
    expect(codes(reasons)).toEqual([
      'AGENT_INACTIVE',
      'AGENT_ENDED',
      'AGENT_NOT_LINKED',
      'TASK_INACTIVE',
      'TASK_NOT_STARTED',
      'SITE_INACTIVE',
    ]);
  });
});
