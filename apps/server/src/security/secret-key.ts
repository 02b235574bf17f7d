import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The key that encrypts secrets at rest: SECRET_KEY from the environment, or (demo and single-host
 * installs) a random key created once in the data directory with owner-only permissions. Losing it
 * makes stored ONSS keys unreadable, so back it up with the data.
 */
export function resolveSecretKey(
  secretKeyHex: string | undefined,
  dataDir: string,
): { key: Buffer; source: string } {
  if (secretKeyHex) return { key: Buffer.from(secretKeyHex, 'hex'), source: 'SECRET_KEY' };
  const keyPath = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(keyPath)) {
    fs.writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  const hex = fs.readFileSync(keyPath, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${keyPath} does not hold a 64-hex-character key`);
  return { key: Buffer.from(hex, 'hex'), source: keyPath };
}
