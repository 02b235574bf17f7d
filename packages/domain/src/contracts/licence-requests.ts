import { z } from 'zod';
import { isoInstant } from './common.js';
import { LICENCE_MAX_DEVICES } from './licences.js';

/**
 * Where a company's request for a new licence code stands: `open` until the operator answers it,
 * then `answered` (a code was issued for it) or `refused` (with the reason).
 *
 * @example
 * licenceRequestStatus.parse('refused');
 */
export const licenceRequestStatus = z.enum(['open', 'answered', 'refused']);

export type LicenceRequestStatus = z.infer<typeof licenceRequestStatus>;

const deviceQuota = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(LICENCE_MAX_DEVICES, `must be at most ${LICENCE_MAX_DEVICES}`);

/**
 * An administrator asks the ciao operator for a new licence code: why, and for how many devices.
 *
 * @example
 * askLicenceCodeBody.parse({ reason: 'A new team in Namur', maxDevices: 15 });
 */
export const askLicenceCodeBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, 'must be at least 3 characters')
    .max(1000, 'must be at most 1000 characters'),
  maxDevices: deviceQuota,
});

export type AskLicenceCodeBody = z.infer<typeof askLicenceCodeBody>;

/**
 * A request for a licence code as the company sees it, with the operator's answer once given. The
 * code issued in answer is never shown here: the operator passes it on.
 *
 * @example
 * licenceRequestSummary.shape.answer;
 */
export const licenceRequestSummary = z.object({
  id: z.uuid(),
  reason: z.string(),
  requestedMaxDevices: z.number().int(),
  status: licenceRequestStatus,
  /** The operator's note with the code, or the reason of a refusal. */
  answer: z.string().nullable(),
  answeredAt: isoInstant.nullable(),
  /** The licence issued in answer (its last characters), when one was. */
  licence: z.object({ id: z.uuid(), codeHint: z.string() }).nullable(),
  requestedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: isoInstant,
});

export type LicenceRequestSummary = z.infer<typeof licenceRequestSummary>;

/**
 * The company's requests, newest first (a company asks a few times a year: no paging).
 *
 * @example
 * licenceRequestList.parse({ items: [] });
 */
export const licenceRequestList = z.object({ items: z.array(licenceRequestSummary) });

export { deviceQuota as licenceDeviceQuota };
