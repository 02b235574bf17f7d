import { describe, expect, it } from 'vitest';
import { createWebhookSubscriptionRequest, webhookUrlProblem } from './webhooks.js';

describe('webhook URLs', () => {
  it('accepts https anywhere public, and http only to this machine', () => {
    expect(webhookUrlProblem('https://erp.example.be/ciao')).toBeNull();
    expect(webhookUrlProblem('https://203.0.113.7:8443/hooks')).toBeNull();
    expect(webhookUrlProblem('http://localhost:8080/hooks')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:3000/')).toBeNull();
    expect(webhookUrlProblem('http://[::1]:3000/')).toBeNull();
    expect(webhookUrlProblem('http://erp.example.be/ciao')).toBe('HTTPS_REQUIRED');
    expect(webhookUrlProblem('http://192.168.1.10/ciao')).toBe('HTTPS_REQUIRED');
  });

  it('refuses what is not a URL, credentials, and private or link-local targets over https', () => {
    expect(webhookUrlProblem('erp.example.be')).toBe('INVALID_URL');
    expect(webhookUrlProblem('ftp://erp.example.be/')).toBe('INVALID_URL');
    expect(webhookUrlProblem('https://user:secret@erp.example.be/')).toBe('CREDENTIALS_IN_URL');
    for (const host of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '169.254.169.254',
      '127.0.0.1',
      '100.64.0.1',
      '[fd00::1]',
      '[fe80::1]',
      'localhost',
    ])
      expect(webhookUrlProblem(`https://${host}/hooks`), host).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://172.32.0.1/hooks')).toBeNull();
  });

  it('keeps the chosen events once each, in the documented order', () => {
    const parsed = createWebhookSubscriptionRequest.parse({
      url: ' https://erp.example.be/ciao ',
      events: ['agent.updated', 'registration.created', 'agent.updated'],
      description: '  ',
    });
    expect(parsed).toEqual({
      url: 'https://erp.example.be/ciao',
      events: ['registration.created', 'agent.updated'],
      description: null,
    });
    expect(createWebhookSubscriptionRequest.safeParse({ url: 'https://a.be', events: [] }).success).toBe(
      false,
    );
  });
});
