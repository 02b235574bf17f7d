import { expect, test } from '@playwright/test';
import type { CDPSession, Page } from '@playwright/test';

// Pull to refresh on the tasks list, with real touch events (Chromium's Input.dispatchTouchEvent,
// on the touch-enabled phone profiles), and the "Actualiser" button that does the same.

// page.route does not see requests that go through a service worker.
test.use({ serviceWorkers: 'block' });

// A refresh may still be answering when a test ends: let it finish with its route.
test.afterEach(async ({ page }) => {
  await page.unrouteAll({ behavior: 'wait' });
});

const TASKS = /\/api\/agent\/v1\/tasks(\?.*)?$/;
const STATE = /\/api\/agent\/v1\/state(\?.*)?$/;

interface TasksAnswer {
  tasks: { id: string; name: string }[];
}

async function activateAndSignIn(page: Page) {
  await page.goto('/m/');
  await expect(page.getByRole('heading', { name: 'Activer ce téléphone' })).toBeVisible();
  await page.getByLabel('Code de licence').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant', { exact: true }).fill('TEST@DEMO');
  await page.getByLabel('Mot de passe').fill('test1234');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Mes tâches' })).toBeVisible();
}

/** A finger put down at (x, y) and moved down by `by` px in small steps; `release` lifts it. */
async function pullDown(cdp: CDPSession, x: number, y: number, by: number) {
  const at = (dy: number) => [{ x, y: y + dy, id: 1, radiusX: 5, radiusY: 5, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let step = 1; step <= 10; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at((by * step) / 10) });
  }
  return {
    release: () => cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
  };
}

async function centreOf(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: Math.max(box.y + 20, 0) };
}

test('pulling the task list down from the top refreshes the tasks and the state; a short pull does not', async ({
  page,
}) => {
  const renamed = `Tâche renommée ${Date.now()}`;
  let rename = false;
  let tasksCalls = 0;
  await page.route(TASKS, async (route) => {
    tasksCalls += 1;
    const answer = await route.fetch();
    const body = (await answer.json()) as TasksAnswer;
    // After the first answers, the server "changed" a task: only a refresh can show it.
    const tasks = rename
      ? body.tasks.map((task, index) => (index === 0 ? { ...task, name: renamed } : task))
      : body.tasks;
    await route.fulfill({ response: answer, json: { ...body, tasks } });
  });
  await activateAndSignIn(page);
  await expect(page.getByTestId('tasks-list').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Actualiser' })).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  rename = true;
  const callsBefore = tasksCalls;

  const start = await centreOf(page, 'tasks-list');
  const short = await pullDown(cdp, start.x, start.y, 60);
  await expect(page.getByTestId('pull-indicator')).toHaveText('Tirez vers le bas pour actualiser');
  await short.release();
  await expect(page.getByTestId('pull-indicator')).toBeHidden();
  // Nothing to wait for when nothing happens: give a request the time to leave, then count.
  await page.waitForTimeout(700);
  expect(tasksCalls).toBe(callsBefore);
  await expect(page.getByText(renamed)).toBeHidden();

  const long = await pullDown(cdp, start.x, start.y, 250);
  await expect(page.getByTestId('pull-indicator')).toHaveText('Relâchez pour actualiser');
  const [tasksRequest, stateRequest] = await Promise.all([
    page.waitForRequest(TASKS),
    page.waitForRequest(STATE),
    long.release(),
  ]);
  expect(tasksRequest.method()).toBe('GET');
  expect(stateRequest.method()).toBe('GET');
  await expect(page.getByText(renamed)).toBeVisible();
  await expect(page.getByTestId('pull-indicator')).toBeHidden();
});

test('the same pull on a page scrolled down scrolls, and the "Actualiser" button refreshes too', async ({
  page,
}) => {
  let tasksCalls = 0;
  await page.route(TASKS, async (route) => {
    tasksCalls += 1;
    const answer = await route.fetch();
    const body = (await answer.json()) as TasksAnswer;
    const first = body.tasks[0];
    // A long list, so that the page can scroll (ids of its own: never opened here).
    const many = first
      ? Array.from({ length: 15 }, (_, index) => ({
          ...first,
          id: crypto.randomUUID(),
          name: `Tâche ${index + 1}`,
        }))
      : [];
    await route.fulfill({ response: answer, json: { ...body, tasks: [...body.tasks, ...many] } });
  });
  await activateAndSignIn(page);
  await expect(page.getByText('Tâche 15')).toBeAttached();

  await page.evaluate(() => window.scrollTo(0, 400));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const callsBefore = tasksCalls;
  const cdp = await page.context().newCDPSession(page);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  const gesture = await pullDown(cdp, viewport.width / 2, viewport.height / 3, 250);
  await expect(page.getByTestId('pull-indicator')).toBeHidden();
  await gesture.release();
  await page.waitForTimeout(700);
  expect(tasksCalls).toBe(callsBefore);

  await page.evaluate(() => window.scrollTo(0, 0));
  await Promise.all([page.waitForRequest(TASKS), page.getByRole('button', { name: 'Actualiser' }).click()]);
  expect(tasksCalls).toBe(callsBefore + 1);
});
