import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { signIn } from '../support/back-office.js';

// The server forbids inline scripts and styles (Content-Security-Policy). A screen that relied on
// one would break silently for users; the browser reports each refusal on the console.
function collectPolicyViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

test('the back-office, its map, the agent app and the API docs run under the policy', async ({ page }) => {
  test.setTimeout(90_000);
  const violations = collectPolicyViolations(page);
  // The test machine has no internet: the map tiles are refused outright, as a blocked host would be.
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await signIn(page, 'admin');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  for (const path of ['/', '/agents', '/registrations', '/work-sessions', '/onss', '/anomalies', '/tasks']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto('/sites?new=1');
  await page.getByRole('button', { name: 'Choisir sur la carte' }).click();
  await expect(page.getByRole('application', { name: /Carte du site/ })).toBeVisible();

  await page.goto('/m/');
  await expect(page.getByRole('heading', { name: 'Activer ce téléphone' })).toBeVisible();

  await page.goto('/api/docs');
  await expect(page.getByText('ciao API').first()).toBeVisible();

  expect(violations).toEqual([]);
});
