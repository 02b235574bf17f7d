import type {
  AnomalyStatus,
  AnomalyType,
  ClockAction,
  Language,
  OnssFollowUpStatus,
  OnssRegistrationStatus,
} from '@ciao/domain';

/**
 * The words of exported values, in the user's language: the same as the back-office screens say
 * (copied from their catalogues: the server cannot import the web app's files).
 */
export interface ExportValueLabels {
  action: Record<ClockAction, string>;
  onssStatus: Record<OnssRegistrationStatus, string>;
  followUpStatus: Record<OnssFollowUpStatus, string>;
  direction: Record<'IN' | 'OUT', string>;
  anomalyType: Record<AnomalyType, string>;
  anomalyStatus: Record<AnomalyStatus, string>;
}

export const exportValueLabels: Record<Language, ExportValueLabels> = {
  fr: {
    action: {
      ARRIVE: 'Arrivée',
      PAUSE: 'Pause',
      RESUME: 'Reprise',
      LEAVE: 'Départ',
    },
    onssStatus: {
      to_send: 'À envoyer',
      sending: 'Envoi en cours',
      registered: 'Enregistré, en attente de validation',
      validated: 'Validé',
      refused: 'Refusé',
      send_failing: 'Envoi en échec',
      needs_attention: 'À examiner',
      not_applicable: 'Non concerné',
      cancelled: 'Annulé',
    },
    followUpStatus: {
      to_check: 'À vérifier',
      in_progress: 'En cours',
      resolved: 'Résolu',
      correction_requested: 'Correction demandée',
    },
    direction: {
      IN: 'Entrée',
      OUT: 'Sortie',
    },
    anomalyType: {
      MISSED_DEPARTURE: 'Départ oublié',
      BREAK_TOO_LONG: 'Pause trop longue',
      NO_BREAK_AFTER_6H: 'Pas de pause après 6 heures',
      OUTSIDE_GEOFENCE: 'Hors de la zone du site',
      POOR_ACCURACY: 'Position imprécise',
      LATE_SYNC: 'Reçu en retard',
      NO_SHOW: 'Absence',
      ONSS_NOT_CONFIRMED: "Non confirmé par l'ONSS",
      ONSS_REFUSED: "Refusé par l'ONSS",
      CORRECTION_DEADLINE_7_DAYS: 'Demande de correction : échéance dans 7 jours',
      CORRECTION_DEADLINE_2_DAYS: 'Demande de correction : échéance dans 2 jours',
    },
    anomalyStatus: {
      open: 'Ouverte',
      acknowledged: 'Prise en compte',
      resolved: 'Résolue',
    },
  },
  nl: {
    action: {
      ARRIVE: 'Aankomst',
      PAUSE: 'Pauze',
      RESUME: 'Hervatting',
      LEAVE: 'Vertrek',
    },
    onssStatus: {
      to_send: 'Te versturen',
      sending: 'Wordt verstuurd',
      registered: 'Geregistreerd, wacht op validatie',
      validated: 'Gevalideerd',
      refused: 'Geweigerd',
      send_failing: 'Versturen mislukt',
      needs_attention: 'Na te kijken',
      not_applicable: 'Niet van toepassing',
      cancelled: 'Geannuleerd',
    },
    followUpStatus: {
      to_check: 'Na te kijken',
      in_progress: 'In behandeling',
      resolved: 'Opgelost',
      correction_requested: 'Correctie aangevraagd',
    },
    direction: {
      IN: 'In',
      OUT: 'Uit',
    },
    anomalyType: {
      MISSED_DEPARTURE: 'Vergeten vertrek',
      BREAK_TOO_LONG: 'Te lange pauze',
      NO_BREAK_AFTER_6H: 'Geen pauze na 6 uur',
      OUTSIDE_GEOFENCE: 'Buiten de zone van de site',
      POOR_ACCURACY: 'Onnauwkeurige positie',
      LATE_SYNC: 'Te laat ontvangen',
      NO_SHOW: 'Afwezigheid',
      ONSS_NOT_CONFIRMED: 'Niet bevestigd door de RSZ',
      ONSS_REFUSED: 'Geweigerd door de RSZ',
      CORRECTION_DEADLINE_7_DAYS: 'Correctieaanvraag: termijn over 7 dagen',
      CORRECTION_DEADLINE_2_DAYS: 'Correctieaanvraag: termijn over 2 dagen',
    },
    anomalyStatus: {
      open: 'Open',
      acknowledged: 'Gezien',
      resolved: 'Opgelost',
    },
  },
  en: {
    action: {
      ARRIVE: 'Arrival',
      PAUSE: 'Break',
      RESUME: 'Resume',
      LEAVE: 'Departure',
    },
    onssStatus: {
      to_send: 'To send',
      sending: 'Sending',
      registered: 'Registered, awaiting validation',
      validated: 'Validated',
      refused: 'Refused',
      send_failing: 'Sending fails',
      needs_attention: 'Needs attention',
      not_applicable: 'Not applicable',
      cancelled: 'Cancelled',
    },
    followUpStatus: {
      to_check: 'To check',
      in_progress: 'In progress',
      resolved: 'Resolved',
      correction_requested: 'Correction requested',
    },
    direction: {
      IN: 'In',
      OUT: 'Out',
    },
    anomalyType: {
      MISSED_DEPARTURE: 'Missed departure',
      BREAK_TOO_LONG: 'Break too long',
      NO_BREAK_AFTER_6H: 'No break after 6 hours',
      OUTSIDE_GEOFENCE: "Outside the site's area",
      POOR_ACCURACY: 'Imprecise position',
      LATE_SYNC: 'Received late',
      NO_SHOW: 'No-show',
      ONSS_NOT_CONFIRMED: 'Not confirmed by ONSS',
      ONSS_REFUSED: 'Refused by ONSS',
      CORRECTION_DEADLINE_7_DAYS: 'Correction request: deadline in 7 days',
      CORRECTION_DEADLINE_2_DAYS: 'Correction request: deadline in 2 days',
    },
    anomalyStatus: {
      open: 'Open',
      acknowledged: 'Acknowledged',
      resolved: 'Resolved',
    },
  },
  de: {
    action: {
      ARRIVE: 'Ankunft',
      PAUSE: 'Pause',
      RESUME: 'Wiederaufnahme',
      LEAVE: 'Abgang',
    },
    onssStatus: {
      to_send: 'Zu senden',
      sending: 'Wird gesendet',
      registered: 'Registriert, wartet auf Validierung',
      validated: 'Validiert',
      refused: 'Abgelehnt',
      send_failing: 'Senden fehlgeschlagen',
      needs_attention: 'Zu prüfen',
      not_applicable: 'Nicht betroffen',
      cancelled: 'Storniert',
    },
    followUpStatus: {
      to_check: 'Zu prüfen',
      in_progress: 'In Bearbeitung',
      resolved: 'Erledigt',
      correction_requested: 'Korrektur beantragt',
    },
    direction: {
      IN: 'Ankunft',
      OUT: 'Abgang',
    },
    anomalyType: {
      MISSED_DEPARTURE: 'Vergessener Abgang',
      BREAK_TOO_LONG: 'Zu lange Pause',
      NO_BREAK_AFTER_6H: 'Keine Pause nach 6 Stunden',
      OUTSIDE_GEOFENCE: 'Außerhalb des Standortbereichs',
      POOR_ACCURACY: 'Ungenaue Position',
      LATE_SYNC: 'Verspätet empfangen',
      NO_SHOW: 'Nicht erschienen',
      ONSS_NOT_CONFIRMED: 'Nicht vom LSS bestätigt',
      ONSS_REFUSED: 'Vom LSS abgelehnt',
      CORRECTION_DEADLINE_7_DAYS: 'Korrekturantrag: Frist in 7 Tagen',
      CORRECTION_DEADLINE_2_DAYS: 'Korrekturantrag: Frist in 2 Tagen',
    },
    anomalyStatus: {
      open: 'Offen',
      acknowledged: 'Zur Kenntnis genommen',
      resolved: 'Erledigt',
    },
  },
};
