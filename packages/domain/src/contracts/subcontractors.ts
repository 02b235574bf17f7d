import { z } from 'zod';
import { booleanQuery, isoInstant, listQuery, optionalEmail, optionalText, pageOf } from './common.js';

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');

/**
 * A subcontractor's employer identity for ONSS: a Belgian enterprise number (checked by the server
 * with `parseEnterpriseNumber`, stored as 10 digits) or, for a foreign company, its VAT number
 * (country prefix + number, e.g. `NL123456789B01`). Exactly one of the two.
 */
const employerFields = {
  enterpriseNumber: optionalText(20).optional(),
  foreignVatNumber: optionalText(20).optional(),
};

/**
 * @example
 * createSubcontractorRequest.parse({ name: 'Net & Co', enterpriseNumber: 'BE 0203.201.340' });
 */
export const createSubcontractorRequest = z.object({
  name,
  ...employerFields,
  contactEmail: optionalEmail.optional(),
  active: z.boolean().default(true),
});

export type CreateSubcontractorRequest = z.output<typeof createSubcontractorRequest>;

/**
 * @example
 * updateSubcontractorRequest.parse({ active: false });
 */
export const updateSubcontractorRequest = z.object({
  name: name.optional(),
  ...employerFields,
  contactEmail: optionalEmail.optional(),
  active: z.boolean().optional(),
});

export type UpdateSubcontractorRequest = z.output<typeof updateSubcontractorRequest>;

/**
 * @example
 * subcontractorListQuery.parse({ q: 'net', active: 'true' });
 */
export const subcontractorListQuery = listQuery(['name', 'createdAt'] as const, 'name').extend({
  active: booleanQuery.optional(),
});

export type SubcontractorListQuery = z.output<typeof subcontractorListQuery>;

/** @example subcontractorView.shape.enterpriseNumber; */
export const subcontractorView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** 10 bare digits. */
  enterpriseNumber: z.string().nullable(),
  foreignVatNumber: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
  /** How many agents it employs (active or not). */
  agentCount: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type SubcontractorView = z.infer<typeof subcontractorView>;

/** @example subcontractorPage.shape.items; */
export const subcontractorPage = pageOf(subcontractorView);
