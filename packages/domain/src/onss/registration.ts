/**
 * What ONSS needs to know of one In/Out, in ciao's own words (the ONSS adapter of the server turns
 * it into the wire format): who, where, for which employer, in what capacity, when.
 *
 * @example
 * const registration: OnssRegistrationContent = {
 *   niss: '85073003328', direction: 'IN', at: '2026-11-30T05:00:00.000Z',
 *   employer: { enterpriseNumber: '0777123418' }, capacity: 'employee',
 *   workDeclarationNumber: '1Y102M7NZF7PZ', position: { latitude: 50.8275, longitude: 4.3653 },
 * };
 */
export interface OnssRegistrationContent {
  niss: string;
  direction: 'IN' | 'OUT';
  /** The instant of the registration, ISO 8601 UTC. */
  at: string;
  employer: { enterpriseNumber: string } | { foreignVatNumber: string };
  capacity: 'employee' | 'self_employed' | 'temporary' | 'intern';
  workDeclarationNumber: string;
  position: { latitude: number; longitude: number } | null;
}

/**
 * Why an In/Out is not sent to ONSS; it stays visible with this reason.
 *
 * @example
 * notApplicableReasons.includes('SITE_NOT_SUBJECT'); // true
 */
export const notApplicableReasons = [
  'SITE_NOT_SUBJECT',
  'AGENT_WITHOUT_NISS',
  'NO_ONSS_CONNECTION',
  'SITE_WITHOUT_DECLARATION',
  'EMPLOYER_WITHOUT_NUMBER',
] as const;

export type NotApplicableReason = (typeof notApplicableReasons)[number];

export interface OnssMappingInput {
  direction: 'IN' | 'OUT';
  at: Date;
  agent: { niss: string | null; employmentStatus: string };
  /** The real employer: the tenant itself, or the agent's subcontractor. */
  employer: { enterpriseNumber: string | null; foreignVatNumber: string | null };
  site: { subjectToOnss: boolean; workDeclarationNumber: string | null };
  position: { latitude: number; longitude: number } | null;
  tenantHasOnssConnection: boolean;
}

const capacities = ['employee', 'self_employed', 'temporary', 'intern'] as const;

/**
 * Maps a clock event to its ONSS registration, or says why it does not apply. The order of the
 * reasons is the order a manager would fix them in: the site first, then the person, then the
 * company's connection.
 *
 * @example
 * toOnssRegistration({ ...input, site: { subjectToOnss: false, workDeclarationNumber: null } });
 * // { applicable: false, reason: 'SITE_NOT_SUBJECT' }
 */
export function toOnssRegistration(
  input: OnssMappingInput,
):
  | { applicable: true; content: OnssRegistrationContent }
  | { applicable: false; reason: NotApplicableReason } {
  if (!input.site.subjectToOnss) return { applicable: false, reason: 'SITE_NOT_SUBJECT' };
  if (!input.site.workDeclarationNumber) return { applicable: false, reason: 'SITE_WITHOUT_DECLARATION' };
  if (!input.agent.niss) return { applicable: false, reason: 'AGENT_WITHOUT_NISS' };
  const employer = input.employer.enterpriseNumber
    ? { enterpriseNumber: input.employer.enterpriseNumber }
    : input.employer.foreignVatNumber
      ? { foreignVatNumber: input.employer.foreignVatNumber }
      : null;
  if (!employer) return { applicable: false, reason: 'EMPLOYER_WITHOUT_NUMBER' };
  if (!input.tenantHasOnssConnection) return { applicable: false, reason: 'NO_ONSS_CONNECTION' };
  const capacity = (capacities as readonly string[]).includes(input.agent.employmentStatus)
    ? (input.agent.employmentStatus as OnssRegistrationContent['capacity'])
    : 'employee';
  return {
    applicable: true,
    content: {
      niss: input.agent.niss,
      direction: input.direction,
      at: input.at.toISOString(),
      employer,
      capacity,
      workDeclarationNumber: input.site.workDeclarationNumber,
      position: input.position,
    },
  };
}
