import type { CreateClientRequest } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { clientAuditSnapshot } from './client-presenter.js';
import { insertClient } from './client-repository.js';
import { checkClientIdentifiers } from './client-validation.js';
import { requireClientRow } from './get-client.js';
import { addressColumns } from './postal-address.js';

/** Creates a client ("Tiers") of the caller's company. */
export async function createClient(ctx: AppContext, caller: Caller, input: CreateClientRequest) {
  const identifiers = checkClientIdentifiers(input);
  const now = ctx.now();
  return ctx.db.transaction((tx) => insertClientWithAudit(tx, caller, input, identifiers, now));
}

/** The writes of a client's creation, in the caller's transaction, once its fields are checked. */
export async function insertClientWithAudit(
  tx: Db,
  caller: Caller,
  input: CreateClientRequest,
  identifiers: { enterpriseNumber?: string | null; vatNumber?: string | null },
  now: Date,
) {
  const id = await insertClient(
    tx,
    caller.tenantId,
    {
      name: input.name,
      reference: input.reference ?? null,
      enterpriseNumber: identifiers.enterpriseNumber ?? null,
      vatNumber: identifiers.vatNumber ?? null,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      contactPhone: input.contactPhone ?? null,
      ...addressColumns(input.address),
      active: input.active,
    },
    now,
  );
  const created = await requireClientRow(tx, caller.tenantId, id);
  await recordCallerAudit(tx, caller, {
    action: 'client.created',
    entityType: 'client',
    entityId: id,
    after: clientAuditSnapshot(created),
  });
  return created;
}
