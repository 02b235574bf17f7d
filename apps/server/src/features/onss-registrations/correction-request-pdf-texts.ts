import type { Language, OnssRegistrationStatus } from '@ciao/domain';

/** The words of the correction request PDF, in the company's default language. */
export interface CorrectionPdfTexts {
  title: string;
  /** What follows a label: French puts a space before the colon. */
  colon: string;
  company: string;
  enterpriseNumber: string;
  onssEmployerNumber: string;
  reference: string;
  createdOn: string;
  reason: string;
  evidence: string;
  none: string;
  registrations: string;
  columns: {
    agent: string;
    niss: string;
    time: string;
    direction: string;
    site: string;
    declaration: string;
    onssId: string;
    status: string;
    correction: string;
    deadline: string;
  };
  direction: { IN: string; OUT: string };
  status: Record<OnssRegistrationStatus, string>;
  footer: string;
  page: (page: number, pages: number) => string;
}

const fr: CorrectionPdfTexts = {
  colon: ' : ',
  title: 'Demande de correction d’enregistrements de présence (ONSS – Check in at work)',
  company: 'Employeur',
  enterpriseNumber: 'Numéro d’entreprise',
  onssEmployerNumber: 'Numéro d’employeur ONSS',
  reference: 'Référence',
  createdOn: 'Établie le',
  reason: 'Motif',
  evidence: 'Pièces justificatives',
  none: '—',
  registrations: 'Enregistrements à corriger',
  columns: {
    agent: 'Travailleur',
    niss: 'NISS',
    time: 'Date et heure',
    direction: 'Type',
    site: 'Lieu de travail',
    declaration: 'Déclaration de travaux',
    onssId: 'Identifiant ONSS',
    status: 'Statut',
    correction: 'Correction demandée',
    deadline: 'Délai',
  },
  direction: { IN: 'Entrée', OUT: 'Sortie' },
  status: {
    to_send: 'À envoyer',
    sending: 'En cours d’envoi',
    registered: 'Enregistré (validation en attente)',
    validated: 'Validé',
    refused: 'Refusé',
    send_failing: 'Envoi en échec',
    needs_attention: 'À examiner',
    not_applicable: 'Non applicable',
    cancelled: 'Annulé',
  },
  footer:
    'Heures en heure belge (Europe/Brussels). Délai : dernier jour pour demander la correction, 30 jours ' +
    'après la date de l’enregistrement.',
  page: (page, pages) => `Page ${page} / ${pages}`,
};

const nl: CorrectionPdfTexts = {
  colon: ': ',
  title: 'Aanvraag tot correctie van aanwezigheidsregistraties (RSZ – Check in at work)',
  company: 'Werkgever',
  enterpriseNumber: 'Ondernemingsnummer',
  onssEmployerNumber: 'RSZ-werkgeversnummer',
  reference: 'Referentie',
  createdOn: 'Opgemaakt op',
  reason: 'Reden',
  evidence: 'Bewijsstukken',
  none: '—',
  registrations: 'Te corrigeren registraties',
  columns: {
    agent: 'Werknemer',
    niss: 'INSZ',
    time: 'Datum en uur',
    direction: 'Type',
    site: 'Werkplaats',
    declaration: 'Aangifte van werken',
    onssId: 'RSZ-id',
    status: 'Status',
    correction: 'Gevraagde correctie',
    deadline: 'Termijn',
  },
  direction: { IN: 'In', OUT: 'Uit' },
  status: {
    to_send: 'Te verzenden',
    sending: 'Wordt verzonden',
    registered: 'Geregistreerd (validatie lopend)',
    validated: 'Gevalideerd',
    refused: 'Geweigerd',
    send_failing: 'Verzending mislukt',
    needs_attention: 'Na te kijken',
    not_applicable: 'Niet van toepassing',
    cancelled: 'Geannuleerd',
  },
  footer:
    'Uren in Belgische tijd (Europe/Brussels). Termijn: laatste dag om de correctie te vragen, 30 dagen ' +
    'na de datum van de registratie.',
  page: (page, pages) => `Pagina ${page} / ${pages}`,
};

const en: CorrectionPdfTexts = {
  colon: ': ',
  title: 'Request to correct presence registrations (ONSS – Check in at work)',
  company: 'Employer',
  enterpriseNumber: 'Enterprise number',
  onssEmployerNumber: 'ONSS employer number',
  reference: 'Reference',
  createdOn: 'Drawn up on',
  reason: 'Reason',
  evidence: 'Supporting evidence',
  none: '—',
  registrations: 'Registrations to correct',
  columns: {
    agent: 'Worker',
    niss: 'NISS',
    time: 'Date and time',
    direction: 'Type',
    site: 'Place of work',
    declaration: 'Work declaration',
    onssId: 'ONSS id',
    status: 'Status',
    correction: 'Correction requested',
    deadline: 'Deadline',
  },
  direction: { IN: 'In', OUT: 'Out' },
  status: {
    to_send: 'To send',
    sending: 'Sending',
    registered: 'Registered (validation pending)',
    validated: 'Validated',
    refused: 'Refused',
    send_failing: 'Send failing',
    needs_attention: 'Needs attention',
    not_applicable: 'Not applicable',
    cancelled: 'Cancelled',
  },
  footer:
    'Times in Belgian time (Europe/Brussels). Deadline: the last day to ask for the correction, 30 days ' +
    'after the registration date.',
  page: (page, pages) => `Page ${page} / ${pages}`,
};

const de: CorrectionPdfTexts = {
  colon: ': ',
  title: 'Antrag auf Berichtigung von Anwesenheitsregistrierungen (LSS – Check in at work)',
  company: 'Arbeitgeber',
  enterpriseNumber: 'Unternehmensnummer',
  onssEmployerNumber: 'LSS-Arbeitgebernummer',
  reference: 'Referenz',
  createdOn: 'Erstellt am',
  reason: 'Grund',
  evidence: 'Belege',
  none: '—',
  registrations: 'Zu berichtigende Registrierungen',
  columns: {
    agent: 'Arbeitnehmer',
    niss: 'ENSS',
    time: 'Datum und Uhrzeit',
    direction: 'Typ',
    site: 'Arbeitsort',
    declaration: 'Bauarbeitenmeldung',
    onssId: 'LSS-Kennung',
    status: 'Status',
    correction: 'Beantragte Berichtigung',
    deadline: 'Frist',
  },
  direction: { IN: 'Beginn', OUT: 'Ende' },
  status: {
    to_send: 'Zu senden',
    sending: 'Wird gesendet',
    registered: 'Registriert (Validierung ausstehend)',
    validated: 'Validiert',
    refused: 'Abgelehnt',
    send_failing: 'Senden fehlgeschlagen',
    needs_attention: 'Zu prüfen',
    not_applicable: 'Nicht anwendbar',
    cancelled: 'Storniert',
  },
  footer:
    'Uhrzeiten in belgischer Zeit (Europe/Brussels). Frist: letzter Tag, um die Berichtigung zu beantragen, ' +
    '30 Tage nach dem Datum der Registrierung.',
  page: (page, pages) => `Seite ${page} / ${pages}`,
};

const texts: Record<Language, CorrectionPdfTexts> = { fr, nl, en, de };

/** The texts of `language`, French (the product's default) for anything else. */
export function correctionPdfTexts(language: string): CorrectionPdfTexts {
  return texts[language as Language] ?? fr;
}

/** `dd/mm/yyyy` as written in Belgium (German writes `dd.mm.yyyy`) from an ISO `yyyy-mm-dd`. */
export function formatPdfDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-');
  return language === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}
