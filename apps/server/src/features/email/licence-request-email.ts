import type { Language } from '@ciao/domain';
import { escapeHtml, signature, type RenderedEmail } from './email-templates.js';

export type LicenceRequestEmailTemplate = 'licence-request-answered' | 'licence-request-refused';

/** What the company's administrators read when the operator answers their request for a code. */
export interface LicenceRequestEmailValues {
  displayName: string;
  companyName: string;
  /** When the request was made, already formatted in the reader's language. */
  requestedOn: string;
  /** The operator's note (issued) or reason (refused); may be empty when a code was issued. */
  answer: string;
  /** The last characters of the issued code, to recognise it (the code itself is never e-mailed). */
  codeHint: string | null;
  /** The back-office's licences screen. */
  link: string;
}

interface Wording {
  subject: (v: LicenceRequestEmailValues) => string;
  greeting: (v: LicenceRequestEmailValues) => string;
  body: (v: LicenceRequestEmailValues) => string;
  answerLabel: string;
  button: string;
}

const wordings: Record<LicenceRequestEmailTemplate, Record<Language, Wording>> = {
  'licence-request-answered': {
    fr: {
      subject: () => 'Votre demande de code de licence ciao a reçu une réponse',
      greeting: (v) => `Bonjour ${v.displayName},`,
      body: (v) =>
        `Un nouveau code de licence (se terminant par ${v.codeHint ?? '…'}) a été émis pour ${v.companyName} en réponse à la demande du ${v.requestedOn}. Votre fournisseur ciao vous communique le code lui-même.`,
      answerLabel: 'Message de l’opérateur',
      button: 'Voir les licences',
    },
    nl: {
      subject: () => 'Uw aanvraag voor een ciao-licentiecode werd beantwoord',
      greeting: (v) => `Beste ${v.displayName},`,
      body: (v) =>
        `Er werd een nieuwe licentiecode (eindigend op ${v.codeHint ?? '…'}) uitgegeven voor ${v.companyName} als antwoord op de aanvraag van ${v.requestedOn}. Uw ciao-leverancier bezorgt u de code zelf.`,
      answerLabel: 'Bericht van de operator',
      button: 'De licenties bekijken',
    },
    en: {
      subject: () => 'Your request for a ciao licence code has been answered',
      greeting: (v) => `Hello ${v.displayName},`,
      body: (v) =>
        `A new licence code (ending in ${v.codeHint ?? '…'}) has been issued for ${v.companyName} in answer to the request of ${v.requestedOn}. Your ciao provider gives you the code itself.`,
      answerLabel: 'Message from the operator',
      button: 'See the licences',
    },
    de: {
      subject: () => 'Ihre Anfrage nach einem ciao-Lizenzcode wurde beantwortet',
      greeting: (v) => `Guten Tag ${v.displayName},`,
      body: (v) =>
        `Für ${v.companyName} wurde als Antwort auf die Anfrage vom ${v.requestedOn} ein neuer Lizenzcode (endet auf ${v.codeHint ?? '…'}) ausgestellt. Ihr ciao-Anbieter teilt Ihnen den Code selbst mit.`,
      answerLabel: 'Nachricht des Betreibers',
      button: 'Lizenzen ansehen',
    },
  },
  'licence-request-refused': {
    fr: {
      subject: () => 'Votre demande de code de licence ciao a été refusée',
      greeting: (v) => `Bonjour ${v.displayName},`,
      body: (v) => `La demande de code de licence de ${v.companyName} du ${v.requestedOn} a été refusée.`,
      answerLabel: 'Motif',
      button: 'Voir les licences',
    },
    nl: {
      subject: () => 'Uw aanvraag voor een ciao-licentiecode werd geweigerd',
      greeting: (v) => `Beste ${v.displayName},`,
      body: (v) =>
        `De aanvraag voor een licentiecode van ${v.companyName} van ${v.requestedOn} werd geweigerd.`,
      answerLabel: 'Reden',
      button: 'De licenties bekijken',
    },
    en: {
      subject: () => 'Your request for a ciao licence code was refused',
      greeting: (v) => `Hello ${v.displayName},`,
      body: (v) => `The request for a licence code made by ${v.companyName} on ${v.requestedOn} was refused.`,
      answerLabel: 'Reason',
      button: 'See the licences',
    },
    de: {
      subject: () => 'Ihre Anfrage nach einem ciao-Lizenzcode wurde abgelehnt',
      greeting: (v) => `Guten Tag ${v.displayName},`,
      body: (v) =>
        `Die Anfrage von ${v.companyName} nach einem Lizenzcode vom ${v.requestedOn} wurde abgelehnt.`,
      answerLabel: 'Grund',
      button: 'Lizenzen ansehen',
    },
  },
};

/** Renders the answer to a licence request as text and HTML in the reader's language (French when unknown). */
export function renderLicenceRequestEmail(
  template: LicenceRequestEmailTemplate,
  language: string,
  values: LicenceRequestEmailValues,
): RenderedEmail {
  const lang: Language = language in signature ? (language as Language) : 'fr';
  const w = wordings[template][lang];
  const answer = values.answer.trim();
  const text = [
    w.greeting(values),
    '',
    w.body(values),
    '',
    ...(answer ? [`${w.answerLabel}: ${answer}`, ''] : []),
    `${w.button}: ${values.link}`,
    '',
    `— ${signature[lang]}`,
  ].join('\n');
  const h: LicenceRequestEmailValues = {
    displayName: escapeHtml(values.displayName),
    companyName: escapeHtml(values.companyName),
    requestedOn: escapeHtml(values.requestedOn),
    answer: escapeHtml(answer),
    codeHint: values.codeHint === null ? null : escapeHtml(values.codeHint),
    link: escapeHtml(values.link),
  };
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(w.subject(values))}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5; max-width: 36rem; margin: 0 auto; padding: 1.5rem;">
<p>${w.greeting(h)}</p>
<p>${w.body(h)}</p>
${answer ? `<p><strong>${w.answerLabel}</strong><br>${h.answer.replaceAll('\n', '<br>')}</p>` : ''}
<p><a href="${h.link}" style="display: inline-block; background: #1d4ed8; color: #ffffff; padding: 0.6rem 1.2rem; border-radius: 0.375rem; text-decoration: none;">${w.button}</a></p>
<p style="font-size: 0.875rem; color: #4b5563;">— ${signature[lang]}</p>
</body>
</html>
`;
  return { subject: w.subject(values), text, html };
}
