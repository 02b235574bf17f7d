import fs from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../config.js';

export const secretKeyEntry = 'secret.key';

export function secretKeyPath(dataDir: string): string {
  return path.join(dataDir, 'secret.key');
}

/**
 * The key the server would use, without creating one (unlike `resolveSecretKey`): SECRET_KEY, else
 * DATA_DIR/secret.key when present.
 */
export function readSecretKeyInEffect(
  config: Pick<ServerConfig, 'secretKeyHex' | 'dataDir'>,
): { key: Buffer; hex: string; source: string } | null {
  if (config.secretKeyHex) {
    return {
      key: Buffer.from(config.secretKeyHex, 'hex'),
      hex: config.secretKeyHex.toLowerCase(),
      source: 'SECRET_KEY',
    };
  }
  const file = secretKeyPath(config.dataDir);
  if (!fs.existsSync(file)) return null;
  const hex = fs.readFileSync(file, 'utf8').trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} does not hold a 64-hex-character key`);
  return { key: Buffer.from(hex, 'hex'), hex, source: file };
}
