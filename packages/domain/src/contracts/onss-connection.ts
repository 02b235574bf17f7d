import { z } from 'zod';
import { isoInstant } from './common.js';

/**
 * Where a company's registrations go: the simulator shipped with ciao (demo, tests), ONSS's own
 * simulation environment (services-sim), or production.
 *
 * @example
 * onssEnvironmentSchema.parse('onss-production');
 */
export const onssEnvironmentSchema = z.enum(['simulator', 'onss-simulation', 'onss-production']);

export type OnssEnvironmentName = z.infer<typeof onssEnvironmentSchema>;

/**
 * The company's ONSS connection as administrators see it: never the private key, only whether one
 * is stored and the fingerprint of its public half (to compare with the certificate in Chaman).
 *
 * @example
 * onssConnectionView.shape.publicKeyFingerprint;
 */
export const onssConnectionView = z.object({
  environment: onssEnvironmentSchema,
  clientId: z.string().nullable(),
  hasPrivateKey: z.boolean(),
  /** `sha256:` and the hex SHA-256 of the public key (SubjectPublicKeyInfo, DER). */
  publicKeyFingerprint: z.string().nullable(),
  lastTestedAt: isoInstant.nullable(),
  /** Whether the last "test connection" obtained a token; null before the first test. */
  lastTestOk: z.boolean().nullable(),
  /** `ok`, or why the last test failed. */
  lastTestResult: z.string().nullable(),
});

export type OnssConnectionView = z.infer<typeof onssConnectionView>;

/**
 * Setting the connection. `privateKeyPem` is the company's RSA private key (PKCS#8 or PKCS#1 PEM)
 * whose certificate was uploaded in Chaman; leave it out to keep the stored key.
 *
 * @example
 * updateOnssConnectionRequest.parse({ environment: 'onss-production', clientId: 'my-client-id' });
 */
export const updateOnssConnectionRequest = z.object({
  environment: onssEnvironmentSchema,
  clientId: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  privateKeyPem: z.string().max(20_000, 'is too long for a PEM private key').optional(),
});

export type UpdateOnssConnectionRequest = z.output<typeof updateOnssConnectionRequest>;

/**
 * The answer of "test connection": a token was obtained, or why not.
 *
 * @example
 * onssConnectionTestResult.parse({ ok: false, reason: 'ONSS refused the client credentials', testedAt: new Date().toISOString() });
 */
export const onssConnectionTestResult = z.object({
  ok: z.boolean(),
  reason: z.string().nullable(),
  testedAt: isoInstant,
});

export type OnssConnectionTestResult = z.infer<typeof onssConnectionTestResult>;
