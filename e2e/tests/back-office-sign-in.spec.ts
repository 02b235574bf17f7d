import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const PASSWORD = 'ciao-demo-2026';

async function signIn(page: Page, login: string, password = PASSWORD) {
  await page.getByLabel('Code entreprise').fill('DEMO');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });

test.describe('back-office sign-in', () => {
  test('an administrator signs in, in French, and sees the company and the Users menu', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, 'admin');

    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('banner').getByText('Démo Nettoyage SA')).toBeVisible();
    await expect(page.getByRole('banner').getByText('Alice Admin · Administrateur')).toBeVisible();
    await expect(mainMenu(page).getByRole('link', { name: 'Utilisateurs' })).toBeVisible();
    await expect(mainMenu(page).getByRole('link', { name: 'Tableau de bord' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByText('Le serveur est joignable et prêt.')).toBeVisible();
  });

  test('a supervisor has no Users menu and gets the 403 page at /users', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, 'superviseur');
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('banner').getByText('Sam Superviseur · Superviseur')).toBeVisible();
    await expect(mainMenu(page).getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
    await expect(mainMenu(page).getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);

    await page.goto('/users');
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
    await expect(page.getByText("Votre rôle (Superviseur) ne permet pas d'ouvrir cette page.")).toBeVisible();
  });

  test('a user of role Néant is refused with a French message', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, 'neant');
    await expect(page.getByRole('alert')).toHaveText(/Votre rôle ne donne pas accès au back-office/);
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a wrong password is refused without saying which field is wrong', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, 'rh', 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText(
      'Code entreprise, identifiant ou mot de passe incorrect.',
    );
  });

  test('empty fields are flagged before anything is sent', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Code entreprise').fill('');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByLabel('Identifiant', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
  });

  test('switching to Dutch before signing in gives Dutch texts everywhere', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Langue').selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Aanmelden bij de back-office' })).toBeVisible();
    await page.getByLabel('Bedrijfscode').fill('DEMO');
    await page.getByLabel('Gebruikersnaam').fill('gestionnaire');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText('Welkom, Gaston Gestionnaire.')).toBeVisible();
    await expect(
      page.getByRole('banner').getByText('Gaston Gestionnaire · Administratief beheerder'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });

  test('signing out goes back to the sign-in page, which remembers the company code', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, 'inspecteur');
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByLabel('Code entreprise')).toHaveValue('DEMO');
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a page visited while signed out opens after signing in', async ({ page }) => {
    await page.goto('/users?from=e2e');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fusers%3Ffrom%3De2e$/);
    await signIn(page, 'admin');
    await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/users\?from=e2e$/);
  });

  test('an ended session brings the person back to sign in, with a message', async ({ page, context }) => {
    await page.goto('/sign-in');
    await signIn(page, 'admin');
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
    await context.clearCookies();
    await mainMenu(page).getByRole('link', { name: 'Utilisateurs' }).click();

    await expect(page.getByText('Votre session a pris fin. Reconnectez-vous pour continuer.')).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fusers&expired=1$/);
    await signIn(page, 'admin');
    await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
  });

  test('says so, with a retry, when the server cannot be reached', async ({ page }) => {
    await page.route('**/api/auth/sign-in', (route) => route.abort('connectionrefused'));
    await page.goto('/sign-in');
    await signIn(page, 'admin');
    await expect(page.getByRole('alert')).toContainText('Le serveur est injoignable.');

    await page.unroute('**/api/auth/sign-in');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();

    await page.route('**/api/auth/session', (route) => route.abort('connectionrefused'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Le serveur est injoignable' })).toBeVisible();
    await page.unroute('**/api/auth/session');
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 375, height: 740 } });

    test('the menu folds behind a button', async ({ page }) => {
      await page.goto('/sign-in');
      await signIn(page, 'admin');
      await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
      await expect(mainMenu(page)).toBeHidden();
      await page.getByRole('button', { name: 'Menu' }).click();
      await mainMenu(page).getByRole('link', { name: 'Utilisateurs' }).click();
      await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
      await expect(mainMenu(page)).toBeHidden();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);
    });
  });
});
