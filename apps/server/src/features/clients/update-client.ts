import type { UpdateClientRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { clientAuditSnapshot } from './client-presenter.js';
import { updateClient as saveClient, type ClientValues } from './client-repository.js';
import { checkClientIdentifiers } from './client-validation.js';
import { requireClientRow } from './get-client.js';
import { addressColumns } from './postal-address.js';

const copiedFields = ['name', 'reference', 'contactName', 'contactEmail', 'contactPhone', 'active'] as const;

/** Changes a client; only the fields sent change. Deactivating it leaves its sites as they are. */
export async function updateClient(
  ctx: AppContext,
  caller: Caller,
  clientId: string,
  input: UpdateClientRequest,
) {
  const current = await requireClientRow(ctx.db, caller.tenantId, clientId);
  const changes: Partial<ClientValues> = { ...checkClientIdentifiers(input) };
  for (const field of copiedFields) {
    if (input[field] !== undefined) Object.assign(changes, { [field]: input[field] });
  }
  if (input.address) Object.assign(changes, addressColumns(input.address));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await saveClient(tx, caller.tenantId, clientId, changes, now);
    const updated = await requireClientRow(tx, caller.tenantId, clientId);
    await recordCallerAudit(tx, caller, {
      action: 'client.updated',
      entityType: 'client',
      entityId: clientId,
      ...auditDiff(clientAuditSnapshot(current), clientAuditSnapshot(updated)),
    });
    return updated;
  });
}
