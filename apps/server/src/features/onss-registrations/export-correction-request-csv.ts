import { localDate, localTime } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { CORRECTION_TIME_ZONE } from './correction-request-presenter.js';
import { requireCorrectionRequest } from './get-correction-request.js';

export const correctionCsvHeader = [
  'niss',
  'name',
  'site',
  'declaration_number',
  'registration_time',
  'direction',
  'onss_id',
  'status',
  'remarks',
  'requested_correction',
  'deadline',
] as const;

/** One CSV field (RFC 4180); text a spreadsheet would run as a formula is prefixed with `'`. */
function csvField(value: string, text = false): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function payloadText(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
}

/**
 * The correction request as the CSV ONSS needs: one line per registration (times and deadlines
 * in Belgian local time), with the correction asked. Returns the file name and content.
 */
export async function exportCorrectionRequestCsv(ctx: AppContext, caller: Caller, id: string) {
  const { request, items } = await requireCorrectionRequest(ctx.db, caller.tenantId, id);
  const lines = [correctionCsvHeader.join(',')];
  for (const { item, registration: row } of items) {
    const registration = row.registration;
    const at = registration.registrationTime;
    const fields = [
      csvField(payloadText(registration.payload, 'niss') ?? row.agentNiss ?? ''),
      csvField(`${row.agentFirstName} ${row.agentLastName}`, true),
      csvField(row.siteName, true),
      csvField(payloadText(registration.payload, 'workDeclarationNumber') ?? row.siteDeclarationNumber ?? ''),
      csvField(`${localDate(at, CORRECTION_TIME_ZONE)} ${localTime(at, CORRECTION_TIME_ZONE)}`),
      csvField(registration.direction),
      csvField(registration.onssId ?? ''),
      csvField(registration.status),
      csvField(registration.remarks.join(' | '), true),
      csvField(item.requestedCorrection, true),
      csvField(localDate(item.deadline, CORRECTION_TIME_ZONE)),
    ];
    lines.push(fields.join(','));
  }
  return { fileName: `${request.request.reference}.csv`, content: `${lines.join('\r\n')}\r\n` };
}
