export { buildSimulator, defaultSettings, type SimulatorOptions } from './simulator.js';
export type { Settings } from './state.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export type { ClientRegistration } from './oauth/client-registry.js';
export type { FaultConfig } from './faults.js';
export type { Declaration, Employer, ReferenceData, ReferenceDataInput } from './reference-data.js';
export {
  DEMO_CLIENT_ID,
  DEMO_DECLARATION_NUMBERS,
  DEMO_ENTERPRISE_NUMBERS,
  DEMO_NISS,
  DEMO_SITES,
  SCENARIO_NAMES,
  scenarioReferenceData,
  type ScenarioName,
} from './scenarios.js';
export * from './wire.js';
export type {
  HistoryEntry,
  ItemResult,
  PresenceRegistrationView,
  Reason,
  RegistrationItem,
} from './wire-schemas.js';
export { createClientKeyPair, signClientAssertion, type ClientKeyPair } from './testing.js';
