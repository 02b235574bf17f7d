import { describe, expect, it } from 'vitest';
import { renderLicenceRequestEmail } from './licence-request-email.js';

const values = {
  displayName: 'Anne <Admin>',
  companyName: 'Net & Propre',
  requestedOn: '3 novembre 2026',
  answer: 'Quota atteint.\nRecontactez-nous en janvier.',
  codeHint: null,
  link: 'https://ciao.example.be/licences',
};

describe('licence request e-mails', () => {
  it('tells a refusal with its reason, in the reader language, escaped in HTML', () => {
    const french = renderLicenceRequestEmail('licence-request-refused', 'fr', values);
    expect(french.subject).toBe('Votre demande de code de licence ciao a été refusée');
    expect(french.text).toContain('Motif: Quota atteint.');
    expect(french.text).toContain('https://ciao.example.be/licences');
    expect(french.html).toContain('Net &amp; Propre');
    expect(french.html).toContain('Anne &lt;Admin&gt;');
    expect(french.html).not.toContain('<Admin>');
    expect(french.html).toContain('Quota atteint.<br>Recontactez-nous');
    const dutch = renderLicenceRequestEmail('licence-request-refused', 'nl', values);
    expect(dutch.subject).toBe('Uw aanvraag voor een ciao-licentiecode werd geweigerd');
    expect(dutch.text).toContain('Reden: Quota atteint.');
  });

  it('names the issued code by its last characters only, and leaves out an empty note', () => {
    const english = renderLicenceRequestEmail('licence-request-answered', 'en', {
      ...values,
      answer: '',
      codeHint: 'K7QX',
    });
    expect(english.text).toContain('ending in K7QX');
    expect(english.text).not.toContain('Message from the operator');
    const unknown = renderLicenceRequestEmail('licence-request-answered', 'xx', {
      ...values,
      codeHint: 'K7QX',
    });
    expect(unknown.subject).toBe('Votre demande de code de licence ciao a reçu une réponse');
  });
});
