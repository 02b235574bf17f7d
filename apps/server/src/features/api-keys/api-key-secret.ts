import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../security/tokens.js';

// `ciao_` + 8 lower-case hex characters (the public prefix, shown in lists and found in logs of the
// integrator) + `_` + 43 base64url characters (256 random bits).
const keyPattern = /^ciao_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

/** A new API key and what is stored of it: the prefix, and the SHA-256 of the whole key. */
export function newApiKey() {
  const prefix = randomBytes(4).toString('hex');
  const key = `ciao_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

/** Keys are long and random: a fast hash suffices, like the licence codes and the tokens. */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/** The prefix of a well-formed key, or undefined: a malformed key is refused without a query. */
export function apiKeyPrefix(key: string): string | undefined {
  return keyPattern.exec(key)?.[1];
}
