import { describe, expect, it } from 'vitest';
import { renderNotificationEmail } from './notification-emails.js';

describe('notification e-mails', () => {
  it('escapes what people typed in the HTML, not in the text', () => {
    const email = renderNotificationEmail(
      'en',
      'Ann <admin>',
      { type: 'anomaly.no_show', agentName: 'Bob "B" & co', siteName: '<Site>', at: '2026-03-09 07:00' },
      'https://ciao.example.be/anomalies',
    );
    expect(email.subject).toBe('No-show: Bob "B" & co');
    expect(email.text).toContain('Bob "B" & co did not show up at site <Site>');
    expect(email.html).toContain('Bob &quot;B&quot; &amp; co did not show up at site &lt;Site&gt;');
    expect(email.html).not.toContain('<Site>');
  });

  it('writes in the recipient language, French when it is unknown, and links only with an address', () => {
    const alert = {
      type: 'correction_request.deadline',
      reference: 'CR-7',
      deadline: '2026-03-11 12:00',
    } as const;
    expect(renderNotificationEmail('nl', 'An', alert, null).subject).toBe(
      'Correctieaanvraag CR-7: termijn nadert',
    );
    expect(renderNotificationEmail('de', 'An', alert, null).subject).toBe(
      'Korrekturantrag CR-7: Frist läuft ab',
    );
    const french = renderNotificationEmail('xx', 'An', alert, null);
    expect(french.subject).toBe('Demande de correction CR-7 : échéance proche');
    expect(french.text).not.toContain('Ouvrir dans ciao');
    expect(french.html).toContain('<html lang="fr">');
  });
});
