import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectAccessible, signIn } from '../support/back-office.js';

/** The demo operator and its fixed authenticator secret (README, "demo accounts"). */
const OPERATOR = { email: 'operator@ciao.demo', password: 'ciao-demo-2026' };
const TOTP_SECRET = 'CIAODEMOPLATFORMOPERATORTOTPKEYS';

function currentCode(): string {
  return new TOTP({ secret: Secret.fromBase32(TOTP_SECRET), digits: 6, period: 30 }).generate();
}

// The server accepts each code once (no replay): a second sign-in within the same 30 seconds
// waits for the authenticator's next code, as a person would.
let lastCode: string | undefined;
async function freshCode(page: Page): Promise<string> {
  let code = currentCode();
  while (code === lastCode) {
    await page.waitForTimeout(1000);
    code = currentCode();
  }
  lastCode = code;
  return code;
}

async function signInOperator(page: Page, scan = false) {
  await page.goto('/platform');
  await expect(page).toHaveURL(/\/platform\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Connexion opérateur', level: 1 })).toBeVisible();
  if (scan) await expectAccessible(page);
  await page.getByLabel('Adresse e-mail').fill(OPERATOR.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  const code = page.getByLabel('Code d’authentification');
  await expect(code).toBeVisible();
  if (scan) {
    await code.fill('000000');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toContainText('Ce code est incorrect ou expiré');
    await expectAccessible(page);
  }
  await code.fill(await freshCode(page));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Sociétés', level: 1 })).toBeVisible();
}

test.describe('operator console', () => {
  // A sign-in may wait up to 30 seconds for the next authenticator code.
  test.describe.configure({ timeout: 90_000 });
  test('the operator signs in with TOTP, creates a company, issues its code once and invites its first administrator', async ({
    page,
    browser,
  }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const code = `E2E${stamp}`.slice(0, 32);
    const name = `Brillance ${stamp} SRL`;
    await signInOperator(page, true);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Nouvelle société' }).click();
    const form = page.getByRole('region', { name: 'Nouvelle société' });
    await form.getByLabel('Code société').fill(code);
    await form.getByLabel('Nom', { exact: true }).fill(name);
    await form.getByLabel('Numéro d’entreprise (facultatif)').fill('0203.201.341');
    await form.getByRole('button', { name: 'Créer la société' }).click();
    await expect(form.getByText(/pas un numéro d’entreprise belge valable/)).toBeVisible();
    await expectAccessible(page);
    await form.getByLabel('Numéro d’entreprise (facultatif)').fill('0203.201.340');
    await form.getByRole('button', { name: 'Créer la société' }).click();
    await expect(page.getByText(`Société ${code} créée.`, { exact: false })).toBeVisible();

    await page.getByRole('link', { name: code, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Société ${code}`, level: 1 })).toBeVisible();
    await expect(page.getByText('Aucun code de licence pour l’instant.')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Émettre un code de licence' }).click();
    await page.getByLabel('Quota d’appareils').fill('5');
    await page.getByRole('button', { name: 'Émettre le code' }).click();
    const secret = page.getByTestId('platform-licence-code');
    await expect(secret).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const licenceCode = (await secret.textContent())!;
    const hint = licenceCode.slice(-4);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Je l’ai noté' }).click();
    await expect(secret).toHaveCount(0);
    await expect(page.getByRole('row', { name: new RegExp(hint) })).toContainText('0 / 5');

    const invite = page.getByRole('region', { name: 'Premier administrateur' });
    await invite.getByLabel('Nom', { exact: true }).fill('Anne Brillance');
    await invite.getByLabel('Adresse e-mail').fill(`anne.${stamp.toLowerCase()}@example.be`);
    await invite.getByRole('button', { name: 'Inviter l’administrateur' }).click();
    await expect(page.getByTestId('invitation-link')).toContainText('/set-password?token=');
    const token = /set-password\?token=([\w-]+)/.exec(
      (await page.getByTestId('invitation-link').textContent())!,
    )![1];
    await expectAccessible(page);

    await page.getByRole('link', { name: 'E-mails' }).click();
    await expect(page.getByRole('heading', { name: 'File des e-mails', level: 1 })).toBeVisible();
    await expect(page.getByText(`Votre accès à ciao pour ${name}`)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/platform\/sign-in$/);
    await page.goto('/platform/set-password?token=unknown-token-unknown-token');
    await expect(
      page.getByRole('heading', { name: 'Choisissez votre mot de passe d’opérateur' }),
    ).toBeVisible();
    await expectAccessible(page);

    // The invited administrator follows the link (once), sets a password and signs in.
    const admin = await browser.newPage({ locale: 'fr-BE', timezoneId: 'Europe/Brussels' });
    await admin.goto(`/set-password?token=${token}`);
    await expect(admin.getByRole('heading', { name: 'Bienvenue sur ciao' })).toBeVisible();
    await admin.getByLabel('Nouveau mot de passe').fill('brillance password 2026');
    await admin.getByLabel('Répétez le mot de passe').fill('brillance password 2026');
    await admin.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(admin.getByRole('status')).toContainText(`Connectez-vous avec le code entreprise ${code}`);
    await admin.goto(`/set-password?token=${token}`);
    await expect(admin.getByRole('alert')).toContainText('Ce lien a déjà été utilisé');
    await admin.goto('/sign-in');
    await admin.getByLabel('Code entreprise').fill(code);
    await admin.getByLabel('Identifiant', { exact: true }).fill('admin');
    await admin.getByLabel('Mot de passe', { exact: true }).fill('brillance password 2026');
    await admin.getByRole('button', { name: 'Se connecter' }).click();
    await expect(admin.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await admin.close();

    // A phone of the new company activates with the code the operator issued.
    const phone = await browser.newPage({ locale: 'fr-BE', timezoneId: 'Europe/Brussels' });
    await phone.goto('/m/');
    await phone.getByLabel('Code de licence').fill(licenceCode);
    await phone.getByRole('button', { name: 'Activer' }).click();
    await expect(phone.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await phone.close();
  });

  test('a company administrator asks for a new code, the operator answers it, the company sees the answer', async ({
    browser,
  }) => {
    const reason = `Nouvelle équipe E2E ${Date.now()}`;
    const tenantPage = await (await browser.newContext()).newPage();
    await signIn(tenantPage, 'admin', '/licences');
    await tenantPage.getByRole('button', { name: 'Demander un nouveau code' }).click();
    await tenantPage.getByLabel('Motif').fill(reason);
    await tenantPage
      .getByRole('region', { name: 'Demander un nouveau code' })
      .getByLabel(/Nombre maximal/)
      .fill('7');
    await expectAccessible(tenantPage);
    await tenantPage.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect(tenantPage.getByText('Demande envoyée', { exact: false })).toBeVisible();
    const mine = tenantPage.getByTestId('licence-requests').getByRole('listitem').filter({ hasText: reason });
    await expect(mine).toContainText('En attente');
    await expect(mine).toContainText('7 appareils demandés');
    await expectAccessible(tenantPage);

    const operatorPage = await (await browser.newContext()).newPage();
    await signInOperator(operatorPage);
    await operatorPage.getByRole('link', { name: 'Demandes de licence' }).click();
    await expect(operatorPage.getByRole('heading', { name: 'Demandes de licence', level: 1 })).toBeVisible();
    const request = operatorPage.getByTestId('platform-licence-request').filter({ hasText: reason });
    await expect(request).toContainText('DEMO');
    await expectAccessible(operatorPage);
    await request.getByLabel('Message à la société (facultatif)').fill('Code communiqué par téléphone.');
    await request.getByRole('button', { name: 'Émettre le code' }).click();
    await expect(operatorPage.getByTestId('platform-licence-code')).toHaveText(
      /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
    );
    const hint = (await operatorPage.getByTestId('platform-licence-code').textContent())!.slice(-4);

    await tenantPage.reload();
    const answered = tenantPage
      .getByTestId('licence-requests')
      .getByRole('listitem')
      .filter({ hasText: reason });
    await expect(answered).toContainText('Code émis');
    await expect(answered).toContainText(`Code …${hint} émis`);
    await expect(answered).toContainText('Code communiqué par téléphone.');
  });
});
