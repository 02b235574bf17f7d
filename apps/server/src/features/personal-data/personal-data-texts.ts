import type { Language } from '@ciao/domain';

/**
 * The words of the personal-data PDF that the exports do not already have (those come from
 * `exportTexts` and `exportValueLabels`), per language.
 */
export interface PersonalDataTexts {
  title: (name: string) => string;
  intro: (company: string, by: string) => string;
  empty: string;
  field: string;
  value: string;
  sections: Record<
    | 'identity'
    | 'webUser'
    | 'tasks'
    | 'devices'
    | 'webSessions'
    | 'registrations'
    | 'workSessions'
    | 'anomalies'
    | 'audit',
    string
  >;
  identity: Record<
    | 'identifier'
    | 'firstName'
    | 'lastName'
    | 'niss'
    | 'limosaId'
    | 'agentType'
    | 'employmentStatus'
    | 'employer'
    | 'payrollNumber'
    | 'language'
    | 'email'
    | 'phone'
    | 'mobileAccess'
    | 'mobileIdentifier'
    | 'hasMobilePassword'
    | 'activeFrom'
    | 'activeUntil'
    | 'active'
    | 'createdAt',
    string
  >;
  columns: Record<
    | 'login'
    | 'role'
    | 'twoFactor'
    | 'lastLogin'
    | 'task'
    | 'site'
    | 'client'
    | 'linkedAt'
    | 'device'
    | 'platform'
    | 'appVersion'
    | 'signedIn'
    | 'lastUsed'
    | 'signedOut'
    | 'started'
    | 'lastSeen'
    | 'expires'
    | 'ip'
    | 'userAgent'
    | 'position'
    | 'onssId'
    | 'date'
    | 'start'
    | 'end'
    | 'workedHours'
    | 'breakMinutes'
    | 'corrections'
    | 'at'
    | 'actor'
    | 'action'
    | 'entity'
    | 'details',
    string
  >;
  anonymised: string;
}

const fr: PersonalDataTexts = {
  title: (name) => `Données personnelles de ${name}`,
  intro: (company, by) =>
    `Tout ce que ${company} conserve dans ciao sur cette personne (RGPD, droit d’accès), établi par ${by}.`,
  empty: 'Rien.',
  field: 'Donnée',
  value: 'Valeur',
  sections: {
    identity: 'Identité',
    webUser: 'Utilisateur web',
    tasks: 'Tâches',
    devices: 'Appareils et connexions à l’application',
    webSessions: 'Sessions web',
    registrations: 'Pointages',
    workSessions: 'Prestations et corrections',
    anomalies: 'Anomalies',
    audit: 'Journal d’audit',
  },
  identity: {
    identifier: 'Identifiant',
    firstName: 'Prénom',
    lastName: 'Nom',
    niss: 'NISS',
    limosaId: 'Limosa',
    agentType: 'Type d’agent',
    employmentStatus: 'Statut',
    employer: 'Employeur',
    payrollNumber: 'Matricule',
    language: 'Langue',
    email: 'E-mail',
    phone: 'Téléphone',
    mobileAccess: 'Accès à l’application',
    mobileIdentifier: 'Identifiant mobile',
    hasMobilePassword: 'Mot de passe mobile défini',
    activeFrom: 'Actif depuis',
    activeUntil: 'Actif jusqu’au',
    active: 'Actif',
    createdAt: 'Créé le',
  },
  columns: {
    login: 'Identifiant',
    role: 'Rôle',
    twoFactor: 'Double authentification',
    lastLogin: 'Dernière connexion',
    task: 'Tâche',
    site: 'Chantier',
    client: 'Client',
    linkedAt: 'Lié le',
    device: 'Appareil',
    platform: 'Plateforme',
    appVersion: 'Version',
    signedIn: 'Connecté le',
    lastUsed: 'Dernière utilisation',
    signedOut: 'Déconnecté le',
    started: 'Ouverte le',
    lastSeen: 'Dernière activité',
    expires: 'Expire le',
    ip: 'Adresse IP',
    userAgent: 'Navigateur',
    position: 'Position',
    onssId: 'Identifiant ONSS',
    date: 'Jour',
    start: 'Début',
    end: 'Fin',
    workedHours: 'Presté (h)',
    breakMinutes: 'Pause (min)',
    corrections: 'Corrections',
    at: 'Moment',
    actor: 'Auteur',
    action: 'Action',
    entity: 'Objet',
    details: 'Détails',
  },
  anonymised: 'anonymisée',
};

const nl: PersonalDataTexts = {
  title: (name) => `Persoonsgegevens van ${name}`,
  intro: (company, by) =>
    `Alles wat ${company} in ciao over deze persoon bewaart (AVG, recht op inzage), opgemaakt door ${by}.`,
  empty: 'Niets.',
  field: 'Gegeven',
  value: 'Waarde',
  sections: {
    identity: 'Identiteit',
    webUser: 'Webgebruiker',
    tasks: 'Taken',
    devices: 'Toestellen en aanmeldingen in de app',
    webSessions: 'Websessies',
    registrations: 'Registraties',
    workSessions: 'Prestaties en correcties',
    anomalies: 'Afwijkingen',
    audit: 'Auditlogboek',
  },
  identity: {
    identifier: 'Identificatie',
    firstName: 'Voornaam',
    lastName: 'Naam',
    niss: 'INSZ',
    limosaId: 'Limosa',
    agentType: 'Type agent',
    employmentStatus: 'Statuut',
    employer: 'Werkgever',
    payrollNumber: 'Personeelsnummer',
    language: 'Taal',
    email: 'E-mail',
    phone: 'Telefoon',
    mobileAccess: 'Toegang tot de app',
    mobileIdentifier: 'Mobiele identificatie',
    hasMobilePassword: 'Mobiel wachtwoord ingesteld',
    activeFrom: 'Actief sinds',
    activeUntil: 'Actief tot',
    active: 'Actief',
    createdAt: 'Aangemaakt op',
  },
  columns: {
    login: 'Login',
    role: 'Rol',
    twoFactor: 'Tweestapsverificatie',
    lastLogin: 'Laatste aanmelding',
    task: 'Taak',
    site: 'Werf',
    client: 'Klant',
    linkedAt: 'Gekoppeld op',
    device: 'Toestel',
    platform: 'Platform',
    appVersion: 'Versie',
    signedIn: 'Aangemeld op',
    lastUsed: 'Laatst gebruikt',
    signedOut: 'Afgemeld op',
    started: 'Geopend op',
    lastSeen: 'Laatste activiteit',
    expires: 'Verloopt op',
    ip: 'IP-adres',
    userAgent: 'Browser',
    position: 'Positie',
    onssId: 'RSZ-identificatie',
    date: 'Dag',
    start: 'Begin',
    end: 'Einde',
    workedHours: 'Gepresteerd (u)',
    breakMinutes: 'Pauze (min)',
    corrections: 'Correcties',
    at: 'Tijdstip',
    actor: 'Door',
    action: 'Actie',
    entity: 'Object',
    details: 'Details',
  },
  anonymised: 'geanonimiseerd',
};

const en: PersonalDataTexts = {
  title: (name) => `Personal data of ${name}`,
  intro: (company, by) =>
    `Everything ${company} holds in ciao about this person (GDPR right of access), made by ${by}.`,
  empty: 'None.',
  field: 'Field',
  value: 'Value',
  sections: {
    identity: 'Identity',
    webUser: 'Web user',
    tasks: 'Tasks',
    devices: 'Devices and app sign-ins',
    webSessions: 'Web sessions',
    registrations: 'Registrations',
    workSessions: 'Work sessions and corrections',
    anomalies: 'Anomalies',
    audit: 'Audit trail',
  },
  identity: {
    identifier: 'Identifier',
    firstName: 'First name',
    lastName: 'Last name',
    niss: 'NISS',
    limosaId: 'Limosa',
    agentType: 'Agent type',
    employmentStatus: 'Employment status',
    employer: 'Employer',
    payrollNumber: 'Payroll number',
    language: 'Language',
    email: 'E-mail',
    phone: 'Phone',
    mobileAccess: 'App access',
    mobileIdentifier: 'Mobile identifier',
    hasMobilePassword: 'Mobile password set',
    activeFrom: 'Active from',
    activeUntil: 'Active until',
    active: 'Active',
    createdAt: 'Created on',
  },
  columns: {
    login: 'Login',
    role: 'Role',
    twoFactor: 'Two-factor sign-in',
    lastLogin: 'Last sign-in',
    task: 'Task',
    site: 'Site',
    client: 'Client',
    linkedAt: 'Linked on',
    device: 'Device',
    platform: 'Platform',
    appVersion: 'Version',
    signedIn: 'Signed in',
    lastUsed: 'Last used',
    signedOut: 'Signed out',
    started: 'Opened',
    lastSeen: 'Last activity',
    expires: 'Expires',
    ip: 'IP address',
    userAgent: 'Browser',
    position: 'Position',
    onssId: 'ONSS id',
    date: 'Day',
    start: 'Start',
    end: 'End',
    workedHours: 'Worked (h)',
    breakMinutes: 'Break (min)',
    corrections: 'Corrections',
    at: 'When',
    actor: 'By',
    action: 'Action',
    entity: 'Object',
    details: 'Details',
  },
  anonymised: 'anonymised',
};

const de: PersonalDataTexts = {
  title: (name) => `Personenbezogene Daten von ${name}`,
  intro: (company, by) =>
    `Alles, was ${company} in ciao über diese Person speichert (DSGVO, Auskunftsrecht), erstellt von ${by}.`,
  empty: 'Nichts.',
  field: 'Angabe',
  value: 'Wert',
  sections: {
    identity: 'Identität',
    webUser: 'Web-Benutzer',
    tasks: 'Aufgaben',
    devices: 'Geräte und Anmeldungen in der App',
    webSessions: 'Web-Sitzungen',
    registrations: 'Erfassungen',
    workSessions: 'Arbeitszeiten und Korrekturen',
    anomalies: 'Unregelmäßigkeiten',
    audit: 'Prüfprotokoll',
  },
  identity: {
    identifier: 'Kennung',
    firstName: 'Vorname',
    lastName: 'Nachname',
    niss: 'NISS',
    limosaId: 'Limosa',
    agentType: 'Mitarbeitertyp',
    employmentStatus: 'Beschäftigungsstatus',
    employer: 'Arbeitgeber',
    payrollNumber: 'Personalnummer',
    language: 'Sprache',
    email: 'E-Mail',
    phone: 'Telefon',
    mobileAccess: 'Zugang zur App',
    mobileIdentifier: 'Mobile Kennung',
    hasMobilePassword: 'Mobiles Passwort gesetzt',
    activeFrom: 'Aktiv seit',
    activeUntil: 'Aktiv bis',
    active: 'Aktiv',
    createdAt: 'Angelegt am',
  },
  columns: {
    login: 'Anmeldename',
    role: 'Rolle',
    twoFactor: 'Zwei-Faktor-Anmeldung',
    lastLogin: 'Letzte Anmeldung',
    task: 'Aufgabe',
    site: 'Baustelle',
    client: 'Kunde',
    linkedAt: 'Verknüpft am',
    device: 'Gerät',
    platform: 'Plattform',
    appVersion: 'Version',
    signedIn: 'Angemeldet am',
    lastUsed: 'Zuletzt benutzt',
    signedOut: 'Abgemeldet am',
    started: 'Geöffnet am',
    lastSeen: 'Letzte Aktivität',
    expires: 'Läuft ab',
    ip: 'IP-Adresse',
    userAgent: 'Browser',
    position: 'Position',
    onssId: 'LSS-Kennung',
    date: 'Tag',
    start: 'Beginn',
    end: 'Ende',
    workedHours: 'Gearbeitet (h)',
    breakMinutes: 'Pause (min)',
    corrections: 'Korrekturen',
    at: 'Zeitpunkt',
    actor: 'Durch',
    action: 'Aktion',
    entity: 'Objekt',
    details: 'Details',
  },
  anonymised: 'anonymisiert',
};

export const personalDataTexts: Record<Language, PersonalDataTexts> = { fr, nl, en, de };
