import type { ShiftableClock } from './clock.js';
import type { FaultState } from './faults.js';
import type { ClientRegistry } from './oauth/client-registry.js';
import type { TokenStore, UsedJtis } from './oauth/token-store.js';
import type { ReferenceDataStore } from './reference-data.js';
import type { ReceivedLog, RegistrationStore } from './registrations/store.js';

/** Behaviour the admin API may change at run time (`PUT /admin/settings`). */
export interface Settings {
  /** Time between a registration and its asynchronous validation. */
  validationDelayMs: number;
  /** `expires_in` of new access tokens. */
  tokenLifetimeSeconds: number;
  /**
   * When the declaration checks (declaration known, active at that date, employer listed on it)
   * run: `register` refuses the item at once (notCreatedPresenceRegistration); `validation`
   * creates it and reports the SOAP remark later. ONSS's REST behaviour here is unconfirmed.
   */
  declarationChecks: 'register' | 'validation';
  /** Clock difference tolerated on assertion `iat`/`exp` and on registrations "in the future". */
  clockToleranceSeconds: number;
  /** Longest `exp - iat` of a client assertion. */
  maxAssertionLifetimeSeconds: number;
}

/** Everything the simulator holds in memory, shared by its routes. */
export interface SimulatorState {
  clock: ShiftableClock;
  settings: Settings;
  clients: ClientRegistry;
  tokens: TokenStore;
  usedJtis: UsedJtis;
  referenceData: ReferenceDataStore;
  registrations: RegistrationStore;
  received: ReceivedLog;
  faults: FaultState;
  /** Token URLs accepted as assertion `aud` besides those derived from the request. */
  configuredAudiences: string[];
  /** Back to the state right after boot (boot scenario, boot clients, default settings). */
  reset(): Promise<void>;
}
