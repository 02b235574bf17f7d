// Every ONSS wire detail the server knows (base URLs, paths, field names, casing, status words)
// lives in this file and in onss-client.ts. ONSS publishes no OpenAPI file for the REST
// PresenceRegistration service (docs/domain.md §2): these names come from a third-party client and
// from the simulator; when the official contract appears, this is where it changes.
import type { OnssRegistrationContent } from '@ciao/domain';

/** Where a tenant's registrations go: the local simulator, ONSS's simulation, or production. */
export const onssEnvironments = ['simulator', 'onss-simulation', 'onss-production'] as const;
export type OnssEnvironment = (typeof onssEnvironments)[number];

const TOKEN_PATH = '/REST/oauth/v5/token';
const PRESENCE_PATH = '/REST/presenceRegistration/v1/presenceRegistrations';

const hostOf: Record<Exclude<OnssEnvironment, 'simulator'>, string> = {
  'onss-simulation': 'https://services-sim.socialsecurity.be',
  'onss-production': 'https://services.socialsecurity.be',
};

export interface OnssEndpoints {
  tokenUrl: string;
  /** Base of the presence registrations collection (no trailing slash). */
  registrationsUrl: string;
}

/** The URLs of one environment; `simulatorUrl` is the simulator's base (config ONSS_SIMULATOR_URL). */
export function onssEndpoints(environment: OnssEnvironment, simulatorUrl: string): OnssEndpoints {
  const host = environment === 'simulator' ? simulatorUrl.replace(/\/+$/, '') : hostOf[environment];
  return { tokenUrl: `${host}${TOKEN_PATH}`, registrationsUrl: `${host}${PRESENCE_PATH}` };
}

export const wirePaths = {
  registerInBulk: (base: string) => `${base}/registerInBulk`,
  one: (base: string, id: string) => `${base}/${encodeURIComponent(id)}`,
  cancel: (base: string, id: string) => `${base}/${encodeURIComponent(id)}/cancel`,
  search: (base: string) => base,
};

export const OAUTH_FORM = {
  grant_type: 'client_credentials',
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  scope: 'scope:presenceregistration',
} as const;

/** Most items one registerInBulk call may carry (the SOAP limit, assumed for REST). */
export const MAX_ITEMS_PER_CALL = 200;

/** Most results one search yields, whatever its pages (SOAP searchPresences; assumed for REST). */
export const MAX_SEARCH_RESULTS = 500;

/** ciao's words for where ONSS stands on a registration. */
export type OnssValidity = 'pending' | 'validated' | 'refused' | 'cancelled';

const validityWords: Record<string, OnssValidity> = {
  pending: 'pending',
  valid: 'validated',
  invalid: 'refused',
};

/** Reads ONSS's `validity` / `status` pair into ciao's words (cancellation wins). */
export function toCiaoValidity(validity: unknown, status: unknown): OnssValidity {
  if (typeof status === 'string' && status.toUpperCase() === 'SUCCESSFULLY CANCELLED') return 'cancelled';
  if (typeof validity === 'string' && validity.toLowerCase() in validityWords) {
    return validityWords[validity.toLowerCase()]!;
  }
  if (typeof status === 'string') {
    const word = status.toUpperCase();
    if (word === 'VALIDATED') return 'validated';
    if (word === 'FAILED') return 'refused';
  }
  return 'pending';
}

/** One registerInBulk item, or null when ciao holds no place of work ONSS would accept. */
export function toWireItem(content: OnssRegistrationContent): Record<string, unknown> | null {
  if (!content.position) return null;
  return {
    registrationDate: content.at,
    ssin: content.niss,
    type: content.direction.toLowerCase(),
    employer:
      'enterpriseNumber' in content.employer
        ? { enterpriseNumber: content.employer.enterpriseNumber }
        : { foreignVatNumber: content.employer.foreignVatNumber },
    placeOfWork: {
      coordinates: { latitude: content.position.latitude, longitude: content.position.longitude },
    },
    contractualRelationshipReference: content.workDeclarationNumber,
  };
}

export const cancellationReasons = ['HOLIDAY', 'DISEASE', 'PLANNING', 'C32A'] as const;
export type CancellationReason = (typeof cancellationReasons)[number];
