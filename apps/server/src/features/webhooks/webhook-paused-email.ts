import type { Language } from '@ciao/domain';
import { escapeHtml, type RenderedEmail } from '../email/email-templates.js';

export interface WebhookPausedValues {
  displayName: string;
  companyName: string;
  url: string;
  /** The back-office's webhooks screen, when the server knows its public address. */
  screenLink: string | null;
}

interface Wording {
  subject: string;
  greeting: (name: string) => string;
  paragraphs: (v: WebhookPausedValues) => string[];
  linkLabel: string;
}

const wordings: Record<Language, Wording> = {
  fr: {
    subject: 'ciao a mis en pause un webhook qui échoue',
    greeting: (name) => `Bonjour ${name},`,
    paragraphs: (v) => [
      `Depuis 24 heures, chaque envoi vers ${v.url} (société ${v.companyName}) a échoué. ciao a mis cet abonnement en pause : plus rien n’y est envoyé.`,
      'Vérifiez que le destinataire répond 2xx, puis reprenez l’abonnement dans l’écran Webhooks : les envois en attente repartiront.',
    ],
    linkLabel: 'Écran Webhooks',
  },
  nl: {
    subject: 'ciao heeft een falende webhook gepauzeerd',
    greeting: (name) => `Beste ${name},`,
    paragraphs: (v) => [
      `Sinds 24 uur is elke verzending naar ${v.url} (bedrijf ${v.companyName}) mislukt. ciao heeft dit abonnement gepauzeerd: er wordt niets meer naartoe gestuurd.`,
      'Controleer dat de ontvanger met 2xx antwoordt en hervat het abonnement in het scherm Webhooks: de wachtende verzendingen vertrekken dan opnieuw.',
    ],
    linkLabel: 'Scherm Webhooks',
  },
  en: {
    subject: 'ciao paused a failing webhook',
    greeting: (name) => `Hello ${name},`,
    paragraphs: (v) => [
      `For 24 hours, every delivery to ${v.url} (company ${v.companyName}) has failed. ciao paused this subscription: nothing is sent to it any more.`,
      'Check that the receiver answers 2xx, then resume the subscription on the Webhooks screen: the waiting deliveries will go out again.',
    ],
    linkLabel: 'Webhooks screen',
  },
  de: {
    subject: 'ciao hat einen fehlschlagenden Webhook pausiert',
    greeting: (name) => `Guten Tag ${name},`,
    paragraphs: (v) => [
      `Seit 24 Stunden ist jede Zustellung an ${v.url} (Firma ${v.companyName}) fehlgeschlagen. ciao hat dieses Abonnement pausiert: Es wird nichts mehr dorthin gesendet.`,
      'Prüfen Sie, dass der Empfänger mit 2xx antwortet, und setzen Sie das Abonnement im Bildschirm Webhooks fort: Die wartenden Zustellungen gehen dann wieder hinaus.',
    ],
    linkLabel: 'Bildschirm Webhooks',
  },
};

/** The e-mail that tells an administrator ciao paused a subscription (French when the language is unknown). */
export function renderWebhookPausedEmail(language: string, values: WebhookPausedValues): RenderedEmail {
  const lang: Language = language in wordings ? (language as Language) : 'fr';
  const w = wordings[lang];
  const link = values.screenLink ? [`${w.linkLabel}: ${values.screenLink}`, ''] : [];
  const text = [
    w.greeting(values.displayName),
    '',
    ...w.paragraphs(values).flatMap((paragraph) => [paragraph, '']),
    ...link,
    '— ciao',
  ].join('\n');
  const escaped = {
    displayName: escapeHtml(values.displayName),
    companyName: escapeHtml(values.companyName),
    url: escapeHtml(values.url),
    screenLink: values.screenLink ? escapeHtml(values.screenLink) : null,
  };
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(w.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5; max-width: 36rem; margin: 0 auto; padding: 1.5rem;">
<p>${w.greeting(escaped.displayName)}</p>
${w
  .paragraphs(escaped)
  .map((paragraph) => `<p>${paragraph}</p>`)
  .join('\n')}
${escaped.screenLink ? `<p><a href="${escaped.screenLink}">${w.linkLabel}</a></p>` : ''}
<p style="font-size: 0.875rem; color: #4b5563;">— ciao</p>
</body>
</html>
`;
  return { subject: w.subject, text, html };
}
