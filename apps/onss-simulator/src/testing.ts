// Helpers for tests and the demo seed: a fresh RSA key pair as ONSS clients hold one, and a client
// assertion signed the way the socsec OAuth server expects it.
import { randomUUID } from 'node:crypto';
import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface ClientKeyPair {
  privateKey: CryptoKey;
  /** SPKI PEM, what `POST /admin/clients` takes as `publicKeyPem`. */
  publicKeyPem: string;
  /** PKCS#8 PEM of the private key, for clients that store it as text. */
  privateKeyPem: string;
}

/**
 * @example
 * const keys = await createClientKeyPair();
 * await fetch(`${base}/admin/clients`, { method: 'POST', headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ clientId: 'me', publicKeyPem: keys.publicKeyPem }) });
 */
export async function createClientKeyPair(): Promise<ClientKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    privateKey,
    publicKeyPem: await exportSPKI(publicKey),
    privateKeyPem: await exportPKCS8(privateKey),
  };
}

export interface AssertionClaims {
  clientId: string;
  /** The token URL, e.g. `http://127.0.0.1:3900/REST/oauth/v5/token`. */
  audience: string;
  /** Default: now. */
  issuedAt?: Date;
  /** Default: 5 minutes. */
  lifetimeSeconds?: number;
  /** Default: a random UUID. */
  jti?: string;
  /** Default: `clientId` (only tests of refusals change these). */
  issuer?: string;
  subject?: string;
}

/**
 * Signs an RFC 7523 client assertion (RS256; iss = sub = client id; aud = token URL).
 *
 * @example
 * const assertion = await signClientAssertion(keys.privateKey, { clientId: 'me', audience: tokenUrl });
 */
export async function signClientAssertion(privateKey: CryptoKey, claims: AssertionClaims): Promise<string> {
  const iat = Math.floor((claims.issuedAt ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(claims.issuer ?? claims.clientId)
    .setSubject(claims.subject ?? claims.clientId)
    .setAudience(claims.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (claims.lifetimeSeconds ?? 300))
    .setJti(claims.jti ?? randomUUID())
    .sign(privateKey);
}
