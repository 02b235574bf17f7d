import { describe, expect, it } from 'vitest';
import { escapeHtml, renderAccountEmail, type AccountEmailTemplate } from './email-templates.js';

const values = {
  displayName: `Zoë "<img src=x onerror=alert(1)>" O'Brien`,
  companyName: 'Propre & Net <SRL>',
  companyCode: 'PROPRE',
  login: 'zoe',
  link: 'https://ciao.example.be/set-password?token=abc&x=<y>',
};

describe('account e-mails', () => {
  it('escapes every interpolated value in the HTML, and keeps the text as typed', () => {
    for (const template of ['invitation', 'password-reset'] as AccountEmailTemplate[])
      for (const language of ['fr', 'nl', 'en', 'de']) {
        const { subject, text, html } = renderAccountEmail(template, language, values);
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<SRL>');
        expect(html).not.toContain('token=abc&x');
        expect(html).toContain(escapeHtml(values.displayName));
        expect(html).toContain('token=abc&amp;x=&lt;y&gt;');
        expect(text).toContain(values.displayName);
        expect(text).toContain(values.link);
        expect(text).toContain('PROPRE');
        expect(subject.length).toBeGreaterThan(10);
      }
  });

  it('speaks the person’s language, French when the language is unknown', () => {
    expect(renderAccountEmail('invitation', 'nl', values).subject).toMatch(/^Uw toegang/);
    expect(renderAccountEmail('invitation', 'de', values).text).toContain('Willkommen');
    expect(renderAccountEmail('password-reset', 'en', values).text).toContain('1 hour');
    expect(renderAccountEmail('password-reset', 'xx', values).subject).toBe(
      'Réinitialisation de votre mot de passe ciao',
    );
    expect(renderAccountEmail('invitation', 'fr', values).html).toMatch(/^<!doctype html>\n<html lang="fr">/);
  });
});
