// The demo company's ONSS connection: a key pair made at seed time (private key sealed in the
// database), registered with the in-memory simulator at every start, and reference data so that
// the demo sites' declarations and the demo agents are known there and registrations validate.
import { createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { DEMO_CLIENT_ID, DEMO_NISS } from '@ciao/onss-simulator';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import { onssConnections } from '../db/schema/index.js';
import { findTenantByCode } from '../features/tenants/tenant-repository.js';
import { readRsaPrivateKey } from '../onss/tenant-onss-client.js';
import type { SecretBox } from '../security/secret-box.js';
import { demoAgents, demoSites, demoSubcontractor, demoTenant } from './demo-data.js';

/** The values of the demo tenant's onss_connections row, with a fresh RSA key pair. */
export async function demoOnssConnection(secretBox: SecretBox) {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const { pkcs8Pem, fingerprint } = await readRsaPrivateKey(
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return {
    environment: 'simulator',
    clientId: DEMO_CLIENT_ID,
    privateKeyEncrypted: secretBox.seal(pkcs8Pem),
    publicKeyFingerprint: fingerprint,
  };
}

/** What the simulator must know for the demo: the demo sites' declarations and the demo agents. */
export function demoReferenceData() {
  return {
    declarations: demoSites.map((site) => ({
      number: site.workDeclarationNumber,
      mainContractor: demoTenant.enterpriseNumber,
      subcontractors: [demoSubcontractor.enterpriseNumber],
      startDate: '2024-09-01',
      siteName: site.name,
    })),
    // Listing known NISS makes every other one unknown: keep the simulator's own demo workers known.
    knownNiss: [...demoAgents.map((agent) => agent.niss), ...DEMO_NISS.workers, DEMO_NISS.withoutDimona],
  };
}

/**
 * Registers the demo tenant's public key and the demo reference data with the simulator (in
 * memory: done at every start). Does nothing when the demo tenant has no simulator connection.
 */
export async function prepareDemoSimulator(simulator: FastifyInstance, db: Db, secretBox: SecretBox) {
  const tenant = await findTenantByCode(db, demoTenant.code);
  if (!tenant) return;
  const [connection] = await db.select().from(onssConnections).where(eq(onssConnections.tenantId, tenant.id));
  if (connection?.clientId && connection.privateKeyEncrypted && connection.environment === 'simulator') {
    let sealedKey: Buffer;
    try {
      sealedKey = secretBox.open(connection.privateKeyEncrypted);
    } catch {
      // Sealed by another SECRET_KEY (e.g. another data directory on the same PostgreSQL): the
      // demo still starts; its registrations will say the key cannot be decrypted.
      throw new Error(
        'the demo company’s ONSS private key cannot be decrypted with this SECRET_KEY; upload a new key in Company › ONSS connection',
      );
    }
    const privateKey = createPrivateKey(sealedKey.toString('utf8'));
    const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const registered = await simulator.inject({
      method: 'POST',
      url: '/admin/clients',
      payload: { clientId: connection.clientId, publicKeyPem },
    });
    if (registered.statusCode >= 300) throw new Error(`demo ONSS client not registered: ${registered.body}`);
  }
  const loaded = await simulator.inject({
    method: 'PATCH',
    url: '/admin/reference-data',
    payload: demoReferenceData(),
  });
  if (loaded.statusCode >= 300) throw new Error(`demo ONSS reference data refused: ${loaded.body}`);
}
