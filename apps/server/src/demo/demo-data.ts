import { DEMO_ENTERPRISE_NUMBERS } from '@ciao/onss-simulator';
import type { ScheduleSlot } from '../db/schema/index.js';

/**
 * The demo company: invented names, real Belgian places (so the map and the geofence make sense),
 * identifiers with valid check digits (so ONSS accepts them in the simulator).
 */
export const demoTenant = {
  code: 'DEMO',
  name: 'Démo Nettoyage SA',
  // The simulator's demo reference data knows these employers, so demo registrations validate.
  enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.tenant,
  onssEmployerNumber: '123456749',
};

/**
 * A second demo company with nothing but its administrator, to try setting a company up from the
 * empty state (company details, ONSS, clients, sites, agents, licence, tasks) as a new customer would.
 */
export const demoEmptyTenant = {
  code: 'NOUVEAU',
  name: 'Nouvelle Entreprise SRL',
  adminLogin: 'admin',
  adminDisplayName: 'Nora Nouvelle',
};

export const demoLicenceCode = 'CIAO-DEMO-2026';
export const demoWebPassword = 'ciao-demo-2026';
export const demoAgentPassword = 'test1234';

/**
 * The operator of the demo's console (`/platform`), with a fixed TOTP secret so that anyone can add
 * it to an authenticator app (documented in the README). Never do this outside a demo.
 */
export const demoOperator = {
  email: 'operator@ciao.demo',
  displayName: 'Olivia Operator',
  password: demoWebPassword,
  totpSecret: 'CIAODEMOPLATFORMOPERATORTOTPKEYS',
};

export const demoUsers = [
  { login: 'admin', displayName: 'Alice Admin', role: 'ADMIN' },
  { login: 'gestionnaire', displayName: 'Gaston Gestionnaire', role: 'ADMIN_MANAGER' },
  { login: 'rh', displayName: 'Rita Ressources', role: 'HR_MANAGER' },
  { login: 'superviseur', displayName: 'Sam Superviseur', role: 'SUPERVISOR' },
  { login: 'inspecteur', displayName: 'Iris Inspectrice', role: 'INSPECTOR' },
  { login: 'neant', displayName: 'Nina Néant', role: 'NONE' },
] as const;

export const demoSubcontractor = {
  key: 'sparkle',
  name: 'Sparkle Partners BV',
  enterpriseNumber: '0876543270',
};

export const demoClients = [
  {
    key: 'louise',
    name: 'Immo Louise SA',
    enterpriseNumber: '0654321022',
    municipality: 'Ixelles',
    postCode: '1050',
  },
  {
    key: 'schelde',
    name: 'Scheldekaai Kantoren NV',
    enterpriseNumber: '1234567894',
    municipality: 'Antwerpen',
    postCode: '2000',
  },
  {
    key: 'meuse',
    name: 'Clinique de la Meuse ASBL',
    enterpriseNumber: '0777777771',
    municipality: 'Liège',
    postCode: '4000',
  },
] as const;

export const demoSites = [
  {
    key: 'louise231',
    client: 'louise',
    name: 'Bureaux Louise 231',
    street: 'Avenue Louise',
    houseNumber: '231',
    postCode: '1050',
    municipality: 'Ixelles',
    latitude: 50.8275,
    longitude: 4.3653,
    workDeclarationNumber: '1Y102M7NZF7PZ',
  },
  {
    key: 'midi',
    client: 'louise',
    name: 'Bureaux Fonsny (Gare du Midi)',
    street: 'Avenue Fonsny',
    houseNumber: '47',
    postCode: '1060',
    municipality: 'Saint-Gilles',
    latitude: 50.8357,
    longitude: 4.3365,
    workDeclarationNumber: '2B7KQ9XW4M1TA',
  },
  {
    key: 'meir',
    client: 'schelde',
    name: 'Kantoor Meir 50',
    street: 'Meir',
    houseNumber: '50',
    postCode: '2000',
    municipality: 'Antwerpen',
    latitude: 51.2182,
    longitude: 4.4076,
    workDeclarationNumber: '3C8LR0YX5N2UB',
  },
  {
    key: 'havenhuis',
    client: 'schelde',
    name: 'Havenhuis',
    street: 'Zaha Hadidplein',
    houseNumber: '1',
    postCode: '2030',
    municipality: 'Antwerpen',
    latitude: 51.2674,
    longitude: 4.3957,
    workDeclarationNumber: '4D9MS1ZY6P3VC',
  },
  {
    key: 'avroy',
    client: 'meuse',
    name: "Clinique Boulevard d'Avroy",
    street: "Boulevard d'Avroy",
    houseNumber: '40',
    postCode: '4000',
    municipality: 'Liège',
    latitude: 50.638,
    longitude: 5.568,
    workDeclarationNumber: '5E0NT2AZ7Q4WD',
  },
  {
    key: 'guillemins',
    client: 'meuse',
    name: 'Bureaux Guillemins',
    street: 'Place des Guillemins',
    houseNumber: '2',
    postCode: '4000',
    municipality: 'Liège',
    latitude: 50.6245,
    longitude: 5.5667,
    workDeclarationNumber: '6F1PU3BA8R5XE',
  },
] as const;

const weekdays = (start: string, end: string): ScheduleSlot[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));

export const demoTaskGroups = [
  { key: 'offices', name: 'Bureaux / Kantoren' },
  { key: 'care', name: 'Soins de santé / Zorg' },
] as const;

export const demoTasks = [
  {
    key: 'louise-morning',
    site: 'louise231',
    group: 'offices',
    name: 'Nettoyage matinal',
    schedule: weekdays('06:00', '09:00'),
  },
  {
    key: 'louise-evening',
    site: 'louise231',
    group: 'offices',
    name: 'Nettoyage du soir',
    schedule: weekdays('18:00', '21:00'),
  },
  {
    key: 'midi-day',
    site: 'midi',
    group: 'offices',
    name: 'Entretien journalier',
    schedule: weekdays('07:00', '15:00'),
  },
  {
    key: 'meir-evening',
    site: 'meir',
    group: 'offices',
    name: 'Avondschoonmaak',
    schedule: weekdays('17:30', '21:30'),
  },
  {
    key: 'havenhuis-week',
    site: 'havenhuis',
    group: 'offices',
    name: 'Weekonderhoud',
    schedule: [...weekdays('06:30', '10:30'), { weekday: 6 as const, start: '08:00', end: '12:00' }],
  },
  {
    key: 'avroy-night',
    site: 'avroy',
    group: 'care',
    name: 'Bionettoyage de nuit',
    schedule: weekdays('22:00', '06:00'),
  },
  {
    key: 'guillemins-day',
    site: 'guillemins',
    group: 'offices',
    name: 'Entretien des bureaux',
    schedule: weekdays('06:00', '10:00'),
  },
] as const;

type EmploymentStatus = 'employee' | 'self_employed' | 'temporary' | 'intern';

interface DemoAgent {
  identifier: string;
  firstName: string;
  lastName: string;
  niss: string;
  agentType?: string;
  employmentStatus?: EmploymentStatus;
  subcontracted?: boolean;
  language: 'fr' | 'nl' | 'en';
  tasks: string[];
}

/** 20 agents; TEST logs into the agent app as TEST@DEMO. NISS numbers have valid check digits. */
export const demoAgents: DemoAgent[] = [
  {
    identifier: 'TEST',
    firstName: 'Test',
    lastName: 'Agent',
    niss: '92040208965',
    language: 'fr',
    tasks: ['louise-morning', 'louise-evening', 'midi-day'],
  },
  {
    identifier: 'A001',
    firstName: 'Fatima',
    lastName: 'El Amrani',
    niss: '63022754975',
    language: 'fr',
    tasks: ['louise-morning'],
  },
  {
    identifier: 'A002',
    firstName: 'Jan',
    lastName: 'Peeters',
    niss: '66061906022',
    language: 'nl',
    tasks: ['meir-evening'],
  },
  {
    identifier: 'A003',
    firstName: 'Maria',
    lastName: 'Da Silva',
    niss: '02031366705',
    language: 'fr',
    tasks: ['midi-day'],
  },
  {
    identifier: 'A004',
    firstName: 'Els',
    lastName: 'Janssens',
    niss: '03070324795',
    language: 'nl',
    tasks: ['havenhuis-week'],
  },
  {
    identifier: 'A005',
    firstName: 'Mohamed',
    lastName: 'Benali',
    niss: '65091406174',
    language: 'fr',
    tasks: ['avroy-night'],
  },
  {
    identifier: 'A006',
    firstName: 'Anna',
    lastName: 'Kowalska',
    niss: '96020864677',
    language: 'en',
    tasks: ['louise-evening'],
    employmentStatus: 'temporary',
  },
  {
    identifier: 'A007',
    firstName: 'Luc',
    lastName: 'Dubois',
    niss: '97011960001',
    language: 'fr',
    tasks: ['guillemins-day'],
  },
  {
    identifier: 'A008',
    firstName: 'Sofie',
    lastName: 'Maes',
    niss: '03010804805',
    language: 'nl',
    tasks: ['meir-evening', 'havenhuis-week'],
  },
  {
    identifier: 'A009',
    firstName: 'Ahmed',
    lastName: 'Yilmaz',
    niss: '95031043025',
    language: 'nl',
    tasks: ['havenhuis-week'],
    subcontracted: true,
  },
  {
    identifier: 'A010',
    firstName: 'Nathalie',
    lastName: 'Lambert',
    niss: '69090458531',
    language: 'fr',
    tasks: ['avroy-night'],
  },
  {
    identifier: 'A011',
    firstName: 'Pieter',
    lastName: 'Claes',
    niss: '79092769919',
    language: 'nl',
    tasks: ['meir-evening'],
    subcontracted: true,
  },
  {
    identifier: 'A012',
    firstName: 'Aïcha',
    lastName: 'Diallo',
    niss: '01021958573',
    language: 'fr',
    tasks: ['midi-day'],
    employmentStatus: 'intern',
  },
  {
    identifier: 'A013',
    firstName: 'Marc',
    lastName: 'Wouters',
    niss: '72060456197',
    language: 'nl',
    tasks: ['guillemins-day'],
    employmentStatus: 'self_employed',
  },
  {
    identifier: 'A014',
    firstName: 'Ioana',
    lastName: 'Popescu',
    niss: '64100263441',
    language: 'en',
    tasks: ['louise-morning', 'midi-day'],
    subcontracted: true,
  },
  {
    identifier: 'A015',
    firstName: 'Thomas',
    lastName: 'Leclercq',
    niss: '73082254593',
    language: 'fr',
    tasks: ['avroy-night'],
  },
  {
    identifier: 'A016',
    firstName: 'Lotte',
    lastName: 'Willems',
    niss: '03061560054',
    language: 'nl',
    tasks: ['havenhuis-week'],
  },
  {
    identifier: 'A017',
    firstName: 'Karim',
    lastName: 'Haddad',
    niss: '89061025595',
    language: 'fr',
    tasks: ['guillemins-day'],
  },
  {
    identifier: 'ADM01',
    firstName: 'Claire',
    lastName: 'Renard',
    niss: '71122525090',
    language: 'fr',
    tasks: [],
    agentType: 'ADM',
  },
  {
    identifier: 'GST01',
    firstName: 'Bruno',
    lastName: 'Vandenberghe',
    niss: '65101053815',
    language: 'nl',
    tasks: [],
    agentType: 'GST',
  },
];
