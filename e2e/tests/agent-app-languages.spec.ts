import { expect, test } from '@playwright/test';

// The agent app follows the phone's language; only that language's texts are downloaded (French is
// bundled), so these check that another language is there from the first screen and after a switch.
test.use({ locale: 'nl-BE' });

test('a Dutch phone gets Dutch from the first screen; English chosen in the settings stays after a reload', async ({
  page,
}) => {
  await page.goto('/m/');
  await expect(page.getByRole('heading', { name: 'Deze telefoon activeren' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  // The Dutch texts replace the bundled French ones everywhere (the app mounts once they are loaded).
  await expect(page.getByText('Activer ce téléphone')).toHaveCount(0);

  await page.getByLabel('Licentiecode').fill('CIAO-DEMO-2026');
  await page.getByRole('button', { name: 'Activeren' }).click();
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill('TEST@DEMO');
  await page.getByLabel('Wachtwoord').fill('test1234');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Mijn taken' })).toBeVisible();

  await page.getByRole('button', { name: 'Instellingen' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'My tasks' })).toBeVisible();
});
