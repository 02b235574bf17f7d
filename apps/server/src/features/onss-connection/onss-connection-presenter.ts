import type { OnssConnectionView } from '@ciao/domain';
import type { OnssConnectionRow } from '../../onss/tenant-onss-client.js';

export const TEST_OK = 'ok';

/** Never the key: only whether one is stored and its public fingerprint. */
export function presentOnssConnection(row: OnssConnectionRow | undefined): OnssConnectionView {
  return {
    environment: (row?.environment ?? 'simulator') as OnssConnectionView['environment'],
    clientId: row?.clientId ?? null,
    hasPrivateKey: Boolean(row?.privateKeyEncrypted),
    publicKeyFingerprint: row?.publicKeyFingerprint ?? null,
    lastTestedAt: row?.lastTestedAt?.toISOString() ?? null,
    lastTestOk: row?.lastTestResult ? row.lastTestResult === TEST_OK : null,
    lastTestResult: row?.lastTestResult ?? null,
  };
}

/** What the audit trail keeps of a connection: no key, not even sealed. */
export function onssConnectionAuditSnapshot(row: OnssConnectionRow | undefined) {
  return row
    ? {
        environment: row.environment,
        clientId: row.clientId,
        publicKeyFingerprint: row.publicKeyFingerprint,
      }
    : null;
}
