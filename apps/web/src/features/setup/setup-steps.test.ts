import { describe, expect, it } from 'vitest';
import { setupSteps } from './setup-steps';

const done = (facts: Parameters<typeof setupSteps>[0]) =>
  Object.fromEntries(setupSteps(facts).map((step) => [step.id, step.done]));

describe('the set-up checklist', () => {
  it('knows nothing while the facts load', () => {
    expect(Object.values(done({}))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('starts with everything to do for an empty company', () => {
    expect(
      done({
        company: { enterpriseNumber: null, onssEmployerNumber: null },
        onssConnection: { clientId: null, hasPrivateKey: false, lastTestOk: null },
        clientCount: 0,
        sites: [],
        appAgents: [],
        activeLicenceCount: 0,
        activeTasks: [],
      }),
    ).toEqual({
      company: false,
      onss: false,
      client: false,
      site: false,
      agent: false,
      licence: false,
      task: false,
    });
  });

  it('asks for what makes each step usable, not only for a row', () => {
    const halfway = done({
      company: { enterpriseNumber: '0203201340', onssEmployerNumber: null },
      onssConnection: { clientId: 'ciao', hasPrivateKey: true, lastTestOk: false },
      clientCount: 1,
      sites: [{ latitude: null, longitude: null }],
      appAgents: [{ mobileAccess: true, hasMobilePassword: false }],
      activeLicenceCount: 1,
      activeTasks: [{ agentCount: 0 }],
    });
    expect(halfway).toEqual({
      company: false,
      onss: false,
      client: true,
      site: false,
      agent: false,
      licence: true,
      task: false,
    });
  });

  it('is complete once a linked task, an agent with a password and a located site exist', () => {
    const ready = done({
      company: { enterpriseNumber: '0203201340', onssEmployerNumber: '123456749' },
      onssConnection: { clientId: 'ciao', hasPrivateKey: true, lastTestOk: true },
      clientCount: 2,
      sites: [
        { latitude: null, longitude: null },
        { latitude: 50.83, longitude: 4.36 },
      ],
      appAgents: [{ mobileAccess: true, hasMobilePassword: true }],
      activeLicenceCount: 1,
      activeTasks: [{ agentCount: 0 }, { agentCount: 3 }],
    });
    expect(Object.values(ready).every(Boolean)).toBe(true);
  });
});
