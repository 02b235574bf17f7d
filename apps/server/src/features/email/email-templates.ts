import type { Language } from '@ciao/domain';

/** What every account e-mail says: whose account, in which company, and the link. */
export interface AccountLinkValues {
  displayName: string;
  companyName: string;
  companyCode: string;
  login: string;
  link: string;
}

export type AccountEmailTemplate = 'invitation' | 'password-reset';

/** Every kind of e-mail the outbox carries (webhook-paused and notification are rendered by their features). */
export type EmailTemplate = AccountEmailTemplate | 'webhook-paused' | 'notification';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: (v: AccountLinkValues) => string;
  greeting: (v: AccountLinkValues) => string;
  paragraphs: (v: AccountLinkValues) => string[];
  button: string;
  /** The sign-in details: company code and login, which the person types at sign-in. */
  companyLabel: string;
  loginLabel: string;
  footer: string;
}

export const signature = {
  fr: 'ciao — enregistrement des présences',
  nl: 'ciao — aanwezigheidsregistratie',
  en: 'ciao — presence registration',
  de: 'ciao — Anwesenheitserfassung',
} satisfies Record<Language, string>;

const wordings: Record<AccountEmailTemplate, Record<Language, Wording>> = {
  invitation: {
    fr: {
      subject: (v) => `Votre accès à ciao pour ${v.companyName}`,
      greeting: (v) => `Bonjour ${v.displayName},`,
      paragraphs: (v) => [
        `Un compte ciao a été créé pour vous chez ${v.companyName}.`,
        'Choisissez votre mot de passe avec le lien ci-dessous. Le lien est valable 7 jours et ne sert qu’une fois.',
      ],
      button: 'Choisir mon mot de passe',
      companyLabel: 'Code société',
      loginLabel: 'Identifiant',
      footer: 'Si vous ne vous attendiez pas à ce message, ignorez-le.',
    },
    nl: {
      subject: (v) => `Uw toegang tot ciao voor ${v.companyName}`,
      greeting: (v) => `Beste ${v.displayName},`,
      paragraphs: (v) => [
        `Er werd een ciao-account voor u aangemaakt bij ${v.companyName}.`,
        'Kies uw wachtwoord via de link hieronder. De link is 7 dagen geldig en werkt maar één keer.',
      ],
      button: 'Mijn wachtwoord kiezen',
      companyLabel: 'Bedrijfscode',
      loginLabel: 'Gebruikersnaam',
      footer: 'Verwachtte u dit bericht niet? Negeer het dan.',
    },
    en: {
      subject: (v) => `Your ciao access for ${v.companyName}`,
      greeting: (v) => `Hello ${v.displayName},`,
      paragraphs: (v) => [
        `A ciao account has been created for you at ${v.companyName}.`,
        'Choose your password with the link below. The link works for 7 days, and only once.',
      ],
      button: 'Choose my password',
      companyLabel: 'Company code',
      loginLabel: 'Login',
      footer: 'If you did not expect this message, ignore it.',
    },
    de: {
      subject: (v) => `Ihr Zugang zu ciao für ${v.companyName}`,
      greeting: (v) => `Guten Tag ${v.displayName},`,
      paragraphs: (v) => [
        `Willkommen! Für Sie wurde bei ${v.companyName} ein ciao-Konto angelegt.`,
        'Wählen Sie Ihr Passwort über den folgenden Link. Der Link ist 7 Tage gültig und funktioniert nur einmal.',
      ],
      button: 'Mein Passwort wählen',
      companyLabel: 'Firmencode',
      loginLabel: 'Benutzername',
      footer: 'Wenn Sie diese Nachricht nicht erwartet haben, ignorieren Sie sie.',
    },
  },
  'password-reset': {
    fr: {
      subject: () => 'Réinitialisation de votre mot de passe ciao',
      greeting: (v) => `Bonjour ${v.displayName},`,
      paragraphs: (v) => [
        `Quelqu’un a demandé un nouveau mot de passe pour votre compte ciao chez ${v.companyName}.`,
        'Choisissez-en un avec le lien ci-dessous. Le lien est valable 1 heure et ne sert qu’une fois.',
      ],
      button: 'Choisir un nouveau mot de passe',
      companyLabel: 'Code société',
      loginLabel: 'Identifiant',
      footer: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
    },
    nl: {
      subject: () => 'Uw ciao-wachtwoord opnieuw instellen',
      greeting: (v) => `Beste ${v.displayName},`,
      paragraphs: (v) => [
        `Iemand heeft een nieuw wachtwoord gevraagd voor uw ciao-account bij ${v.companyName}.`,
        'Kies er een via de link hieronder. De link is 1 uur geldig en werkt maar één keer.',
      ],
      button: 'Een nieuw wachtwoord kiezen',
      companyLabel: 'Bedrijfscode',
      loginLabel: 'Gebruikersnaam',
      footer: 'Hebt u niets gevraagd? Negeer dit bericht dan: uw wachtwoord blijft ongewijzigd.',
    },
    en: {
      subject: () => 'Reset your ciao password',
      greeting: (v) => `Hello ${v.displayName},`,
      paragraphs: (v) => [
        `Someone asked for a new password for your ciao account at ${v.companyName}.`,
        'Choose one with the link below. The link works for 1 hour, and only once.',
      ],
      button: 'Choose a new password',
      companyLabel: 'Company code',
      loginLabel: 'Login',
      footer: 'If you did not ask for this, ignore this message: your password stays the same.',
    },
    de: {
      subject: () => 'Ihr ciao-Passwort zurücksetzen',
      greeting: (v) => `Guten Tag ${v.displayName},`,
      paragraphs: (v) => [
        `Jemand hat ein neues Passwort für Ihr ciao-Konto bei ${v.companyName} angefordert.`,
        'Wählen Sie eines über den folgenden Link. Der Link ist 1 Stunde gültig und funktioniert nur einmal.',
      ],
      button: 'Neues Passwort wählen',
      companyLabel: 'Firmencode',
      loginLabel: 'Benutzername',
      footer:
        'Wenn Sie nichts angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
    },
  },
};

/** Every interpolated value goes through this: names and company names are typed by people. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function escaped(values: AccountLinkValues): AccountLinkValues {
  return {
    displayName: escapeHtml(values.displayName),
    companyName: escapeHtml(values.companyName),
    companyCode: escapeHtml(values.companyCode),
    login: escapeHtml(values.login),
    link: escapeHtml(values.link),
  };
}

/** Renders one account e-mail as text and HTML in the person's language (French when unknown). */
export function renderAccountEmail(
  template: AccountEmailTemplate,
  language: string,
  values: AccountLinkValues,
): RenderedEmail {
  const lang: Language = language in signature ? (language as Language) : 'fr';
  const w = wordings[template][lang];
  const text = [
    w.greeting(values),
    '',
    ...w.paragraphs(values).flatMap((paragraph) => [paragraph, '']),
    `${w.button}: ${values.link}`,
    '',
    `${w.companyLabel}: ${values.companyCode}`,
    `${w.loginLabel}: ${values.login}`,
    '',
    w.footer,
    '',
    `— ${signature[lang]}`,
  ].join('\n');

  const h = escaped(values);
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(w.subject(values))}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5; max-width: 36rem; margin: 0 auto; padding: 1.5rem;">
<p>${w.greeting(h)}</p>
${w
  .paragraphs(h)
  .map((paragraph) => `<p>${paragraph}</p>`)
  .join('\n')}
<p><a href="${h.link}" style="display: inline-block; background: #1d4ed8; color: #ffffff; padding: 0.6rem 1.2rem; border-radius: 0.375rem; text-decoration: none;">${w.button}</a></p>
<p style="font-size: 0.875rem;">${h.link}</p>
<table style="font-size: 0.875rem;">
<tr><td>${w.companyLabel}</td><td><strong>${h.companyCode}</strong></td></tr>
<tr><td>${w.loginLabel}</td><td><strong>${h.login}</strong></td></tr>
</table>
<p style="font-size: 0.875rem; color: #4b5563;">${w.footer}</p>
<p style="font-size: 0.875rem; color: #4b5563;">— ${signature[lang]}</p>
</body>
</html>
`;
  return { subject: w.subject(values), text, html };
}
