import type { FastifyInstance } from 'fastify';
import { openWebSession } from '../../src/features/auth/sign-in-web-user.js';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import {
  agents,
  agentTokens,
  devices,
  licences,
  subcontractors,
  tenants,
  webUsers,
} from '../../src/db/schema/index.js';
import {
  hashLicenceCode,
  licenceCodeHint,
  newLicenceCode,
} from '../../src/features/licences/licence-code.js';
import { hashPassword } from '../../src/security/passwords.js';
import { randomToken, sha256Hex } from '../../src/security/tokens.js';

/** A unique company code per test, so tests never share a tenant. */
export function uniqueCompanyCode(): string {
  return `T${randomBytes(4).toString('hex').toUpperCase()}`;
}

export async function createTenant(db: Db, overrides: Partial<typeof tenants.$inferInsert> = {}) {
  const code = overrides.code ?? uniqueCompanyCode();
  const [tenant] = await db
    .insert(tenants)
    .values({ code, name: `Company ${code}`, enterpriseNumber: '0412345614', ...overrides })
    .returning();
  if (!tenant) throw new Error('tenant not created');
  return tenant;
}

export const testPassword = 'correct horse battery';

let cachedHash: Promise<string> | undefined;
/** argon2 is slow by design: tests share one hash of `testPassword` unless they pass their own. */
export function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(testPassword);
  return cachedHash;
}

export async function createWebUser(
  db: Db,
  tenantId: string,
  overrides: Partial<typeof webUsers.$inferInsert> & { password?: string } = {},
) {
  const { password, ...values } = overrides;
  const login = values.login ?? `user-${randomBytes(3).toString('hex')}`;
  const [user] = await db
    .insert(webUsers)
    .values({
      tenantId,
      login,
      displayName: `User ${login}`,
      role: 'ADMIN',
      passwordHash: password ? await hashPassword(password) : await testPasswordHash(),
      ...values,
    })
    .returning();
  if (!user) throw new Error('user not created');
  return user;
}

// --- Agent app: licences, devices, agents with app access -------------------------------------

/** A licence of the company with its clear code (only its hash is stored). */
export async function createLicence(
  db: Db,
  tenantId: string,
  overrides: Partial<Omit<typeof licences.$inferInsert, 'codeHash' | 'codeHint'>> = {},
) {
  const code = newLicenceCode();
  const [licence] = await db
    .insert(licences)
    .values({
      tenantId,
      codeHash: hashLicenceCode(code),
      codeHint: licenceCodeHint(code),
      maxDevices: 10,
      ...overrides,
    })
    .returning();
  if (!licence) throw new Error('licence not created');
  return { licence, code };
}

/** An activated device of a licence with its clear device token. */
export async function createDevice(
  db: Db,
  tenantId: string,
  licenceId: string,
  overrides: Partial<Omit<typeof devices.$inferInsert, 'tokenHash'>> = {},
) {
  const token = randomToken();
  const [device] = await db
    .insert(devices)
    .values({
      tenantId,
      licenceId,
      installationId: `install-${randomBytes(6).toString('hex')}`,
      platform: 'android',
      appVersion: '1.0.0',
      tokenHash: sha256Hex(token),
      ...overrides,
    })
    .returning();
  if (!device) throw new Error('device not created');
  return { device, token };
}

/**
 * An agent allowed in the agent app (flag on, mobile identifier = identifier, mobile password =
 * `testPassword` unless `password` is given or `mobilePasswordHash` overridden).
 */
export async function createAppAgent(
  db: Db,
  tenantId: string,
  overrides: Partial<typeof agents.$inferInsert> & { password?: string } = {},
) {
  const { password, ...values } = overrides;
  const identifier = values.identifier ?? `A${randomBytes(3).toString('hex').toUpperCase()}`;
  const [agent] = await db
    .insert(agents)
    .values({
      tenantId,
      identifier,
      firstName: 'Anna',
      lastName: `Agent ${identifier}`,
      niss: '85073003328',
      mobileAccess: true,
      mobileIdentifier: identifier,
      mobilePasswordHash: password ? await hashPassword(password) : await testPasswordHash(),
      ...values,
    })
    .returning();
  if (!agent) throw new Error('agent not created');
  return agent;
}

// --- Administration: subcontractors, agent app tokens ------------------------------------------

/** A subcontractor company of the tenant (a Belgian one unless told otherwise). */
export async function createSubcontractor(
  db: Db,
  tenantId: string,
  overrides: Partial<typeof subcontractors.$inferInsert> = {},
) {
  const [subcontractor] = await db
    .insert(subcontractors)
    .values({
      tenantId,
      name: `Subcontractor ${randomBytes(3).toString('hex')}`,
      enterpriseNumber: '0203201340',
      ...overrides,
    })
    .returning();
  if (!subcontractor) throw new Error('subcontractor not created');
  return subcontractor;
}

/** A live agent-app token of an agent on a device, as the agent sign-in would store it. */
export async function createAgentToken(
  db: Db,
  values: { tenantId: string; agentId: string; deviceId: string },
) {
  const token = randomToken();
  const [row] = await db
    .insert(agentTokens)
    .values({ ...values, tokenHash: sha256Hex(token) })
    .returning();
  if (!row) throw new Error('agent token not created');
  return { id: row.id, token };
}

/** A signed-in browser for a new user of that role in the tenant (no argon2 round, no throttling). */
export async function webSessionFor(app: FastifyInstance, tenantId: string, role: string) {
  const user = await createWebUser(app.ctx.db, tenantId, { role });
  const session = await openWebSession(app.ctx, {
    tenantId,
    userId: user.id,
    secondFactorPending: false,
    ip: '127.0.0.1',
    userAgent: 'test',
  });
  return {
    user,
    session: {
      cookie: `ciao_session=${session.sessionToken}; ciao_csrf=${session.csrfToken}`,
      csrfToken: session.csrfToken,
    },
  };
}
