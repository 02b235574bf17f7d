import { localDate, nextDate, type TaskVisibilityReasonCode } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, sites, taskAgents, tasks } from '../src/db/schema/index.js';
import { createClockWorld } from './support/clock-world.js';
import { testPasswordHash, webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

const previousDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
};

describe('why an agent does (not) see a task', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const db = () => subject.app.ctx.db;
  const today = () => localDate(subject.app.ctx.now(), 'Europe/Brussels');

  /** A signed-in agent with a mobile password, linked to a task planned every day; an admin. */
  async function world() {
    const clock = await createClockWorld(subject.app);
    await db()
      .update(agents)
      .set({ mobilePasswordHash: await testPasswordHash() })
      .where(eq(agents.id, clock.agent.id));
    const { session } = await webSessionFor(subject.app, clock.tenant.id, 'ADMIN');
    const check = async (taskId = clock.task.id, agentId = clock.agent.id, as = session) => {
      const response = await asUser(subject.app, as, {
        method: 'GET',
        url: `/api/agents/${agentId}/task-visibility?taskId=${taskId}`,
      });
      return response;
    };
    /** The task ids the agent app lists, or the refusal code when the app refuses the agent. */
    const appTasks = async () => {
      const response = await clock.get('/api/agent/v1/tasks');
      if (response.statusCode !== 200) return response.json().code as string;
      return (response.json().tasks as { id: string }[]).map((task) => task.id);
    };
    return { ...clock, session, check, appTasks };
  }

  it('shows a linked, active, valid task, as the agent app does', async () => {
    const w = await world();
    const response = await w.check();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      agentId: w.agent.id,
      taskId: w.task.id,
      date: today(),
      visible: true,
      plannedToday: true,
      reasons: [],
      openSession: false,
      credentialsChecked: true,
    });
    expect(await w.appTasks()).toEqual([w.task.id]);
  });

  // Each case breaks one thing, expects exactly that reason, and what the agent app then does: the
  // task missing from its list, or the agent refused altogether.
  const cases: {
    name: string;
    code: TaskVisibilityReasonCode;
    breakIt: (w: Awaited<ReturnType<typeof world>>) => Promise<string | null>;
    app: 'hidden' | 'AGENT_INACTIVE' | 'AGENT_NO_APP_ACCESS' | 'shown';
  }[] = [
    {
      name: 'an inactive agent record',
      code: 'AGENT_INACTIVE',
      breakIt: async (w) => {
        await db().update(agents).set({ active: false }).where(eq(agents.id, w.agent.id));
        return null;
      },
      app: 'AGENT_INACTIVE',
    },
    {
      name: 'an agent who starts tomorrow',
      code: 'AGENT_NOT_STARTED',
      breakIt: async (w) => {
        const date = nextDate(today());
        await db().update(agents).set({ activeFrom: date }).where(eq(agents.id, w.agent.id));
        return date;
      },
      app: 'AGENT_INACTIVE',
    },
    {
      name: 'an agent who left yesterday',
      code: 'AGENT_ENDED',
      breakIt: async (w) => {
        const date = previousDate(today());
        await db().update(agents).set({ activeUntil: date }).where(eq(agents.id, w.agent.id));
        return date;
      },
      app: 'AGENT_INACTIVE',
    },
    {
      name: 'an agent without app access',
      code: 'AGENT_NO_APP_ACCESS',
      breakIt: async (w) => {
        await db().update(agents).set({ mobileAccess: false }).where(eq(agents.id, w.agent.id));
        return null;
      },
      app: 'AGENT_NO_APP_ACCESS',
    },
    {
      // The live token still works; the sign-in refusal is covered by agent-auth.int.test.ts.
      name: 'an agent without a mobile password',
      code: 'AGENT_NO_MOBILE_PASSWORD',
      breakIt: async (w) => {
        await db().update(agents).set({ mobilePasswordHash: null }).where(eq(agents.id, w.agent.id));
        return null;
      },
      app: 'shown',
    },
    {
      name: 'an agent not linked to the task',
      code: 'AGENT_NOT_LINKED',
      breakIt: async (w) => {
        await db()
          .delete(taskAgents)
          .where(and(eq(taskAgents.taskId, w.task.id), eq(taskAgents.agentId, w.agent.id)));
        return null;
      },
      app: 'hidden',
    },
    {
      name: 'an inactive task',
      code: 'TASK_INACTIVE',
      breakIt: async (w) => {
        await db().update(tasks).set({ active: false }).where(eq(tasks.id, w.task.id));
        return null;
      },
      app: 'hidden',
    },
    {
      name: 'a task that starts tomorrow',
      code: 'TASK_NOT_STARTED',
      breakIt: async (w) => {
        const date = nextDate(today());
        await db().update(tasks).set({ validFrom: date }).where(eq(tasks.id, w.task.id));
        return date;
      },
      app: 'hidden',
    },
    {
      name: 'a task that ended yesterday',
      code: 'TASK_ENDED',
      breakIt: async (w) => {
        const date = previousDate(today());
        await db().update(tasks).set({ validUntil: date }).where(eq(tasks.id, w.task.id));
        return date;
      },
      app: 'hidden',
    },
    {
      name: 'an inactive site',
      code: 'SITE_INACTIVE',
      breakIt: async (w) => {
        await db().update(sites).set({ active: false }).where(eq(sites.id, w.site.id));
        return null;
      },
      app: 'hidden',
    },
  ];

  for (const { name, code, breakIt, app } of cases) {
    it(`says ${code} for ${name}, and the agent app agrees`, async () => {
      const w = await world();
      const date = await breakIt(w);
      const response = await w.check();
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ visible: false, reasons: [{ code, date }] });
      const shown = await w.appTasks();
      if (app === 'hidden') expect(shown).toEqual([]);
      else if (app === 'shown') expect(shown).toEqual([w.task.id]);
      else expect(shown).toBe(app);
    });
  }

  it('lists every reason at once', async () => {
    const w = await world();
    await db().update(agents).set({ mobileAccess: false }).where(eq(agents.id, w.agent.id));
    await db().update(tasks).set({ active: false }).where(eq(tasks.id, w.task.id));
    await db().update(sites).set({ active: false }).where(eq(sites.id, w.site.id));
    const response = await w.check();
    expect(response.json().reasons.map((reason: { code: string }) => reason.code)).toEqual([
      'AGENT_NO_APP_ACCESS',
      'TASK_INACTIVE',
      'SITE_INACTIVE',
    ]);
  });

  it('tells a task planned on another day from one planned today, both visible', async () => {
    const w = await world();
    await db().update(tasks).set({ schedule: [] }).where(eq(tasks.id, w.task.id));
    const response = await w.check();
    expect(response.json()).toMatchObject({ visible: true, plannedToday: false, reasons: [] });
    expect(await w.appTasks()).toEqual([w.task.id]);
  });

  it('keeps showing the task of an open registration, and says so', async () => {
    const w = await world();
    const arrived = await w.send(w.event('ARRIVE', { deviceTime: w.minutesAgo(10) }));
    expect(arrived.statusCode, arrived.body).toBe(201);
    await db().update(tasks).set({ active: false }).where(eq(tasks.id, w.task.id));
    const response = await w.check();
    expect(response.json()).toMatchObject({
      visible: false,
      openSession: true,
      reasons: [{ code: 'TASK_INACTIVE' }],
    });
    expect(await w.appTasks()).toEqual([w.task.id]);
  });

  it('does not tell the supervisor whether a mobile password is set', async () => {
    const w = await world();
    await db().update(agents).set({ mobilePasswordHash: null }).where(eq(agents.id, w.agent.id));
    const { session } = await webSessionFor(subject.app, w.tenant.id, 'SUPERVISOR');
    const response = await w.check(w.task.id, w.agent.id, session);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ visible: true, reasons: [], credentialsChecked: false });
  });

  it("answers 404 for another company's agent or task", async () => {
    const w = await world();
    const other = await world();
    expect((await w.check(other.task.id)).statusCode).toBe(404);
    expect((await w.check(w.task.id, other.agent.id)).statusCode).toBe(404);
    const tasksOfOther = await asUser(subject.app, w.session, {
      method: 'GET',
      url: `/api/agents/${other.agent.id}/tasks`,
    });
    expect(tasksOfOther.statusCode).toBe(404);
  });

  it('refuses a check without a valid task id', async () => {
    const w = await world();
    const response = await asUser(subject.app, w.session, {
      method: 'GET',
      url: `/api/agents/${w.agent.id}/task-visibility?taskId=nope`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('query.taskId');
  });

  it("lists the agent's tasks with the same visibility as the agent app", async () => {
    const w = await world();
    const [ended] = await db()
      .insert(tasks)
      .values({
        tenantId: w.tenant.id,
        siteId: w.site.id,
        name: 'Afternoon windows',
        validUntil: previousDate(today()),
      })
      .returning();
    await db().insert(taskAgents).values({ tenantId: w.tenant.id, taskId: ended!.id, agentId: w.agent.id });
    const response = await asUser(subject.app, w.session, {
      method: 'GET',
      url: `/api/agents/${w.agent.id}/tasks`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ agentId: w.agent.id, date: today(), credentialsChecked: true });
    expect(body.items).toEqual([
      {
        id: ended!.id,
        name: 'Afternoon windows',
        siteId: w.site.id,
        siteName: 'Louise 231',
        clientId: expect.any(String),
        clientName: 'Immo Louise',
        active: true,
        validFrom: null,
        validUntil: previousDate(today()),
        visible: false,
        reasons: [{ code: 'TASK_ENDED', date: previousDate(today()) }],
      },
      expect.objectContaining({ id: w.task.id, name: 'Morning cleaning', visible: true, reasons: [] }),
    ]);
    const visibleIds = body.items
      .filter((item: { visible: boolean }) => item.visible)
      .map((item: { id: string }) => item.id);
    expect(await w.appTasks()).toEqual(visibleIds);
  });
});
