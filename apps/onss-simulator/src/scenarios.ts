// Named sets of reference data. `demo` is what the ciao demo tenant works against: the server's
// demo seed imports the constants below so its sites, workers and company match what this
// simulator knows, and the demo shows every outcome (valid, refused, validated with remarks).
import { referenceDataSchema, type ReferenceData, type ReferenceDataInput } from './reference-data.js';

/** Enterprise numbers (10 digits, valid check digits) of the demo companies. */
export const DEMO_ENTERPRISE_NUMBERS = {
  /** The ciao demo tenant, a cleaning company. */
  tenant: '0777123418',
  /** A cleaning company the tenant subcontracts to on the office tower. */
  subcontractor: '0777234571',
  /** A facility company that declared the hospital works and subcontracts cleaning to the tenant. */
  mainContractor: '0777345627',
  /** A company that stopped its activity: registrations for it fail with EMPLOYER NOT ACTIVE. */
  inactiveEmployer: '0777456780',
} as const;

/** Work declaration numbers (13 characters) of the demo sites. */
export const DEMO_DECLARATION_NUMBERS = {
  /** Declared by the tenant, with its subcontractor listed; active since 2024-09-01. */
  officeTower: '5TWR2N8KQ7ZD1',
  /** Declared by the main contractor, the tenant listed as subcontractor; active. */
  hospital: '8HSP4M2RX6JC3',
  /** Declared by the tenant; works ended on 2025-06-30, so registrations are refused. */
  school: '3SCH9P5VW2KT7',
  /** Declared by the tenant but outside the obligation: SITE IS NOT SUBJECT TO PRESENCE REGISTRATION. */
  residence: '6RES1T4GB8NY2',
  /** Declared by the tenant, then suspended by ONSS (inactive): registrations are refused. */
  suspended: '9SUS7L3HD5QE4',
} as const;

/** NISS (valid check digits) the demo uses, with what ONSS makes of them. */
export const DEMO_NISS = {
  /** Known to the national register, Dimona in order: their registrations become valid. */
  workers: ['85073003328', '90021412303', '78110324621', '02052108768', '93091215843'],
  /** Valid number the national register does not know: NISS IS NOT KNOW IN THE NATIONAL REGISTER. */
  unknownInNationalRegister: '88042731473',
  /** Known, but no Dimona with the tenant: RELATED DIMONA NOT OK. */
  withoutDimona: '95120106544',
} as const;

/** The client id the demo tenant uses with ONSS (its public key is registered by the demo seed). */
export const DEMO_CLIENT_ID = 'ciao-demo-tenant';

const { tenant, subcontractor, mainContractor, inactiveEmployer } = DEMO_ENTERPRISE_NUMBERS;

/** The demo sites: one per declaration, with an address and a position inside Brussels. */
export const DEMO_SITES = [
  {
    declarationNumber: DEMO_DECLARATION_NUMBERS.officeTower,
    siteName: 'Tour Botanique – bureaux',
    address: {
      streetName: 'Boulevard du Jardin Botanique',
      houseNumber: '50',
      postCode: '1000',
      municipalityName: 'Bruxelles',
    },
    coordinates: { latitude: 50.8553, longitude: 4.3585 },
  },
  {
    declarationNumber: DEMO_DECLARATION_NUMBERS.hospital,
    siteName: 'Hôpital Saint-Pierre – consultations',
    address: { streetName: 'Rue Haute', houseNumber: '322', postCode: '1000', municipalityName: 'Bruxelles' },
    coordinates: { latitude: 50.8357, longitude: 4.3474 },
  },
  {
    declarationNumber: DEMO_DECLARATION_NUMBERS.school,
    siteName: 'École communale n°7',
    address: {
      streetName: 'Rue de la Victoire',
      houseNumber: '96',
      postCode: '1060',
      municipalityName: 'Saint-Gilles',
    },
    coordinates: { latitude: 50.8285, longitude: 4.3452 },
  },
  {
    declarationNumber: DEMO_DECLARATION_NUMBERS.residence,
    siteName: 'Résidence privée Lenoir',
    address: {
      streetName: 'Avenue Louise',
      houseNumber: '231',
      postCode: '1050',
      municipalityName: 'Ixelles',
    },
    coordinates: { latitude: 50.8252, longitude: 4.3639 },
  },
  {
    declarationNumber: DEMO_DECLARATION_NUMBERS.suspended,
    siteName: 'Entrepôt Anderlecht',
    address: {
      streetName: 'Rue des Goujons',
      houseNumber: '152',
      postCode: '1070',
      municipalityName: 'Anderlecht',
    },
    coordinates: { latitude: 50.8347, longitude: 4.3223 },
  },
] as const;

function site(number: string) {
  const found = DEMO_SITES.find((candidate) => candidate.declarationNumber === number);
  return found
    ? { siteName: found.siteName, address: { ...found.address }, coordinates: { ...found.coordinates } }
    : {};
}

const demo: ReferenceDataInput = {
  declarations: [
    {
      number: DEMO_DECLARATION_NUMBERS.officeTower,
      mainContractor: tenant,
      subcontractors: [subcontractor, inactiveEmployer],
      startDate: '2024-09-01',
      ...site(DEMO_DECLARATION_NUMBERS.officeTower),
    },
    {
      number: DEMO_DECLARATION_NUMBERS.hospital,
      mainContractor,
      subcontractors: [tenant],
      startDate: '2024-09-01',
      ...site(DEMO_DECLARATION_NUMBERS.hospital),
    },
    {
      number: DEMO_DECLARATION_NUMBERS.school,
      mainContractor: tenant,
      startDate: '2024-09-01',
      endDate: '2025-06-30',
      ...site(DEMO_DECLARATION_NUMBERS.school),
    },
    {
      number: DEMO_DECLARATION_NUMBERS.residence,
      mainContractor: tenant,
      startDate: '2024-09-01',
      subjectToRegistration: false,
      ...site(DEMO_DECLARATION_NUMBERS.residence),
    },
    {
      number: DEMO_DECLARATION_NUMBERS.suspended,
      mainContractor: tenant,
      startDate: '2024-09-01',
      active: false,
      ...site(DEMO_DECLARATION_NUMBERS.suspended),
    },
  ],
  unknownNiss: [DEMO_NISS.unknownInNationalRegister],
  employers: [
    { enterpriseNumber: tenant, name: 'Brillance Nettoyage SRL', active: true },
    { enterpriseNumber: subcontractor, name: 'Clean Partners BV', active: true },
    { enterpriseNumber: mainContractor, name: 'Facility Group NV', active: true },
    { enterpriseNumber: inactiveEmployer, name: 'Ancien Nettoyage SPRL', active: false },
  ],
  withoutDimona: [{ ssin: DEMO_NISS.withoutDimona, enterpriseNumber: tenant }],
};

/** Every scenario `POST /admin/scenarios/:name` loads; `empty` clears the reference data. */
export const SCENARIO_NAMES = ['demo', 'empty'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** The reference data of a named scenario, freshly built (callers may change it). */
export function scenarioReferenceData(name: ScenarioName): ReferenceData {
  return referenceDataSchema.parse(name === 'demo' ? demo : {});
}
