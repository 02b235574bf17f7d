import { eq } from 'drizzle-orm';
import { onssConnections } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { OnssTokenCache } from '../../onss/onss-client.js';
import { findOnssConnection, tenantOnssClient } from '../../onss/tenant-onss-client.js';
import { recordAudit } from '../audit/audit-repository.js';
import { TEST_OK } from './onss-connection-presenter.js';

/** Fetches a fresh token with the stored connection and records the outcome. */
export async function testOnssConnection(ctx: AppContext, caller: Caller) {
  const connection = await findOnssConnection(ctx.db, caller.tenantId);
  const built = tenantOnssClient(connection, {
    secretBox: ctx.secretBox,
    simulatorUrl: ctx.onss.simulatorUrl,
    tokenCache: new OnssTokenCache(),
    now: ctx.now,
    timeoutMs: 10_000,
  });
  let reason: string | null = null;
  if (!built.ok) reason = built.reason;
  else {
    try {
      await built.client.token({ fresh: true });
    } catch (error) {
      reason = (error as Error).message;
    }
  }
  const testedAt = ctx.now();
  if (connection) {
    await ctx.db
      .update(onssConnections)
      .set({ lastTestedAt: testedAt, lastTestResult: reason ?? TEST_OK, updatedAt: testedAt })
      .where(eq(onssConnections.tenantId, caller.tenantId));
  }
  await recordAudit(ctx.db, {
    tenantId: caller.tenantId,
    actor: { type: 'user', id: caller.userId },
    action: 'onss_connection.tested',
    entityType: 'onss_connection',
    entityId: caller.tenantId,
    after: { ok: reason === null, reason },
    ip: caller.ip,
    requestId: caller.requestId,
  });
  return { ok: reason === null, reason, testedAt: testedAt.toISOString() };
}
