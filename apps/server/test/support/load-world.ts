import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createSecretBox } from '../../src/security/secret-box.js';
import { readRsaPrivateKey } from '../../src/onss/tenant-onss-client.js';
import type { TestSimulator } from './onss-simulator.js';

/** The declaration clock worlds register on, as the simulator must know it. */
export const clockWorldDeclaration = {
  number: '1Y102M7NZF7PZ',
  mainContractor: '0777123418',
  subcontractors: ['0777234571'],
  startDate: '2024-01-01',
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A valid NISS per index (born 30 July 1985, serial = index + 1): each agent its own person at ONSS. */
export function nissFor(index: number): string {
  const first = `850730${String((index % 997) + 1).padStart(3, '0')}`;
  return `${first}${String(97 - (Number(first) % 97)).padStart(2, '0')}`;
}

export interface World {
  tenantId: string;
  taskId: string;
  siteId: string;
  agents: { id: string; token: string }[];
}

/**
 * One company, one site, one task and `count` agents signed in on their own device, written in SQL
 * (bench and fault tests: thousands of rows in seconds).
 */
export async function seed(client: pg.Client, count: number, code = 'BENCH'): Promise<World> {
  const tenant = await client.query<{ id: string }>(
    `insert into tenants (code, name, enterprise_number) values ($1, 'Bench', '0777123418') returning id`,
    [code],
  );
  const tenantId = tenant.rows[0]!.id;
  await client.query(`insert into onss_connections (tenant_id, client_id) values ($1, $2)`, [
    tenantId,
    `client-${code}`,
  ]);
  const clientRow = await client.query<{ id: string }>(
    `insert into clients (tenant_id, name) values ($1, 'Client') returning id`,
    [tenantId],
  );
  const site = await client.query<{ id: string }>(
    `insert into sites (tenant_id, client_id, name, latitude, longitude, work_declaration_number) values ($1, $2, 'Site', 50.8275, 4.3653, $3) returning id`,
    [tenantId, clientRow.rows[0]!.id, clockWorldDeclaration.number],
  );
  const task = await client.query<{ id: string }>(
    `insert into tasks (tenant_id, site_id, name) values ($1, $2, 'Task') returning id`,
    [tenantId, site.rows[0]!.id],
  );
  const licence = await client.query<{ id: string }>(
    `insert into licences (tenant_id, code_hash, code_hint, max_devices) values ($1, $2, 'BNCH', 100000) returning id`,
    [tenantId, sha256(randomUUID())],
  );
  const agents: World['agents'] = [];
  for (let index = 0; index < count; index += 1) {
    const agent = await client.query<{ id: string }>(
      `insert into agents (tenant_id, identifier, first_name, last_name, niss, mobile_access) values ($1, $2, 'Bench', 'Agent', $3, true) returning id`,
      [tenantId, `B${index}`, nissFor(index)],
    );
    const agentId = agent.rows[0]!.id;
    await client.query(`insert into task_agents (tenant_id, task_id, agent_id) values ($1, $2, $3)`, [
      tenantId,
      task.rows[0]!.id,
      agentId,
    ]);
    const device = await client.query<{ id: string }>(
      `insert into devices (tenant_id, licence_id, installation_id, token_hash) values ($1, $2, $3, $4) returning id`,
      [tenantId, licence.rows[0]!.id, `${code}-${index}`, sha256(randomUUID())],
    );
    const token = randomBytes(32).toString('base64url');
    await client.query(
      `insert into agent_tokens (tenant_id, agent_id, device_id, token_hash) values ($1, $2, $3, $4)`,
      [tenantId, agentId, device.rows[0]!.id, sha256(token)],
    );
    agents.push({ id: agentId, token });
  }
  return { tenantId, taskId: task.rows[0]!.id, siteId: site.rows[0]!.id, agents };
}

/**
 * A web user of the seeded company with `role`, signed in: the cookie its browser sends (what
 * `webSessionFor` does through an app instance, in SQL for tests whose servers run in other processes).
 */
export async function webSessionInSql(client: pg.Client, world: World, role: string): Promise<string> {
  const login = `web-${randomBytes(4).toString('hex')}`;
  const user = await client.query<{ id: string }>(
    `insert into web_users (tenant_id, login, display_name, role) values ($1, $2, $2, $3) returning id`,
    [world.tenantId, login, role],
  );
  const token = randomBytes(32).toString('base64url');
  await client.query(
    `insert into web_sessions (id_hash, tenant_id, user_id, csrf_token_hash, expires_at)
     values ($1, $2, $3, $4, now() + interval '1 day')`,
    [sha256(token), world.tenantId, user.rows[0]!.id, sha256(randomUUID())],
  );
  return `ciao_session=${token}`;
}

/**
 * Gives the seeded company a working ONSS connection to `simulator`: its client registered there
 * with a fresh key, the private key sealed with the server's SECRET_KEY, the site's declaration known.
 * Returns the client id the simulator logs its calls under.
 */
export async function connectToOnss(
  client: pg.Client,
  world: World,
  simulator: TestSimulator,
  secretKeyHex: string,
): Promise<string> {
  const { rows } = await client.query<{ client_id: string }>(
    'select client_id from onss_connections where tenant_id = $1',
    [world.tenantId],
  );
  const clientId = rows[0]!.client_id;
  const keys = await simulator.registerClient(clientId);
  const { pkcs8Pem, fingerprint } = await readRsaPrivateKey(keys.privateKeyPem);
  const sealed = createSecretBox(Buffer.from(secretKeyHex, 'hex')).seal(pkcs8Pem);
  await client.query(
    `update onss_connections set environment = 'simulator', private_key_encrypted = $2, public_key_fingerprint = $3 where tenant_id = $1`,
    [world.tenantId, sealed, fingerprint],
  );
  await simulator.admin('PATCH', '/admin/reference-data', { declarations: [clockWorldDeclaration] });
  return clientId;
}
