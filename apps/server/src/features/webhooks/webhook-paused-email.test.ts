import { describe, expect, it } from 'vitest';
import { renderWebhookPausedEmail } from './webhook-paused-email.js';

const values = {
  displayName: 'Zoë <b>',
  companyName: 'Propre & Net',
  url: 'https://erp.example.be/hooks?a=1&b=<2>',
  screenLink: 'https://ciao.example.be/webhooks',
};

describe('the e-mail telling administrators a webhook was paused', () => {
  it('names the URL and the company, escapes them in the HTML, and links to the screen', () => {
    for (const language of ['fr', 'nl', 'en', 'de']) {
      const { subject, text, html } = renderWebhookPausedEmail(language, values);
      expect(subject.length).toBeGreaterThan(10);
      expect(text).toContain(values.url);
      expect(text).toContain(values.screenLink);
      expect(html).not.toContain('<b>');
      expect(html).toContain('a=1&amp;b=&lt;2&gt;');
      expect(html).toContain(`href="${values.screenLink}"`);
    }
  });

  it('speaks the administrator’s language, French when unknown, and does without a link', () => {
    expect(renderWebhookPausedEmail('nl', values).subject).toMatch(/gepauzeerd/);
    expect(renderWebhookPausedEmail('xx', values).subject).toMatch(/en pause/);
    const withoutLink = renderWebhookPausedEmail('en', { ...values, screenLink: null });
    expect(withoutLink.text).not.toContain('ciao.example.be');
    expect(withoutLink.html).not.toContain('href=');
  });
});
