import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Every demo web user has this password (see apps/server/src/demo/demo-data.ts). */
export const DEMO_PASSWORD = 'ciao-demo-2026';

/** Signs a demo user in from the sign-in page in French, then lands on `path`. */
export async function signIn(page: Page, login: string, path = '/', company = 'DEMO') {
  await page.goto(path);
  await page.getByLabel('Code entreprise').fill(company);
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * No serious or critical accessibility violation (WCAG 2.1 A and AA rules) on the page as it is
 * now. The list of violations is the failure message, so that a failure says what to fix.
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
}
