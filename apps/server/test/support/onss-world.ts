import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { onssConnections, onssRegistrations } from '../../src/db/schema/index.js';
import { readRsaPrivateKey } from '../../src/onss/tenant-onss-client.js';
import { createClockWorld } from './clock-world.js';
import { clockWorldDeclaration } from './load-world.js';
import type { TestSimulator } from './onss-simulator.js';

export { clockWorldDeclaration };

/**
 * A clock world whose company holds a real ONSS connection to the test simulator: its client id
 * registered there with a fresh key pair, the private key stored sealed as the PUT route stores it.
 */
export async function createOnssWorld(app: FastifyInstance, simulator: TestSimulator) {
  const world = await createClockWorld(app);
  const clientId = `client-${world.tenant.code}`;
  const keys = await simulator.registerClient(clientId);
  const { pkcs8Pem, fingerprint } = await readRsaPrivateKey(keys.privateKeyPem);
  await app.ctx.db
    .update(onssConnections)
    .set({ privateKeyEncrypted: app.ctx.secretBox.seal(pkcs8Pem), publicKeyFingerprint: fingerprint })
    .where(eq(onssConnections.tenantId, world.tenant.id));
  const rows = () =>
    app.ctx.db.select().from(onssRegistrations).where(eq(onssRegistrations.tenantId, world.tenant.id));
  /** Registers one In (default) a minute ago; returns the outbox row's id. */
  const clock = async (action = 'ARRIVE') => {
    const response = await world.send(world.event(action, { deviceTime: world.minutesAgo(1) }));
    if (response.statusCode !== 201) throw new Error(response.body);
    const [row] = (await rows()).filter((candidate) => candidate.clockEventId === response.json().event.id);
    if (!row) throw new Error('no outbox row');
    return row.id;
  };
  return { ...world, clientId, keys, rows, clock };
}
