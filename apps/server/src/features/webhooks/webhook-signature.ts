import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new signing secret: `whsec_` and 256 random bits. ciao keeps it sealed (it must sign every
 * delivery, so a hash would not do) and shows it once.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The `Ciao-Webhook-Signature` value of a delivery: `v1=` and the hex HMAC-SHA256, keyed with the
 * secret, of `<timestamp>.<body>` (timestamp in Unix seconds, as in `Ciao-Webhook-Timestamp`).
 * Signing the timestamp lets a receiver refuse an old message replayed at it.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (docs/api.md): recompute, compare in constant time, check the age. */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const received = Buffer.from(headers.signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/**
 * The id of an event, derived from what happened (`key`): the producer may read a change twice (it
 * re-reads a window to catch late commits) and the database still queues it once per subscription.
 * A UUID of version 8 (RFC 9562, "custom") built from a SHA-256.
 */
export function webhookEventId(tenantId: string, type: string, key: string): string {
  const bytes = createHash('sha256').update(`${tenantId}|${type}|${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
