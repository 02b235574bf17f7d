import { DomainError, type UpdateOnssConnectionRequest } from '@ciao/domain';
import { onssConnections } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findOnssConnection, readRsaPrivateKey } from '../../onss/tenant-onss-client.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { onssConnectionAuditSnapshot } from './onss-connection-presenter.js';

/**
 * Sets the company's ONSS connection. A new private key is checked (RSA, usable for RS256) and
 * stored sealed with the server's secret box; changing the key, client id or environment forgets
 * the last test result, which no longer says anything about the new settings.
 */
export async function updateOnssConnection(
  ctx: AppContext,
  caller: Caller,
  input: UpdateOnssConnectionRequest,
) {
  let key: { sealed: Buffer; fingerprint: string } | undefined;
  if (input.privateKeyPem !== undefined) {
    try {
      const parsed = await readRsaPrivateKey(input.privateKeyPem);
      key = { sealed: ctx.secretBox.seal(parsed.pkcs8Pem), fingerprint: parsed.fingerprint };
    } catch (error) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The private key is not usable: fix it and send the form again.',
        {
          fieldErrors: [
            { path: 'privateKeyPem', code: 'PRIVATE_KEY_INVALID', message: (error as Error).message },
          ],
        },
      );
    }
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findOnssConnection(tx, caller.tenantId);
    const changed =
      key !== undefined || before?.clientId !== input.clientId || before?.environment !== input.environment;
    const values = {
      environment: input.environment,
      clientId: input.clientId,
      ...(key ? { privateKeyEncrypted: key.sealed, publicKeyFingerprint: key.fingerprint } : {}),
      ...(changed ? { lastTestedAt: null, lastTestResult: null } : {}),
      updatedAt: now,
    };
    await tx
      .insert(onssConnections)
      .values({ tenantId: caller.tenantId, ...values })
      .onConflictDoUpdate({ target: onssConnections.tenantId, set: values });
    const after = await findOnssConnection(tx, caller.tenantId);
    await recordCallerAudit(tx, caller, {
      action: 'onss_connection.updated',
      entityType: 'onss_connection',
      entityId: caller.tenantId,
      before: onssConnectionAuditSnapshot(before),
      after: { ...onssConnectionAuditSnapshot(after), privateKeyChanged: key !== undefined },
    });
    return after;
  });
}
