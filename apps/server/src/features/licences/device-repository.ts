import type { DeviceListQuery } from '@ciao/domain';
import {
  and,
  count,
  desc,
  eq,
  exists,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { agents, agentTokens, devices, licences } from '../../db/schema/index.js';

/** What may leave the database about a device: never its token hash. */
const deviceColumns = {
  id: devices.id,
  licenceId: devices.licenceId,
  platform: devices.platform,
  appVersion: devices.appVersion,
  activatedAt: devices.activatedAt,
  lastSeenAt: devices.lastSeenAt,
  revokedAt: devices.revokedAt,
};

const licenceRef = { id: licences.id, codeHint: licences.codeHint, label: licences.label };

/** The live (not revoked) device of an installation in a company, if the app was activated before. */
export async function findLiveDeviceByInstallation(db: Db, tenantId: string, installationId: string) {
  const [row] = await db
    .select(deviceColumns)
    .from(devices)
    .where(
      and(
        eq(devices.tenantId, tenantId),
        eq(devices.installationId, installationId),
        isNull(devices.revokedAt),
      ),
    )
    .limit(1);
  return row;
}

export async function insertDevice(
  db: Db,
  values: {
    tenantId: string;
    licenceId: string;
    installationId: string;
    platform: string;
    appVersion: string;
    tokenHash: string;
    now: Date;
  },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(devices)
    .values({ ...rest, activatedAt: now, lastSeenAt: now, createdAt: now, updatedAt: now })
    .returning({ id: devices.id });
  if (!row) throw new Error('device not inserted');
  return row.id;
}

/** Re-activation of a known installation: a new token (the old one stops working), same device. */
export async function reactivateDevice(
  db: Db,
  deviceId: string,
  values: { licenceId: string; platform: string; appVersion: string; tokenHash: string; now: Date },
) {
  const { now, ...rest } = values;
  await db
    .update(devices)
    .set({ ...rest, activatedAt: now, lastSeenAt: now, updatedAt: now })
    .where(eq(devices.id, deviceId));
}

export async function touchDevice(db: Db, deviceId: string, now: Date) {
  await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, deviceId));
}

/** The agent who signed in last on each device (its newest agent token), to recognise whose phone it is. */
async function lastAgents(db: Db, deviceIds: string[]) {
  const byDevice = new Map<string, { id: string; identifier: string; firstName: string; lastName: string }>();
  if (deviceIds.length === 0) return byDevice;
  const rows = await db
    .selectDistinctOn([agentTokens.deviceId], {
      deviceId: agentTokens.deviceId,
      agent: {
        id: agents.id,
        identifier: agents.identifier,
        firstName: agents.firstName,
        lastName: agents.lastName,
      },
    })
    .from(agentTokens)
    .innerJoin(agents, eq(agents.id, agentTokens.agentId))
    .where(inArray(agentTokens.deviceId, deviceIds))
    .orderBy(agentTokens.deviceId, desc(agentTokens.createdAt));
  for (const row of rows) byDevice.set(row.deviceId, row.agent);
  return byDevice;
}

async function withLastAgents<Row extends { device: { id: string } }>(db: Db, rows: Row[]) {
  const agentsByDevice = await lastAgents(
    db,
    rows.map((row) => row.device.id),
  );
  return rows.map((row) => ({ ...row, lastAgent: agentsByDevice.get(row.device.id) ?? null }));
}

const deviceSortColumns = {
  activatedAt: { column: devices.activatedAt, caseInsensitive: false },
  lastSeenAt: { column: devices.lastSeenAt, caseInsensitive: false },
  appVersion: { column: devices.appVersion, caseInsensitive: false },
  platform: { column: devices.platform, caseInsensitive: false },
} as const;

/** One page of a company's devices (of one licence, or all). */
export async function listDevices(db: Db, tenantId: string, query: DeviceListQuery) {
  const conditions: (SQL | undefined)[] = [eq(devices.tenantId, tenantId)];
  if (query.licenceId) conditions.push(eq(devices.licenceId, query.licenceId));
  if (query.status === 'active') conditions.push(isNull(devices.revokedAt));
  if (query.status === 'revoked') conditions.push(isNotNull(devices.revokedAt));
  if (query.platform) conditions.push(eq(devices.platform, query.platform));
  if (query.q) {
    // A phone is recognised by whoever used it: any agent who signed in on it, or its app version.
    const pattern = containsPattern(query.q);
    const signedInBy = db
      .select({ one: sql`1` })
      .from(agentTokens)
      .innerJoin(agents, eq(agents.id, agentTokens.agentId))
      .where(
        and(
          eq(agentTokens.deviceId, devices.id),
          or(
            ilike(agents.identifier, pattern),
            ilike(agents.firstName, pattern),
            ilike(agents.lastName, pattern),
          ),
        ),
      );
    conditions.push(or(ilike(devices.appVersion, pattern), exists(signedInBy)));
  }
  const where = and(...conditions);
  const sort = deviceSortColumns[query.sort];
  const rows = await db
    .select({ device: deviceColumns, licence: licenceRef })
    .from(devices)
    .innerJoin(licences, eq(licences.id, devices.licenceId))
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, devices.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(devices).where(where);
  return { items: await withLastAgents(db, rows), total: total?.n ?? 0 };
}

/** One device of the company, or undefined (also for another company's). */
export async function findDevice(db: Db, tenantId: string, deviceId: string) {
  const rows = await db
    .select({ device: deviceColumns, licence: licenceRef })
    .from(devices)
    .innerJoin(licences, eq(licences.id, devices.licenceId))
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, deviceId)))
    .limit(1);
  const [row] = await withLastAgents(db, rows);
  return row;
}

/**
 * Revokes devices (one, or every live device of a licence) and signs their agents out; returns the
 * ids it revoked.
 */
export async function revokeDevices(
  db: Db,
  tenantId: string,
  which: { deviceId: string } | { licenceId: string },
  now: Date,
): Promise<string[]> {
  const target =
    'deviceId' in which ? eq(devices.id, which.deviceId) : eq(devices.licenceId, which.licenceId);
  const revoked = await db
    .update(devices)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(devices.tenantId, tenantId), target, isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  const ids = revoked.map((row) => row.id);
  if (ids.length > 0) {
    await db
      .update(agentTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(agentTokens.tenantId, tenantId),
          inArray(agentTokens.deviceId, ids),
          isNull(agentTokens.revokedAt),
        ),
      );
  }
  return ids;
}
