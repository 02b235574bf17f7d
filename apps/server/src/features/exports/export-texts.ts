import type { ExportKind, Language } from '@ciao/domain';

/** The words of the exports (column headers, titles, the monthly timesheet), per language. */
export interface ExportTexts {
  titles: Record<ExportKind, string>;
  yes: string;
  no: string;
  page: (page: number) => string;
  madeOn: (when: string) => string;
  registrations: Record<
    | 'deviceTime'
    | 'receivedAt'
    | 'identifier'
    | 'agent'
    | 'action'
    | 'direction'
    | 'task'
    | 'site'
    | 'client'
    | 'distance'
    | 'outside'
    | 'accuracy'
    | 'flags'
    | 'offline'
    | 'onssStatus'
    | 'openAnomalies',
    string
  >;
  timesheets: Record<
    | 'identifier'
    | 'agent'
    | 'date'
    | 'arrival'
    | 'departure'
    | 'breakCount'
    | 'breakMinutes'
    | 'worked'
    | 'planned'
    | 'difference'
    | 'corrected'
    | 'open',
    string
  >;
  onss: Record<
    | 'time'
    | 'identifier'
    | 'agent'
    | 'site'
    | 'declaration'
    | 'direction'
    | 'status'
    | 'onssId'
    | 'remarks'
    | 'followUp'
    | 'assignee'
    | 'comment'
    | 'correction',
    string
  >;
  anomalies: Record<
    | 'openedAt'
    | 'type'
    | 'status'
    | 'agent'
    | 'site'
    | 'task'
    | 'acknowledgedAt'
    | 'resolvedAt'
    | 'automatic'
    | 'comment',
    string
  >;
  monthly: {
    title: string;
    agent: string;
    month: string;
    company: string;
    day: string;
    arrival: string;
    breaks: string;
    departure: string;
    worked: string;
    planned: string;
    difference: string;
    total: string;
    correctedNote: string;
    openNote: string;
    signatureAgent: string;
    signatureEmployer: string;
    dateAndSignature: string;
    none: string;
  };
}

const fr: ExportTexts = {
  titles: {
    registrations: 'Pointages',
    timesheets: 'Prestations',
    'onss-registrations': 'Suivi ONSS',
    anomalies: 'Anomalies',
    'monthly-timesheets': 'Relevés mensuels des prestations',
    payroll: 'Export salaires',
  },
  yes: 'oui',
  no: 'non',
  page: (page) => `Page ${page}`,
  madeOn: (when) => `Établi le ${when} (heure de Bruxelles)`,
  registrations: {
    deviceTime: 'Fait à',
    receivedAt: 'Reçu à',
    identifier: 'Identifiant',
    agent: 'Agent',
    action: 'Pointage',
    direction: 'Sens',
    task: 'Tâche',
    site: 'Chantier',
    client: 'Client',
    distance: 'Distance (m)',
    outside: 'Hors périmètre',
    accuracy: 'Précision (m)',
    flags: 'Signalements',
    offline: 'Hors ligne',
    onssStatus: 'Statut ONSS',
    openAnomalies: 'Anomalies ouvertes',
  },
  timesheets: {
    identifier: 'Identifiant',
    agent: 'Agent',
    date: 'Jour',
    arrival: 'Arrivée',
    departure: 'Départ',
    breakCount: 'Pauses',
    breakMinutes: 'Pause (min)',
    worked: 'Presté (h)',
    planned: 'Prévu (h)',
    difference: 'Écart (h)',
    corrected: 'Corrigé',
    open: 'En cours',
  },
  onss: {
    time: 'Moment',
    identifier: 'Identifiant',
    agent: 'Agent',
    site: 'Site',
    declaration: 'Déclaration de travaux',
    direction: 'Sens',
    status: 'Statut ONSS',
    onssId: 'Identifiant ONSS',
    remarks: 'Remarques',
    followUp: 'Suivi',
    assignee: 'Assigné à',
    comment: 'Commentaire',
    correction: 'Demande de correction',
  },
  anomalies: {
    openedAt: 'Relevée le',
    type: 'Anomalie',
    status: 'Statut',
    agent: 'Agent',
    site: 'Site',
    task: 'Tâche',
    acknowledgedAt: 'Prise en compte le',
    resolvedAt: 'Résolue le',
    automatic: 'Résolue automatiquement',
    comment: 'Commentaire',
  },
  monthly: {
    title: 'Relevé mensuel des prestations',
    agent: 'Agent',
    month: 'Mois',
    company: 'Employeur',
    day: 'Jour',
    arrival: 'Arrivée',
    breaks: 'Pauses',
    departure: 'Départ',
    worked: 'Presté',
    planned: 'Prévu',
    difference: 'Écart',
    total: 'Total du mois',
    correctedNote: '* corrigé par un gestionnaire (les chiffres corrigés remplacent les enregistrés)',
    openNote: '… prestation toujours en cours',
    signatureAgent: 'Signature de l’agent',
    signatureEmployer: 'Signature de l’employeur',
    dateAndSignature: 'Date et signature',
    none: 'Aucune prestation ni aucun temps prévu ce mois-ci.',
  },
};

const nl: ExportTexts = {
  titles: {
    registrations: 'Registraties',
    timesheets: 'Prestaties',
    'onss-registrations': 'RSZ-opvolging',
    anomalies: 'Afwijkingen',
    'monthly-timesheets': 'Maandoverzichten van de prestaties',
    payroll: 'Loonexport',
  },
  yes: 'ja',
  no: 'nee',
  page: (page) => `Pagina ${page}`,
  madeOn: (when) => `Opgemaakt op ${when} (Brusselse tijd)`,
  registrations: {
    deviceTime: 'Gedaan om',
    receivedAt: 'Ontvangen om',
    identifier: 'Identificatie',
    agent: 'Agent',
    action: 'Registratie',
    direction: 'Richting',
    task: 'Taak',
    site: 'Werf',
    client: 'Klant',
    distance: 'Afstand (m)',
    outside: 'Buiten de zone',
    accuracy: 'Nauwkeurigheid (m)',
    flags: 'Meldingen',
    offline: 'Offline',
    onssStatus: 'RSZ-status',
    openAnomalies: 'Open afwijkingen',
  },
  timesheets: {
    identifier: 'Identificatie',
    agent: 'Agent',
    date: 'Dag',
    arrival: 'Aankomst',
    departure: 'Vertrek',
    breakCount: 'Pauzes',
    breakMinutes: 'Pauze (min)',
    worked: 'Gewerkt (u)',
    planned: 'Gepland (u)',
    difference: 'Verschil (u)',
    corrected: 'Gecorrigeerd',
    open: 'Lopend',
  },
  onss: {
    time: 'Tijdstip',
    identifier: 'Identificatie',
    agent: 'Agent',
    site: 'Werf',
    declaration: 'Aangifte van werken',
    direction: 'Richting',
    status: 'RSZ-status',
    onssId: 'RSZ-identificatie',
    remarks: 'Opmerkingen',
    followUp: 'Opvolging',
    assignee: 'Toegewezen aan',
    comment: 'Commentaar',
    correction: 'Correctieaanvraag',
  },
  anomalies: {
    openedAt: 'Vastgesteld op',
    type: 'Afwijking',
    status: 'Status',
    agent: 'Agent',
    site: 'Werf',
    task: 'Taak',
    acknowledgedAt: 'Gezien op',
    resolvedAt: 'Opgelost op',
    automatic: 'Automatisch opgelost',
    comment: 'Commentaar',
  },
  monthly: {
    title: 'Maandoverzicht van de prestaties',
    agent: 'Agent',
    month: 'Maand',
    company: 'Werkgever',
    day: 'Dag',
    arrival: 'Aankomst',
    breaks: 'Pauzes',
    departure: 'Vertrek',
    worked: 'Gewerkt',
    planned: 'Gepland',
    difference: 'Verschil',
    total: 'Totaal van de maand',
    correctedNote: '* gecorrigeerd door een beheerder (de gecorrigeerde cijfers vervangen de geregistreerde)',
    openNote: '… prestatie nog bezig',
    signatureAgent: 'Handtekening van de agent',
    signatureEmployer: 'Handtekening van de werkgever',
    dateAndSignature: 'Datum en handtekening',
    none: 'Geen prestaties en geen geplande tijd deze maand.',
  },
};

const en: ExportTexts = {
  titles: {
    registrations: 'Registrations',
    timesheets: 'Timesheets',
    'onss-registrations': 'ONSS tracking',
    anomalies: 'Anomalies',
    'monthly-timesheets': 'Monthly timesheets',
    payroll: 'Payroll export',
  },
  yes: 'yes',
  no: 'no',
  page: (page) => `Page ${page}`,
  madeOn: (when) => `Made on ${when} (Brussels time)`,
  registrations: {
    deviceTime: 'Made at',
    receivedAt: 'Received at',
    identifier: 'Identifier',
    agent: 'Agent',
    action: 'Registration',
    direction: 'Direction',
    task: 'Task',
    site: 'Site',
    client: 'Client',
    distance: 'Distance (m)',
    outside: 'Outside the geofence',
    accuracy: 'Accuracy (m)',
    flags: 'Flags',
    offline: 'Offline',
    onssStatus: 'ONSS status',
    openAnomalies: 'Open anomalies',
  },
  timesheets: {
    identifier: 'Identifier',
    agent: 'Agent',
    date: 'Day',
    arrival: 'Arrival',
    departure: 'Departure',
    breakCount: 'Breaks',
    breakMinutes: 'Break (min)',
    worked: 'Worked (h)',
    planned: 'Planned (h)',
    difference: 'Difference (h)',
    corrected: 'Corrected',
    open: 'Ongoing',
  },
  onss: {
    time: 'Time',
    identifier: 'Identifier',
    agent: 'Agent',
    site: 'Site',
    declaration: 'Work declaration',
    direction: 'Direction',
    status: 'ONSS status',
    onssId: 'ONSS id',
    remarks: 'Remarks',
    followUp: 'Follow-up',
    assignee: 'Assigned to',
    comment: 'Comment',
    correction: 'Correction request',
  },
  anomalies: {
    openedAt: 'Found on',
    type: 'Anomaly',
    status: 'Status',
    agent: 'Agent',
    site: 'Site',
    task: 'Task',
    acknowledgedAt: 'Acknowledged on',
    resolvedAt: 'Resolved on',
    automatic: 'Resolved automatically',
    comment: 'Comment',
  },
  monthly: {
    title: 'Monthly timesheet',
    agent: 'Agent',
    month: 'Month',
    company: 'Employer',
    day: 'Day',
    arrival: 'Arrival',
    breaks: 'Breaks',
    departure: 'Departure',
    worked: 'Worked',
    planned: 'Planned',
    difference: 'Difference',
    total: 'Month total',
    correctedNote: '* corrected by a manager (the corrected figures replace the registered ones)',
    openNote: '… still at work',
    signatureAgent: 'Agent’s signature',
    signatureEmployer: 'Employer’s signature',
    dateAndSignature: 'Date and signature',
    none: 'No work and no planned time this month.',
  },
};

const de: ExportTexts = {
  titles: {
    registrations: 'Registrierungen',
    timesheets: 'Arbeitszeiten',
    'onss-registrations': 'LSS-Verfolgung',
    anomalies: 'Unregelmäßigkeiten',
    'monthly-timesheets': 'Monatliche Arbeitszeitnachweise',
    payroll: 'Lohnexport',
  },
  yes: 'ja',
  no: 'nein',
  page: (page) => `Seite ${page}`,
  madeOn: (when) => `Erstellt am ${when} (Brüsseler Zeit)`,
  registrations: {
    deviceTime: 'Erfasst um',
    receivedAt: 'Empfangen um',
    identifier: 'Kennung',
    agent: 'Mitarbeiter',
    action: 'Registrierung',
    direction: 'Richtung',
    task: 'Aufgabe',
    site: 'Baustelle',
    client: 'Kunde',
    distance: 'Entfernung (m)',
    outside: 'Außerhalb des Bereichs',
    accuracy: 'Genauigkeit (m)',
    flags: 'Hinweise',
    offline: 'Offline',
    onssStatus: 'LSS-Status',
    openAnomalies: 'Offene Unregelmäßigkeiten',
  },
  timesheets: {
    identifier: 'Kennung',
    agent: 'Mitarbeiter',
    date: 'Tag',
    arrival: 'Ankunft',
    departure: 'Abgang',
    breakCount: 'Pausen',
    breakMinutes: 'Pause (Min.)',
    worked: 'Gearbeitet (Std.)',
    planned: 'Geplant (Std.)',
    difference: 'Differenz (Std.)',
    corrected: 'Korrigiert',
    open: 'Laufend',
  },
  onss: {
    time: 'Zeitpunkt',
    identifier: 'Kennung',
    agent: 'Mitarbeiter',
    site: 'Baustelle',
    declaration: 'Bauarbeitenmeldung',
    direction: 'Richtung',
    status: 'LSS-Status',
    onssId: 'LSS-Kennung',
    remarks: 'Bemerkungen',
    followUp: 'Nachverfolgung',
    assignee: 'Zugewiesen an',
    comment: 'Kommentar',
    correction: 'Korrekturantrag',
  },
  anomalies: {
    openedAt: 'Festgestellt am',
    type: 'Unregelmäßigkeit',
    status: 'Status',
    agent: 'Mitarbeiter',
    site: 'Baustelle',
    task: 'Aufgabe',
    acknowledgedAt: 'Zur Kenntnis genommen am',
    resolvedAt: 'Gelöst am',
    automatic: 'Automatisch gelöst',
    comment: 'Kommentar',
  },
  monthly: {
    title: 'Monatlicher Arbeitszeitnachweis',
    agent: 'Mitarbeiter',
    month: 'Monat',
    company: 'Arbeitgeber',
    day: 'Tag',
    arrival: 'Ankunft',
    breaks: 'Pausen',
    departure: 'Abgang',
    worked: 'Gearbeitet',
    planned: 'Geplant',
    difference: 'Differenz',
    total: 'Monatssumme',
    correctedNote: '* von einem Verwalter korrigiert (die korrigierten Zahlen ersetzen die erfassten)',
    openNote: '… Arbeit läuft noch',
    signatureAgent: 'Unterschrift des Mitarbeiters',
    signatureEmployer: 'Unterschrift des Arbeitgebers',
    dateAndSignature: 'Datum und Unterschrift',
    none: 'Keine Arbeit und keine geplante Zeit in diesem Monat.',
  },
};

export const exportTexts: Record<Language, ExportTexts> = { fr, nl, en, de };
