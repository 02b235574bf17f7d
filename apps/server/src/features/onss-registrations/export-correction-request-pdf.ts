import {
  formatEnterpriseNumber,
  formatNiss,
  formatOnssEmployerNumber,
  localDate,
  localTime,
  type OnssRegistrationStatus,
} from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { requireCompany } from '../company/get-company.js';
import { CORRECTION_TIME_ZONE } from './correction-request-presenter.js';
import { renderCorrectionRequestPdf } from './correction-request-pdf.js';
import { correctionPdfTexts, formatPdfDate } from './correction-request-pdf-texts.js';
import { requireCorrectionRequest } from './get-correction-request.js';

function payloadText(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
}

/**
 * The correction request as the PDF to send to ONSS, in the company's default language: the
 * employer's numbers, the reason and evidence, and per registration what was registered and the
 * correction asked. Returns the file name and content.
 */
export async function exportCorrectionRequestPdf(ctx: AppContext, caller: Caller, id: string) {
  const { request, items } = await requireCorrectionRequest(ctx.db, caller.tenantId, id);
  const company = await requireCompany(ctx.db, caller.tenantId);
  const language = company.defaultLanguage;
  const texts = correctionPdfTexts(language);
  const date = (instant: Date) => formatPdfDate(localDate(instant, CORRECTION_TIME_ZONE), language);
  const rows = items.map(({ item, registration: row }) => {
    const registration = row.registration;
    const at = registration.registrationTime;
    const status = texts.status[registration.status as OnssRegistrationStatus] ?? registration.status;
    const remarks = registration.remarks.length > 0 ? ` (${registration.remarks.join(', ')})` : '';
    return {
      agent: `${row.agentFirstName} ${row.agentLastName}`,
      niss: formatNiss(payloadText(registration.payload, 'niss') ?? row.agentNiss ?? ''),
      time: `${date(at)} ${localTime(at, CORRECTION_TIME_ZONE)}`,
      direction: texts.direction[registration.direction as 'IN' | 'OUT'] ?? registration.direction,
      site: row.siteName,
      declaration:
        payloadText(registration.payload, 'workDeclarationNumber') ?? row.siteDeclarationNumber ?? '',
      onssId: registration.onssId ?? '',
      status: `${status}${remarks}`,
      correction: item.requestedCorrection,
      deadline: date(item.deadline),
    };
  });
  const content = await renderCorrectionRequestPdf({
    texts,
    company: {
      name: company.name,
      enterpriseNumber: company.enterpriseNumber ? formatEnterpriseNumber(company.enterpriseNumber) : '',
      onssEmployerNumber: company.onssEmployerNumber
        ? formatOnssEmployerNumber(company.onssEmployerNumber)
        : '',
    },
    reference: request.request.reference,
    createdOn: date(request.request.createdAt),
    reason: request.request.reason,
    evidence: request.request.evidence,
    rows,
    createdAt: request.request.createdAt,
  });
  return { fileName: `${request.request.reference}.pdf`, content };
}
