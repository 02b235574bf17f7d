// Builds the ONSS client of one tenant from its stored connection (onss_connections): the private
// key is opened with the server's secret box only here, in memory, for the call.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { importPKCS8 } from 'jose';
import type { Db } from '../db/client.js';
import { onssConnections } from '../db/schema/index.js';
import type { SecretBox } from '../security/secret-box.js';
import type { OnssTokenCache } from './onss-client.js';
import { createOnssClient, type OnssClient } from './onss-client.js';
import { onssEndpoints, onssEnvironments, type OnssEnvironment } from './onss-wire.js';

export type OnssConnectionRow = typeof onssConnections.$inferSelect;

/**
 * A PEM private key normalised to PKCS#8, checked to be an RSA key jose can sign RS256 with, and
 * the fingerprint of its public half. Throws with a readable message otherwise.
 */
export async function readRsaPrivateKey(pem: string): Promise<{ pkcs8Pem: string; fingerprint: string }> {
  let key;
  try {
    key = createPrivateKey({ key: pem.trim(), format: 'pem' });
  } catch {
    throw new Error('This is not a PEM private key (it should start with -----BEGIN PRIVATE KEY-----).');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`This is a ${key.asymmetricKeyType ?? 'unknown'} key: ONSS needs an RSA key.`);
  }
  const pkcs8Pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  await importPKCS8(pkcs8Pem, 'RS256');
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return { pkcs8Pem, fingerprint: `sha256:${createHash('sha256').update(spki).digest('hex')}` };
}

export async function findOnssConnection(db: Db, tenantId: string): Promise<OnssConnectionRow | undefined> {
  const [row] = await db.select().from(onssConnections).where(eq(onssConnections.tenantId, tenantId));
  return row;
}

export function isOnssEnvironment(value: string): value is OnssEnvironment {
  return (onssEnvironments as readonly string[]).includes(value);
}

export interface TenantClientDeps {
  secretBox: SecretBox;
  simulatorUrl: string;
  tokenCache: OnssTokenCache;
  now: () => Date;
  timeoutMs?: number;
}

/**
 * The tenant's client, or why there is none (no client id, no key, a key that does not open). The
 * token cache key includes the key's fingerprint: a new key never reuses an old token.
 */
export function tenantOnssClient(
  connection: OnssConnectionRow | undefined,
  deps: TenantClientDeps,
): { ok: true; client: OnssClient; endpointKey: string } | { ok: false; reason: string } {
  if (!connection?.clientId || !connection.privateKeyEncrypted) {
    return {
      ok: false,
      reason:
        'The company has no usable ONSS connection (client id and private key): set it in Company > ONSS connection.',
    };
  }
  if (!isOnssEnvironment(connection.environment)) {
    return { ok: false, reason: `Unknown ONSS environment "${connection.environment}".` };
  }
  let privateKeyPem: string;
  try {
    privateKeyPem = deps.secretBox.open(connection.privateKeyEncrypted).toString('utf8');
  } catch {
    return {
      ok: false,
      reason: 'The stored private key cannot be decrypted with this server’s SECRET_KEY: upload it again.',
    };
  }
  const endpoints = onssEndpoints(connection.environment, deps.simulatorUrl);
  return {
    ok: true,
    endpointKey: endpoints.registrationsUrl,
    client: createOnssClient({
      clientId: connection.clientId,
      privateKeyPem,
      endpoints,
      tokenCache: deps.tokenCache,
      cacheKey: `${connection.tenantId}|${connection.environment}|${connection.clientId}|${connection.publicKeyFingerprint ?? ''}`,
      now: deps.now,
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    }),
  };
}
