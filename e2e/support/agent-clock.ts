import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';

/** The demo's first site, Bureaux Louise 231, where TEST works. */
export const LOUISE_231 = { latitude: 50.8275, longitude: 4.3653 };

const agentApi = '/api/agent/v1';

/**
 * TEST@DEMO arrives at Louise 231 and leaves, through the agent app's API on a freshly activated
 * phone, so that the demo gets two ONSS registrations (an IN and an OUT). TEST is left off duty,
 * as the other tests expect. A poor `accuracyMeters` (over 100 m) opens a POOR_ACCURACY anomaly on each of the two.
 * Returns the registration times, which are the ONSS registrations' times.
 */
export async function clockTestAgent(request: APIRequestContext, options: { accuracyMeters?: number } = {}) {
  const activation = await request.post(`${agentApi}/activation`, {
    data: {
      licenceCode: 'CIAO-DEMO-2026',
      installationId: crypto.randomUUID(),
      platform: 'android',
      appVersion: '1.0.0',
    },
  });
  expect(activation.status(), await activation.text()).toBe(200);
  const { deviceToken } = (await activation.json()) as { deviceToken: string };
  const signIn = await request.post(`${agentApi}/sign-in`, {
    headers: { authorization: `Bearer ${deviceToken}` },
    data: { login: 'TEST@DEMO', password: 'test1234' },
  });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { agentToken } = (await signIn.json()) as { agentToken: string };
  const headers = { authorization: `Bearer ${agentToken}` };

  const send = async (taskId: string, action: string, deviceTime: Date, accuracyMeters = 10) => {
    const response = await request.post(`${agentApi}/clock-events`, {
      headers,
      data: {
        id: crypto.randomUUID(),
        taskId,
        action,
        deviceTime: deviceTime.toISOString(),
        position: { ...LOUISE_231, accuracyMeters },
        appVersion: '1.0.0',
      },
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
  };

  // Another test may have left TEST on duty: end that first, so that the arrival is accepted.
  const state = (await (await request.get(`${agentApi}/state`, { headers })).json()) as {
    status: string;
    taskId: string | null;
  };
  if (state.taskId && state.status === 'ON_BREAK')
    await send(state.taskId, 'RESUME', new Date(Date.now() - 3000));
  if (state.taskId && state.status !== 'OFF') await send(state.taskId, 'LEAVE', new Date(Date.now() - 2500));

  const tasks = (await (await request.get(`${agentApi}/tasks`, { headers })).json()) as {
    tasks: { id: string; site: { latitude: number | null } }[];
  };
  const task =
    tasks.tasks.find((candidate) => candidate.site.latitude === LOUISE_231.latitude) ?? tasks.tasks[0];
  expect(task, 'TEST has a task at Louise 231').toBeDefined();
  const arrival = new Date(Date.now() - 2000);
  const departure = new Date(Date.now() - 1000);
  await send(task!.id, 'ARRIVE', arrival, options.accuracyMeters);
  await send(task!.id, 'LEAVE', departure, options.accuracyMeters);
  return { arrival, departure };
}
