import { DomainError, type PlatformAnswerLicenceRequestBody } from '@ciao/domain';
import { recordAudit } from '../audit/audit-repository.js';
import { enqueueEmail } from '../email/email-outbox-repository.js';
import { renderLicenceRequestEmail } from '../email/licence-request-email.js';
import {
  findLicenceRequest,
  lockLicenceRequest,
  markLicenceRequestAnswered,
} from '../licence-requests/licence-request-repository.js';
import { insertIssuedLicence, parseLicenceTerms } from './issue-licence.js';
import type { PlatformContext } from './platform-context.js';
import { findTenantAdminRecipients } from './platform-repository.js';

export type AnswerLicenceRequestInput = PlatformAnswerLicenceRequestBody & {
  requestId: string;
  /** PUBLIC_URL of the server: the e-mail links to the company's licences screen. */
  linkBase: string;
};

const locales: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB', de: 'de-BE' };

function formatDay(instant: Date, language: string): string {
  return new Intl.DateTimeFormat(locales[language] ?? 'fr-BE', {
    dateStyle: 'long',
    timeZone: 'Europe/Brussels',
  }).format(instant);
}

/**
 * Answers a company's request for a licence code: issues a code for it (the quota asked unless the
 * operator gives another) or refuses it with a reason. The company's administrators get an e-mail
 * in their language through the outbox, in the same transaction; the answer shows on their
 * licences screen. The code is returned once, to the operator, who passes it on: it is never
 * e-mailed nor stored.
 */
export async function answerLicenceRequest(ctx: PlatformContext, input: AnswerLicenceRequestInput) {
  const now = ctx.now();
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.requestId);
  const existing = isUuid ? await findLicenceRequest(ctx.db, input.requestId) : undefined;
  if (!existing) throw new DomainError('NOT_FOUND', 'No such licence request.');
  const terms =
    input.decision === 'issue'
      ? parseLicenceTerms(
          {
            maxDevices: input.maxDevices ?? existing.request.requestedMaxDevices ?? 1,
            expires: input.expires,
          },
          now,
        )
      : null;
  const answeredBy = ctx.actor.id ? `${ctx.actor.type}:${ctx.actor.id}` : ctx.actor.type;
  const { tenant } = existing;

  const code = await ctx.db.transaction(async (tx) => {
    const locked = await lockLicenceRequest(tx, input.requestId);
    if (locked?.status !== 'open') {
      throw new DomainError('CONFLICT', 'This request has already been answered.');
    }
    let issued: Awaited<ReturnType<typeof insertIssuedLicence>> | null = null;
    if (terms) {
      issued = await insertIssuedLicence(tx, ctx, {
        tenantId: tenant.id,
        ...terms,
        label: null,
        now,
      });
    }
    const answer = input.decision === 'issue' ? input.note?.trim() || null : input.reason.trim();
    const status = input.decision === 'issue' ? ('answered' as const) : ('refused' as const);
    await markLicenceRequestAnswered(tx, input.requestId, {
      status,
      answer,
      answeredBy,
      licenceId: issued?.licence.id ?? null,
      now,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: ctx.actor,
      ...ctx.origin,
      action: status === 'answered' ? 'licence_request.answered' : 'licence_request.refused',
      entityType: 'licence_request',
      entityId: input.requestId,
      before: { status: 'open' },
      after: { status, answer, licenceId: issued?.licence.id ?? null },
    });
    const template = status === 'answered' ? 'licence-request-answered' : 'licence-request-refused';
    for (const admin of await findTenantAdminRecipients(tx, tenant.id)) {
      if (!admin.email) continue;
      await enqueueEmail(tx, {
        tenantId: tenant.id,
        to: admin.email,
        template,
        language: admin.language,
        rendered: renderLicenceRequestEmail(template, admin.language, {
          displayName: admin.displayName,
          companyName: tenant.name,
          requestedOn: formatDay(existing.request.createdAt, admin.language),
          answer: answer ?? '',
          codeHint: issued?.licence.codeHint ?? null,
          link: `${input.linkBase.replace(/\/+$/, '')}/licences`,
        }),
        now,
      });
    }
    return issued?.code ?? null;
  });
  const answered = await findLicenceRequest(ctx.db, input.requestId);
  if (!answered) throw new Error('answered licence request vanished');
  return { request: answered, code };
}
