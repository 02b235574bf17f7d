// The notification e-mails, in the subscriber's language (French when unknown), as text and HTML.
import type { Language, NotificationType } from '@ciao/domain';
import { escapeHtml, signature, type RenderedEmail } from '../email/email-templates.js';
import type { DailyDigest } from './daily-digest.js';

/** One alert serves both anomaly types. */
interface AnomalyAlert {
  type: 'anomaly.missed_departure' | 'anomaly.no_show';
  agentName: string | null;
  siteName: string | null;
  /** Local date and time of opening, already formatted. */
  at: string;
}

export type NotificationAlert =
  | AnomalyAlert
  | {
      type: 'onss.refused';
      agentName: string | null;
      siteName: string | null;
      direction: string;
      at: string;
      remarks: string[];
    }
  | { type: 'onss.connection_failing'; failingCount: number }
  | { type: 'correction_request.deadline'; reference: string; deadline: string }
  | { type: 'digest.daily_compliance'; digest: DailyDigest; scopeName: string | null };

/** The alert of one type (an anomaly alert serves both anomaly types). */
type AlertOf<T extends NotificationType> = {
  [K in NotificationType]: K extends AnomalyAlert['type']
    ? AnomalyAlert
    : Extract<NotificationAlert, { type: K }>;
}[T];

interface Wording {
  greeting: (name: string) => string;
  screen: string;
  settings: string;
  subject: { [T in NotificationType]: (a: AlertOf<T>) => string };
  body: { [T in NotificationType]: (a: AlertOf<T>) => string[] };
  unknown: string;
  directions: Record<string, string>;
}

const digestLines = (
  a: AlertOf<'digest.daily_compliance'>,
  w: {
    registrations: string;
    openAnomalies: string;
    none: string;
    refused: string;
    late: string;
    anomalyNames: Record<string, string>;
  },
) => [
  `${w.registrations}: ${a.digest.registrations}`,
  `${w.openAnomalies}: ${
    a.digest.openAnomalies.length === 0
      ? w.none
      : a.digest.openAnomalies.map((x) => `${w.anomalyNames[x.type] ?? x.type} ${x.count}`).join(', ')
  }`,
  `${w.refused}: ${a.digest.onssRefused}`,
  `${w.late}: ${a.digest.onssLate}`,
];

const anomalyNames: Record<Language, Record<string, string>> = {
  fr: {
    MISSED_DEPARTURE: 'départ oublié',
    NO_SHOW: 'absence',
    BREAK_TOO_LONG: 'pause trop longue',
    NO_BREAK_AFTER_6H: 'pas de pause après 6 h',
    OUTSIDE_GEOFENCE: 'hors zone',
    POOR_ACCURACY: 'position imprécise',
    LATE_SYNC: 'synchronisation tardive',
    ONSS_NOT_CONFIRMED: 'ONSS non confirmé',
    ONSS_REFUSED: 'ONSS refusé',
    CORRECTION_DEADLINE_7_DAYS: 'correction J-7',
    CORRECTION_DEADLINE_2_DAYS: 'correction J-2',
  },
  nl: {
    MISSED_DEPARTURE: 'vergeten vertrek',
    NO_SHOW: 'afwezigheid',
    BREAK_TOO_LONG: 'te lange pauze',
    NO_BREAK_AFTER_6H: 'geen pauze na 6 u',
    OUTSIDE_GEOFENCE: 'buiten zone',
    POOR_ACCURACY: 'onnauwkeurige positie',
    LATE_SYNC: 'late synchronisatie',
    ONSS_NOT_CONFIRMED: 'RSZ niet bevestigd',
    ONSS_REFUSED: 'RSZ geweigerd',
    CORRECTION_DEADLINE_7_DAYS: 'correctie D-7',
    CORRECTION_DEADLINE_2_DAYS: 'correctie D-2',
  },
  en: {
    MISSED_DEPARTURE: 'missed departure',
    NO_SHOW: 'no-show',
    BREAK_TOO_LONG: 'break too long',
    NO_BREAK_AFTER_6H: 'no break after 6 h',
    OUTSIDE_GEOFENCE: 'outside the area',
    POOR_ACCURACY: 'poor accuracy',
    LATE_SYNC: 'late sync',
    ONSS_NOT_CONFIRMED: 'ONSS not confirmed',
    ONSS_REFUSED: 'ONSS refused',
    CORRECTION_DEADLINE_7_DAYS: 'correction D-7',
    CORRECTION_DEADLINE_2_DAYS: 'correction D-2',
  },
  de: {
    MISSED_DEPARTURE: 'vergessenes Gehen',
    NO_SHOW: 'Nichterscheinen',
    BREAK_TOO_LONG: 'Pause zu lang',
    NO_BREAK_AFTER_6H: 'keine Pause nach 6 Std.',
    OUTSIDE_GEOFENCE: 'außerhalb des Bereichs',
    POOR_ACCURACY: 'ungenaue Position',
    LATE_SYNC: 'späte Synchronisierung',
    ONSS_NOT_CONFIRMED: 'LSS nicht bestätigt',
    ONSS_REFUSED: 'LSS abgelehnt',
    CORRECTION_DEADLINE_7_DAYS: 'Korrektur T-7',
    CORRECTION_DEADLINE_2_DAYS: 'Korrektur T-2',
  },
};

const wordings: Record<Language, Wording> = {
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    screen: 'Ouvrir dans ciao',
    settings: 'Vous recevez ce message car vous y êtes abonné·e (écran Notifications de ciao).',
    unknown: 'inconnu',
    directions: { IN: 'arrivée', OUT: 'départ' },
    subject: {
      'anomaly.missed_departure': (a) => `Départ oublié : ${a.agentName ?? 'agent inconnu'}`,
      'anomaly.no_show': (a) => `Absence : ${a.agentName ?? 'agent inconnu'}`,
      'onss.refused': (a) => `Enregistrement refusé par l’ONSS : ${a.agentName ?? 'agent inconnu'}`,
      'onss.connection_failing': () => 'La connexion à l’ONSS échoue',
      'correction_request.deadline': (a) => `Demande de correction ${a.reference} : échéance proche`,
      'digest.daily_compliance': (a) => `Résumé de conformité du ${a.digest.date}`,
    },
    body: {
      'anomaly.missed_departure': (a) => [
        `${a.agentName ?? 'Un agent'} n’a pas enregistré son départ${a.siteName ? ` sur le site ${a.siteName}` : ''} (anomalie ouverte le ${a.at}).`,
      ],
      'anomaly.no_show': (a) => [
        `${a.agentName ?? 'Un agent'} ne s’est pas présenté${a.siteName ? ` sur le site ${a.siteName}` : ''} (anomalie ouverte le ${a.at}).`,
      ],
      'onss.refused': (a) => [
        `L’ONSS a refusé l’enregistrement (${a.direction}) de ${a.agentName ?? 'un agent'}${a.siteName ? ` sur le site ${a.siteName}` : ''}, le ${a.at}.`,
        ...(a.remarks.length ? [`Motif : ${a.remarks.join(' ; ')}`] : []),
      ],
      'onss.connection_failing': (a) => [
        `${a.failingCount} enregistrement(s) n’ont pas pu être envoyés à l’ONSS après plusieurs essais. ciao réessaie, mais vérifiez la connexion ONSS (écran Société).`,
      ],
      'correction_request.deadline': (a) => [
        `La demande de correction ${a.reference} n’est pas encore envoyée à l’ONSS et son échéance tombe le ${a.deadline}.`,
      ],
      'digest.daily_compliance': (a) => [
        `Voici le résumé du ${a.digest.date}${a.scopeName ? ` pour ${a.scopeName}` : ' pour toute la société'} :`,
        ...digestLines(a, {
          registrations: 'Enregistrements',
          openAnomalies: 'Anomalies ouvertes',
          none: 'aucune',
          refused: 'Refusés par l’ONSS',
          late: 'Pas encore confirmés par l’ONSS',
          anomalyNames: anomalyNames.fr,
        }),
      ],
    },
  },
  nl: {
    greeting: (name) => `Beste ${name},`,
    screen: 'Openen in ciao',
    settings: 'U ontvangt dit bericht omdat u erop geabonneerd bent (scherm Meldingen in ciao).',
    unknown: 'onbekend',
    directions: { IN: 'aankomst', OUT: 'vertrek' },
    subject: {
      'anomaly.missed_departure': (a) => `Vergeten vertrek: ${a.agentName ?? 'onbekende agent'}`,
      'anomaly.no_show': (a) => `Afwezigheid: ${a.agentName ?? 'onbekende agent'}`,
      'onss.refused': (a) => `Registratie geweigerd door de RSZ: ${a.agentName ?? 'onbekende agent'}`,
      'onss.connection_failing': () => 'De verbinding met de RSZ faalt',
      'correction_request.deadline': (a) => `Correctieaanvraag ${a.reference}: termijn nadert`,
      'digest.daily_compliance': (a) => `Conformiteitsoverzicht van ${a.digest.date}`,
    },
    body: {
      'anomaly.missed_departure': (a) => [
        `${a.agentName ?? 'Een agent'} heeft zijn vertrek niet geregistreerd${a.siteName ? ` op site ${a.siteName}` : ''} (anomalie geopend op ${a.at}).`,
      ],
      'anomaly.no_show': (a) => [
        `${a.agentName ?? 'Een agent'} is niet komen opdagen${a.siteName ? ` op site ${a.siteName}` : ''} (anomalie geopend op ${a.at}).`,
      ],
      'onss.refused': (a) => [
        `De RSZ heeft de registratie (${a.direction}) van ${a.agentName ?? 'een agent'}${a.siteName ? ` op site ${a.siteName}` : ''} geweigerd, op ${a.at}.`,
        ...(a.remarks.length ? [`Reden: ${a.remarks.join('; ')}`] : []),
      ],
      'onss.connection_failing': (a) => [
        `${a.failingCount} registratie(s) konden na meerdere pogingen niet naar de RSZ worden verstuurd. ciao probeert opnieuw, maar controleer de RSZ-verbinding (scherm Bedrijf).`,
      ],
      'correction_request.deadline': (a) => [
        `Correctieaanvraag ${a.reference} is nog niet naar de RSZ verstuurd en de termijn verstrijkt op ${a.deadline}.`,
      ],
      'digest.daily_compliance': (a) => [
        `Hier is het overzicht van ${a.digest.date}${a.scopeName ? ` voor ${a.scopeName}` : ' voor het hele bedrijf'}:`,
        ...digestLines(a, {
          registrations: 'Registraties',
          openAnomalies: 'Open anomalieën',
          none: 'geen',
          refused: 'Geweigerd door de RSZ',
          late: 'Nog niet bevestigd door de RSZ',
          anomalyNames: anomalyNames.nl,
        }),
      ],
    },
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    screen: 'Open in ciao',
    settings: 'You receive this message because you subscribed to it (Notifications screen in ciao).',
    unknown: 'unknown',
    directions: { IN: 'arrival', OUT: 'departure' },
    subject: {
      'anomaly.missed_departure': (a) => `Missed departure: ${a.agentName ?? 'unknown agent'}`,
      'anomaly.no_show': (a) => `No-show: ${a.agentName ?? 'unknown agent'}`,
      'onss.refused': (a) => `Registration refused by ONSS: ${a.agentName ?? 'unknown agent'}`,
      'onss.connection_failing': () => 'The ONSS connection is failing',
      'correction_request.deadline': (a) => `Correction request ${a.reference}: deadline approaching`,
      'digest.daily_compliance': (a) => `Compliance digest for ${a.digest.date}`,
    },
    body: {
      'anomaly.missed_departure': (a) => [
        `${a.agentName ?? 'An agent'} did not register their departure${a.siteName ? ` at site ${a.siteName}` : ''} (anomaly opened on ${a.at}).`,
      ],
      'anomaly.no_show': (a) => [
        `${a.agentName ?? 'An agent'} did not show up${a.siteName ? ` at site ${a.siteName}` : ''} (anomaly opened on ${a.at}).`,
      ],
      'onss.refused': (a) => [
        `ONSS refused the registration (${a.direction}) of ${a.agentName ?? 'an agent'}${a.siteName ? ` at site ${a.siteName}` : ''}, on ${a.at}.`,
        ...(a.remarks.length ? [`Reason: ${a.remarks.join('; ')}`] : []),
      ],
      'onss.connection_failing': (a) => [
        `${a.failingCount} registration(s) could not be sent to ONSS after several attempts. ciao keeps trying, but check the ONSS connection (Company screen).`,
      ],
      'correction_request.deadline': (a) => [
        `Correction request ${a.reference} has not been sent to ONSS yet and its deadline is ${a.deadline}.`,
      ],
      'digest.daily_compliance': (a) => [
        `Here is the digest for ${a.digest.date}${a.scopeName ? ` for ${a.scopeName}` : ' for the whole company'}:`,
        ...digestLines(a, {
          registrations: 'Registrations',
          openAnomalies: 'Open anomalies',
          none: 'none',
          refused: 'Refused by ONSS',
          late: 'Not yet confirmed by ONSS',
          anomalyNames: anomalyNames.en,
        }),
      ],
    },
  },
  de: {
    greeting: (name) => `Guten Tag ${name},`,
    screen: 'In ciao öffnen',
    settings:
      'Sie erhalten diese Nachricht, weil Sie sie abonniert haben (Bildschirm Benachrichtigungen in ciao).',
    unknown: 'unbekannt',
    directions: { IN: 'Ankunft', OUT: 'Gehen' },
    subject: {
      'anomaly.missed_departure': (a) => `Vergessenes Gehen: ${a.agentName ?? 'unbekannter Mitarbeiter'}`,
      'anomaly.no_show': (a) => `Nichterscheinen: ${a.agentName ?? 'unbekannter Mitarbeiter'}`,
      'onss.refused': (a) => `Registrierung vom LSS abgelehnt: ${a.agentName ?? 'unbekannter Mitarbeiter'}`,
      'onss.connection_failing': () => 'Die Verbindung zum LSS schlägt fehl',
      'correction_request.deadline': (a) => `Korrekturantrag ${a.reference}: Frist läuft ab`,
      'digest.daily_compliance': (a) => `Konformitätsübersicht vom ${a.digest.date}`,
    },
    body: {
      'anomaly.missed_departure': (a) => [
        `${a.agentName ?? 'Ein Mitarbeiter'} hat sein Gehen nicht registriert${a.siteName ? ` am Standort ${a.siteName}` : ''} (Anomalie eröffnet am ${a.at}).`,
      ],
      'anomaly.no_show': (a) => [
        `${a.agentName ?? 'Ein Mitarbeiter'} ist nicht erschienen${a.siteName ? ` am Standort ${a.siteName}` : ''} (Anomalie eröffnet am ${a.at}).`,
      ],
      'onss.refused': (a) => [
        `Das LSS hat die Registrierung (${a.direction}) von ${a.agentName ?? 'einem Mitarbeiter'}${a.siteName ? ` am Standort ${a.siteName}` : ''} abgelehnt, am ${a.at}.`,
        ...(a.remarks.length ? [`Grund: ${a.remarks.join('; ')}`] : []),
      ],
      'onss.connection_failing': (a) => [
        `${a.failingCount} Registrierung(en) konnten nach mehreren Versuchen nicht an das LSS gesendet werden. ciao versucht es weiter, prüfen Sie aber die LSS-Verbindung (Bildschirm Firma).`,
      ],
      'correction_request.deadline': (a) => [
        `Der Korrekturantrag ${a.reference} wurde noch nicht an das LSS gesendet und seine Frist endet am ${a.deadline}.`,
      ],
      'digest.daily_compliance': (a) => [
        `Hier ist die Übersicht vom ${a.digest.date}${a.scopeName ? ` für ${a.scopeName}` : ' für die ganze Firma'}:`,
        ...digestLines(a, {
          registrations: 'Registrierungen',
          openAnomalies: 'Offene Anomalien',
          none: 'keine',
          refused: 'Vom LSS abgelehnt',
          late: 'Noch nicht vom LSS bestätigt',
          anomalyNames: anomalyNames.de,
        }),
      ],
    },
  },
};

export function languageOf(language: string): Language {
  return language in wordings ? (language as Language) : 'fr';
}

/** The direction of a registration in words, for the ONSS refusal e-mail. */
export function directionInWords(language: string, direction: string): string {
  return wordings[languageOf(language)].directions[direction] ?? direction;
}

/**
 * One notification e-mail. `link` points at the screen that shows the alert (null without
 * PUBLIC_URL). Every value people typed (names, references, remarks) is escaped in the HTML.
 */
export function renderNotificationEmail(
  language: string,
  recipientName: string,
  alert: NotificationAlert,
  link: string | null,
): RenderedEmail {
  const lang = languageOf(language);
  const w = wordings[lang];
  const subject = (w.subject[alert.type] as (a: NotificationAlert) => string)(alert);
  const lines = (w.body[alert.type] as (a: NotificationAlert) => string[])(alert);
  const text = [
    w.greeting(recipientName),
    '',
    ...lines,
    '',
    ...(link ? [`${w.screen}: ${link}`, ''] : []),
    w.settings,
    '',
    `— ${signature[lang]}`,
  ].join('\n');
  const [intro, ...rest] = lines;
  const isDigest = alert.type === 'digest.daily_compliance';
  const paragraphs = isDigest
    ? `<p>${escapeHtml(intro ?? '')}</p>\n<ul>\n${rest.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>`
    : lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5; max-width: 36rem; margin: 0 auto; padding: 1.5rem;">
<p>${escapeHtml(w.greeting(recipientName))}</p>
${paragraphs}
${link ? `<p><a href="${escapeHtml(link)}" style="display: inline-block; background: #1d4ed8; color: #ffffff; padding: 0.6rem 1.2rem; border-radius: 0.375rem; text-decoration: none;">${w.screen}</a></p>` : ''}
<p style="font-size: 0.875rem; color: #4b5563;">${w.settings}</p>
<p style="font-size: 0.875rem; color: #4b5563;">— ${signature[lang]}</p>
</body>
</html>
`;
  return { subject, text, html };
}
