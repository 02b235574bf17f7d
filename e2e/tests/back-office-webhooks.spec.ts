import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support/back-office.js';

test.describe('back-office webhooks', () => {
  test('an administrator subscribes a receiver, sees the secret once, sends a test event and sees it delivered', async ({
    page,
  }) => {
    // The company's receiver: a real HTTP server that the ciao server POSTs to.
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/e2e-${Date.now()}`;

    try {
      await signIn(page, 'admin', '/webhooks');
      await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Nouvel abonnement' }).click();
      const form = page.getByRole('region', { name: 'Nouvel abonnement' });
      await form.getByLabel('Adresse (URL)').fill('http://erp.example.be/hooks');
      await form.getByRole('button', { name: 'Créer l’abonnement' }).click();
      await expect(form.getByText('Utilisez https://', { exact: false })).toBeVisible();
      await expectAccessible(page);

      await form.getByLabel('Adresse (URL)').fill(url);
      await form.getByLabel('Description').fill('Paie (e2e)');
      await form.getByLabel('Agent créé ou modifié').uncheck();
      await form.getByRole('button', { name: 'Créer l’abonnement' }).click();

      const secret = page.getByTestId('webhook-secret');
      await expect(secret).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
      const signingSecret = (await secret.textContent())!;
      await expect(page.getByText('il ne sera plus jamais affiché', { exact: false })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'J’ai copié le secret' }).click();
      await expect(secret).toHaveCount(0);

      const row = page.getByRole('row', { name: new RegExp(url.replaceAll('.', '\\.')) });
      await expect(row).toContainText('Actif');
      await expect(row).toContainText('Enregistrement effectué');
      await expect(row).not.toContainText('Agent créé ou modifié');

      await row.getByRole('button', { name: `Envoyer un événement de test à ${url}` }).click();
      await expect(page.getByText('Événement de test mis en file', { exact: false })).toBeVisible();
      const log = page.getByRole('region', { name: `Journal des envois — ${url}` });
      const delivery = log.getByRole('row', { name: /Événement de test/ });
      await expect(delivery).toContainText('Livré', { timeout: 15_000 });
      await expect(delivery).toContainText('204');
      await expectAccessible(page);

      // What the receiver got: the documented headers and a signature it can check with the secret.
      expect(received).toHaveLength(1);
      const [request] = received;
      const timestamp = String(request!.headers['ciao-webhook-timestamp']);
      const expected = createHmac('sha256', signingSecret)
        .update(`${timestamp}.${request!.body}`)
        .digest('hex');
      expect(request!.headers['ciao-webhook-signature']).toBe(`v1=${expected}`);
      const event = JSON.parse(request!.body) as { id: string; type: string; tenant: { code: string } };
      expect(event).toMatchObject({ type: 'webhook.test', tenant: { code: 'DEMO' } });
      expect(request!.headers['ciao-webhook-id']).toBe(event.id);

      // Leave the demo company as it was: nothing keeps sending to this test's receiver.
      await row.getByRole('button', { name: `Supprimer l’abonnement ${url}` }).click();
      await expectAccessible(page);
      await page
        .getByRole('region', { name: `Supprimer l’abonnement ${url} ?` })
        .getByRole('button', { name: 'Supprimer l’abonnement' })
        .click();
      await expect(page.getByText(`L’abonnement ${url} est supprimé.`)).toBeVisible();
      await expect(row).toHaveCount(0);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
