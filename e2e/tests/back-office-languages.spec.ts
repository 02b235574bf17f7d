import { expect, test } from '@playwright/test';

// The back-office bundles French only and downloads the browser's language before its first screen:
// these check that another language is there from the start, after a switch and after a reload.
test.use({ locale: 'nl-BE' });

test('a Dutch browser gets the back-office in Dutch from the first screen; English chosen stays after a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Aanmelden bij de back-office' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByText('Connexion au back-office')).toHaveCount(0);

  await page.getByLabel('Bedrijfscode').fill('DEMO');
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill('admin');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('ciao-demo-2026');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();

  await page.getByLabel('Taal').selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
  await expect(page.getByLabel('Language')).toHaveValue('en');
});
