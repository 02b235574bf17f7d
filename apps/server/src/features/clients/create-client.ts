import { randomUUID } from 'node:crypto';
import type { CreateClientRequest } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudits } from '../audit/audit-repository.js';
import { clientAuditSnapshot } from './client-presenter.js';
import { findClients, insertClients } from './client-repository.js';
import { checkClientIdentifiers } from './client-validation.js';
import { addressColumns } from './postal-address.js';

/** Creates a client ("Tiers") of the caller's company. */
export async function createClient(ctx: AppContext, caller: Caller, input: CreateClientRequest) {
  const identifiers = checkClientIdentifiers(input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [created] = await insertClientsWithAudit(tx, caller, [{ input, identifiers }], now);
    return created!;
  });
}

/** What a client's creation writes once its checks passed. */
export interface CheckedClientCreation {
  input: CreateClientRequest;
  identifiers: { enterpriseNumber?: string | null; vatNumber?: string | null };
}

/**
 * The writes of clients' creation, in the caller's transaction and in a few statements whatever
 * their number (an import): the clients and an audit row each, once their fields are checked.
 */
export async function insertClientsWithAudit(
  tx: Db,
  caller: Caller,
  items: readonly CheckedClientCreation[],
  now: Date,
) {
  const ids = items.map(() => randomUUID());
  await insertClients(
    tx,
    caller.tenantId,
    items.map(({ input, identifiers }, index) => ({
      id: ids[index]!,
      name: input.name,
      reference: input.reference ?? null,
      enterpriseNumber: identifiers.enterpriseNumber ?? null,
      vatNumber: identifiers.vatNumber ?? null,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      contactPhone: input.contactPhone ?? null,
      ...addressColumns(input.address),
      active: input.active,
    })),
    now,
  );
  const byId = new Map((await findClients(tx, caller.tenantId, ids)).map((client) => [client.id, client]));
  const created = ids.map((id) => {
    const client = byId.get(id);
    if (!client) throw new Error('client not found after insert');
    return client;
  });
  await recordCallerAudits(
    tx,
    caller,
    created.map((client) => ({
      action: 'client.created',
      entityType: 'client',
      entityId: client.id,
      after: clientAuditSnapshot(client),
    })),
  );
  return created;
}
