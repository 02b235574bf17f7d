import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  newWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
  webhookEventId,
} from './webhook-signature.js';

describe('webhook signature', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"x","type":"webhook.test"}';

  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret, prefixed v1=', () => {
    const expected = createHmac('sha256', secret).update(`1764403200.${body}`).digest('hex');
    expect(signWebhook(secret, 1_764_403_200, body)).toBe(`v1=${expected}`);
  });

  it('verifies its own signature, and refuses another body, secret or an old timestamp', () => {
    const signature = signWebhook(secret, 1000, body);
    expect(verifyWebhookSignature(secret, { timestamp: '1000', signature }, body, 1010)).toBe(true);
    expect(verifyWebhookSignature(secret, { timestamp: '1000', signature }, `${body} `, 1010)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', { timestamp: '1000', signature }, body, 1010)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: '1000', signature }, body, 2000)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: '1001', signature }, body, 1010)).toBe(false);
  });

  it('makes long random secrets', () => {
    const first = newWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(first);
  });

  it('derives one stable, valid UUID per event, different per tenant, type and key', () => {
    const id = webhookEventId('t1', 'registration.created', 'e1');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(webhookEventId('t1', 'registration.created', 'e1')).toBe(id);
    expect(webhookEventId('t2', 'registration.created', 'e1')).not.toBe(id);
    expect(webhookEventId('t1', 'agent.updated', 'e1')).not.toBe(id);
    expect(webhookEventId('t1', 'registration.created', 'e2')).not.toBe(id);
  });
});
