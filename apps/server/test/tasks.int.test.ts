import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administrationClient } from './support/admin-client.js';
import { createAppAgent } from './support/factories.js';
import { sessionFor } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('task groups and tasks', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const { company, send, audit } = administrationClient(() => subject.app);

  it('creates and edits task groups and tasks, and audits', async () => {
    const { world, admin } = await company();
    const group = await send(admin, 'POST', '/api/task-groups', { name: 'Offices' });
    expect(group.statusCode).toBe(201);
    const groupId = group.json().id as string;
    const created = await send(admin, 'POST', '/api/tasks', {
      siteId: world.siteId,
      groupId,
      name: 'Night cleaning',
      schedule: [
        { weekday: 1, start: '22:00', end: '06:00' },
        { weekday: 7, start: '00:00', end: '23:59' },
      ],
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    });
    expect(created.statusCode).toBe(201);
    const task = created.json();
    expect(task).toMatchObject({
      siteId: world.siteId,
      siteName: 'Site',
      clientId: world.clientId,
      groupId,
      groupName: 'Offices',
      active: true,
      agentCount: 0,
      validUntil: '2026-12-31',
    });
    expect(task.schedule).toHaveLength(2);
    const edited = await send(admin, 'PATCH', `/api/tasks/${task.id}`, {
      active: false,
      groupId: null,
      schedule: [{ weekday: 2, start: '06:00', end: '09:00' }],
    });
    expect(edited.json()).toMatchObject({ active: false, groupId: null, groupName: null });
    expect((await send(admin, 'GET', `/api/tasks/${task.id}`)).json().schedule).toEqual([
      { weekday: 2, start: '06:00', end: '09:00' },
    ]);
    const renamed = await send(admin, 'PATCH', `/api/task-groups/${groupId}`, {
      name: 'Bureaux',
      active: false,
    });
    expect(renamed.json()).toMatchObject({ name: 'Bureaux', active: false, taskCount: 0 });
    expect((await audit(world, task.id)).map((row) => row.action)).toEqual(['task.created', 'task.updated']);
    expect((await audit(world, groupId)).map((row) => row.action)).toEqual([
      'taskGroup.created',
      'taskGroup.updated',
    ]);
    const groups = (await send(admin, 'GET', '/api/task-groups?q=bur')).json();
    expect(groups).toMatchObject({ total: 1, items: [{ id: groupId }] });
    const tasks = (await send(admin, 'GET', `/api/tasks?siteId=${world.siteId}&sort=name&order=desc`)).json();
    expect(tasks.items.map((item: { name: string }) => item.name)).toEqual(['Task', 'Night cleaning']);
    expect((await send(admin, 'GET', '/api/tasks?q=night&active=false')).json().total).toBe(1);
  });

  it('validates the schedule, the dates and the references', async () => {
    const { world, admin } = await company();
    const other = await company();
    const errorsOf = async (payload: object) => {
      const response = await send(admin, 'POST', '/api/tasks', {
        siteId: world.siteId,
        name: 'T',
        ...payload,
      });
      expect(response.statusCode).toBe(400);
      return response.json().errors as { path: string; code: string }[];
    };
    expect((await errorsOf({ schedule: [{ weekday: 8, start: '06:00', end: '09:00' }] }))[0]!.path).toBe(
      'schedule.0.weekday',
    );
    expect((await errorsOf({ schedule: [{ weekday: 0, start: '06:00', end: '09:00' }] }))[0]!.path).toBe(
      'schedule.0.weekday',
    );
    expect((await errorsOf({ schedule: [{ weekday: 1, start: '24:00', end: '09:00' }] }))[0]!.path).toBe(
      'schedule.0.start',
    );
    expect((await errorsOf({ schedule: [{ weekday: 1, start: '06:00', end: '9:00' }] }))[0]!.path).toBe(
      'schedule.0.end',
    );
    const tooMany = Array.from({ length: 22 }, (_, index) => ({
      weekday: (index % 7) + 1,
      start: `0${Math.floor(index / 7)}:00`,
      end: '10:00',
    }));
    expect((await errorsOf({ schedule: tooMany }))[0]!.path).toBe('schedule');
    const slot = { weekday: 3, start: '06:00', end: '09:00' };
    expect(await errorsOf({ schedule: [slot, { ...slot, weekday: 4 }, slot] })).toEqual([
      expect.objectContaining({ path: 'schedule.2', code: 'DUPLICATE_SLOT' }),
    ]);
    expect(await errorsOf({ validFrom: '2026-05-02', validUntil: '2026-05-01' })).toEqual([
      expect.objectContaining({ path: 'validUntil', code: 'DATE_RANGE' }),
    ]);
    expect(await errorsOf({ siteId: other.world.siteId })).toEqual([
      expect.objectContaining({ path: 'siteId', code: 'SITE_NOT_FOUND' }),
    ]);
    const otherGroup = (await send(other.admin, 'POST', '/api/task-groups', { name: 'Theirs' })).json();
    expect(await errorsOf({ groupId: otherGroup.id })).toEqual([
      expect.objectContaining({ path: 'groupId', code: 'TASK_GROUP_NOT_FOUND' }),
    ]);
    // The date rule applies to the task as it would become.
    await send(admin, 'PATCH', `/api/tasks/${world.taskId}`, { validFrom: '2026-06-01' });
    const backwards = await send(admin, 'PATCH', `/api/tasks/${world.taskId}`, { validUntil: '2026-05-31' });
    expect(backwards.json().errors[0]).toMatchObject({ path: 'validUntil', code: 'DATE_RANGE' });
  });

  it("answers 404 for another company's task or group, and refuses writing to roles without tasks.write", async () => {
    const { world, admin } = await company();
    const other = await company();
    const otherGroup = (await send(other.admin, 'POST', '/api/task-groups', { name: 'Theirs' })).json();
    expect((await send(admin, 'GET', `/api/tasks/${other.world.taskId}`)).statusCode).toBe(404);
    expect((await send(admin, 'PATCH', `/api/tasks/${other.world.taskId}`, { name: 'X' })).statusCode).toBe(
      404,
    );
    expect((await send(admin, 'GET', `/api/tasks/${other.world.taskId}/agents`)).statusCode).toBe(404);
    expect(
      (await send(admin, 'PUT', `/api/tasks/${other.world.taskId}/agents`, { agentIds: [] })).statusCode,
    ).toBe(404);
    expect((await send(admin, 'PATCH', `/api/task-groups/${otherGroup.id}`, { name: 'X' })).statusCode).toBe(
      404,
    );
    const hr = await sessionFor(subject.app, world, 'HR_MANAGER');
    expect((await send(hr, 'POST', '/api/tasks', { siteId: world.siteId, name: 'HR' })).statusCode).toBe(403);
    expect((await send(hr, 'PUT', `/api/tasks/${world.taskId}/agents`, { agentIds: [] })).statusCode).toBe(
      403,
    );
    expect((await send(hr, 'GET', `/api/tasks/${world.taskId}/agents`)).statusCode).toBe(200);
    const manager = await sessionFor(subject.app, world, 'ADMIN_MANAGER');
    expect(
      (await send(manager, 'POST', '/api/tasks', { siteId: world.siteId, name: 'Mgr' })).statusCode,
    ).toBe(201);
  });

  it('links agents (audited with added and removed), and the linked agent sees the task in the app', async () => {
    const { world, admin } = await company();
    const other = await company();
    const second = await createAppAgent(subject.app.ctx.db, world.tenant.id);
    const task = (
      await send(admin, 'POST', '/api/tasks', {
        siteId: world.siteId,
        name: 'Lobby',
        schedule: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '08:00' })),
      })
    ).json();
    const agentTasks = async () => {
      const response = await subject.app.inject({
        method: 'GET',
        url: '/api/agent/v1/tasks',
        headers: { authorization: `Bearer ${world.agentToken}` },
      });
      expect(response.statusCode).toBe(200);
      return (response.json().tasks as { id: string }[]).map((item) => item.id);
    };
    expect(await agentTasks()).not.toContain(task.id);

    const linked = await send(admin, 'PUT', `/api/tasks/${task.id}/agents`, {
      agentIds: [world.fieldAgentId, second.id],
    });
    expect(linked.statusCode).toBe(200);
    expect(
      linked
        .json()
        .items.map((agent: { id: string }) => agent.id)
        .sort(),
    ).toEqual([world.fieldAgentId, second.id].sort());
    expect(await agentTasks()).toContain(task.id);
    expect((await send(admin, 'GET', `/api/tasks/${task.id}`)).json().agentCount).toBe(2);
    expect(
      (await send(admin, 'GET', `/api/tasks?agentId=${second.id}`))
        .json()
        .items.map((t: { id: string }) => t.id),
    ).toEqual([task.id]);

    const relinked = await send(admin, 'PUT', `/api/tasks/${task.id}/agents`, { agentIds: [second.id] });
    expect(relinked.json().items).toEqual([
      expect.objectContaining({ id: second.id, identifier: second.identifier }),
    ]);
    expect((await send(admin, 'GET', `/api/tasks/${task.id}/agents`)).json().items).toHaveLength(1);
    expect(await agentTasks()).not.toContain(task.id);

    const trail = (await audit(world, task.id)).filter((row) => row.action === 'task.agentsChanged');
    expect(trail).toHaveLength(2);
    expect(trail[0]!.after).toMatchObject({
      added: expect.arrayContaining([world.fieldAgentId, second.id]),
      removed: [],
    });
    expect(trail[1]).toMatchObject({
      before: { agentIds: expect.arrayContaining([world.fieldAgentId, second.id]) },
      after: { agentIds: [second.id], added: [], removed: [world.fieldAgentId] },
    });

    const foreign = await send(admin, 'PUT', `/api/tasks/${task.id}/agents`, {
      agentIds: [second.id, other.world.fieldAgentId],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([
      expect.objectContaining({ path: 'agentIds.1', code: 'AGENT_NOT_FOUND' }),
    ]);
    const twice = await send(admin, 'PUT', `/api/tasks/${task.id}/agents`, {
      agentIds: [second.id, second.id],
    });
    expect(twice.statusCode).toBe(400);
  });
});
