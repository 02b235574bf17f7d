// Every ONSS wire detail the simulator speaks (paths, field names, status words, remark strings,
// problem types) lives here, mirroring docs/domain.md §2. ONSS publishes no OpenAPI file for the
// REST PresenceRegistration service: when the official contract appears, this is the one file to
// change, and the tests that import these names follow.

/** Token endpoint of the socsec OAuth server (production: services.socialsecurity.be). */
export const TOKEN_PATH = '/REST/oauth/v5/token';

/** Base path of the REST PresenceRegistration service, v1. */
export const PRESENCE_BASE_PATH = '/REST/presenceRegistration/v1';

export const PATHS = {
  token: TOKEN_PATH,
  registerInBulk: `${PRESENCE_BASE_PATH}/presenceRegistrations/registerInBulk`,
  search: `${PRESENCE_BASE_PATH}/presenceRegistrations`,
  one: `${PRESENCE_BASE_PATH}/presenceRegistrations/:id`,
  // POST with a reason body rather than DELETE: the SOAP operation is `cancelPresences` with a
  // mandatory reason, the registration is kept (status SUCCESSFULLY CANCELLED), and bodies on
  // DELETE are dropped by some proxies.
  cancel: `${PRESENCE_BASE_PATH}/presenceRegistrations/:id/cancel`,
} as const;

/** The production token URL, accepted as `aud` so a client configured for ONSS works unchanged. */
export const PRODUCTION_TOKEN_URL = 'https://services.socialsecurity.be/REST/oauth/v5/token';
export const SIMULATION_TOKEN_URL = 'https://services-sim.socialsecurity.be/REST/oauth/v5/token';

/** RFC 7523 client authentication: the only one socsec accepts (no secrets, no API keys). */
export const OAUTH = {
  grantType: 'client_credentials',
  clientAssertionType: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  tokenType: 'Bearer',
  defaultScope: 'scope:presenceregistration',
} as const;

/** Most items one registerInBulk call may carry (the SOAP limit, assumed for REST). */
export const MAX_ITEMS_PER_CALL = 200;
/** SOAP searchPresences pages: 50 by default, never more than 500 results in all. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_SEARCH_RESULTS = 500;

/** REST `type` values, recorded lower-case whatever casing the client sent. */
export const PRESENCE_TYPES = ['in', 'out'] as const;
export type PresenceType = (typeof PRESENCE_TYPES)[number];

/** REST `validity` of a registration: `pending` until the asynchronous validation ran. */
export const VALIDITY = { pending: 'pending', valid: 'valid', invalid: 'invalid' } as const;
export type Validity = (typeof VALIDITY)[keyof typeof VALIDITY];

/** SOAP status words, also given on REST reads so a client can map either vocabulary. */
export const STATUS = {
  registered: 'SUCCESSFULLY REGISTERED',
  validated: 'VALIDATED',
  // "FAILED" means validated *with remarks*: the registration exists and needs a correction.
  failed: 'FAILED',
  cancelled: 'SUCCESSFULLY CANCELLED',
} as const;
export type RegistrationStatus = (typeof STATUS)[keyof typeof STATUS];

export const CANCELLATION_REASONS = ['HOLIDAY', 'DISEASE', 'PLANNING', 'C32A'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/**
 * The 17 validation remarks of the SOAP PresenceRegistration schema (SearchRemarkType), verbatim:
 * spelling ("NOT KNOW") and double spaces included, because clients match on the exact string.
 */
export const REMARKS = {
  relatedDimonaNotOk: 'RELATED DIMONA NOT OK',
  givenInssNotFounder: 'GIVEN INSS IS NOT THE FOUNDER OF THE COMPANY',
  employerNotFounder: 'EMPLOYER IS NOT KNOWN AS COMPANY FOUNDER',
  companyDoesNotExist: "THE COMPANY DOESN'T EXISTS",
  independentNotFounder: 'INDEPENDANT IS NOT KNOWN AS COMPANY FOUNDER',
  limosaIdNotKnown: 'LIMOSA ID IS NOT KNOWN',
  limosaIdNotActive: 'LIMOSA ID IS NOT ACTIVE AT DATE',
  nissBisNotKnownInLimosa: 'NISS-BIS IS NOT KNOWN IN LIMOSA',
  nissBisNotActiveInLimosa: 'NISS-BIS IS NOT ACTIVE AT THIS DATE IN LIMOSA',
  ducNotExisting: 'DUC IS NOT EXISTING',
  ducNotActiveAtDate: 'DUC IS NOT ACTIVE AT THIS DATE',
  companyNotInDuc: 'COMPANY IS NOT KNOWN  AS BUILDER OR  SUBCONTRACTOR IN THIS DUC',
  siteNotSubject: 'SITE IS NOT SUBJECT TO PRESENCE REGISTRATION',
  sameDeclarationAlreadyRegistered: 'SAME DECLARATION HAS ALREADY BEEN REGISTERED',
  nissNotKnownInNationalRegister: 'NISS IS NOT KNOW IN THE NATIONAL REGISTER',
  employerNotActive: 'EMPLOYER NOT ACTIVE',
  companyIdOnInactiveContract: 'THE COMPANY ID ASSOCIATED AT A NOT ACTIVE CONTRACT',
} as const;
export type Remark = (typeof REMARKS)[keyof typeof REMARKS];

/** Codes of `notCreatedPresenceRegistration.reasons[].code` (the simulator's own, stable). */
export const NOT_CREATED_CODES = {
  invalidSsin: 'INVALID_SSIN',
  invalidEnterpriseNumber: 'INVALID_ENTERPRISE_NUMBER',
  invalidForeignVatNumber: 'INVALID_FOREIGN_VAT_NUMBER',
  invalidReference: 'INVALID_CONTRACTUAL_RELATIONSHIP_REFERENCE',
  unknownReference: 'DUC_IS_NOT_EXISTING',
  referenceNotActive: 'DUC_IS_NOT_ACTIVE_AT_THIS_DATE',
  employerNotOnReference: 'COMPANY_IS_NOT_KNOWN_IN_THIS_DUC',
  invalidRegistrationDate: 'INVALID_REGISTRATION_DATE',
  registrationDateInFuture: 'REGISTRATION_DATE_IN_FUTURE',
  invalidType: 'INVALID_TYPE',
  invalidPlaceOfWork: 'INVALID_PLACE_OF_WORK',
} as const;
export type NotCreatedCode = (typeof NOT_CREATED_CODES)[keyof typeof NOT_CREATED_CODES];

/** Problem types of the Belgian federal REST guidelines (belgif), used by socsec REST APIs. */
export const PROBLEM_TYPES = {
  badRequest: 'urn:problem-type:belgif:badRequest',
  schemaViolation: 'urn:problem-type:belgif:input-validation:schemaViolation',
  noAccessToken: 'urn:problem-type:belgif:noAccessToken',
  invalidAccessToken: 'urn:problem-type:belgif:invalidAccessToken',
  expiredAccessToken: 'urn:problem-type:belgif:expiredAccessToken',
  resourceNotFound: 'urn:problem-type:belgif:resourceNotFound',
  conflict: 'urn:problem-type:belgif:conflict',
  tooManyRequests: 'urn:problem-type:belgif:tooManyRequests',
  internalServerError: 'urn:problem-type:belgif:internalServerError',
  serviceUnavailable: 'urn:problem-type:belgif:serviceUnavailable',
} as const;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
