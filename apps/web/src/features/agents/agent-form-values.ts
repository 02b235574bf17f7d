import { canWriteAgentOfType, restrictedAgentTypes } from '@ciao/domain';
import type { AgentView, Role } from '@ciao/domain';

/** The agent form as typed: every field a string or a flag. `employer` is `own` or a subcontractor id. */
export interface AgentFormValues {
  identifier: string;
  firstName: string;
  lastName: string;
  niss: string;
  agentType: string;
  employmentStatus: string;
  employer: string;
  language: string;
  mobileAccess: boolean;
  mobileIdentifier: string;
  activeFrom: string;
  activeUntil: string;
  active: boolean;
  /** The role of the agent's web user; empty when the editor may not see or choose it. */
  userRole: string;
}

export const EMPTY_AGENT: AgentFormValues = {
  identifier: '',
  firstName: '',
  lastName: '',
  niss: '',
  agentType: 'FIELD',
  employmentStatus: 'employee',
  employer: 'own',
  language: 'fr',
  mobileAccess: false,
  mobileIdentifier: '',
  activeFrom: '',
  activeUntil: '',
  active: true,
  userRole: 'NONE',
};

/** The types the form offers; `ADM` and `GST` only to roles that may write them. */
export const KNOWN_AGENT_TYPES = ['FIELD', ...restrictedAgentTypes] as const;

/**
 * The agent types a role may pick, keeping the agent's current type so the select shows it.
 * Example: `agentTypeChoices('HR_MANAGER')` -> `['FIELD']`.
 */
export function agentTypeChoices(role: Role, current?: string): string[] {
  const choices: string[] = KNOWN_AGENT_TYPES.filter((type) => canWriteAgentOfType(role, type));
  if (current && !choices.includes(current)) choices.push(current);
  return choices;
}

/** The form's values for an agent being edited. */
export function agentToForm(agent: AgentView): AgentFormValues {
  return {
    identifier: agent.identifier,
    firstName: agent.firstName,
    lastName: agent.lastName,
    niss: agent.niss ?? '',
    agentType: agent.agentType,
    employmentStatus: agent.employmentStatus,
    employer: agent.employer.subcontractorId ?? 'own',
    language: agent.language,
    mobileAccess: agent.mobileAccess,
    mobileIdentifier: agent.mobileIdentifier ?? '',
    activeFrom: agent.activeFrom ?? '',
    activeUntil: agent.activeUntil ?? '',
    active: agent.active,
    userRole: agent.user?.role ?? '',
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

/**
 * The request body for the form's values, for the shared contract to check: on creation every
 * field (the mobile identifier only when given and `withCredentials`), on edition only the fields
 * that changed since `initial`. A masked NISS is never sent back.
 */
export function agentRequestBody(
  values: AgentFormValues,
  options: {
    initial?: AgentFormValues;
    withCredentials: boolean;
    nissMasked?: boolean;
    /** Only administrators choose the role of the agent's web user. */
    withUserRole?: boolean;
  },
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    identifier: values.identifier,
    firstName: values.firstName,
    lastName: values.lastName,
    niss: blankToNull(values.niss),
    agentType: values.agentType,
    employmentStatus: values.employmentStatus,
    subcontractorId: values.employer === 'own' ? null : values.employer,
    language: values.language,
    mobileAccess: values.mobileAccess,
    activeFrom: blankToNull(values.activeFrom),
    activeUntil: blankToNull(values.activeUntil),
    active: values.active,
  };
  if (options.withCredentials && values.mobileIdentifier.trim() !== '') {
    body.mobileIdentifier = values.mobileIdentifier;
  }
  if (options.withUserRole && values.userRole !== '') body.userRole = values.userRole;
  const { initial } = options;
  if (!initial) return body;

  const changed: Record<string, unknown> = {};
  const before = agentRequestBody(initial, {
    withCredentials: options.withCredentials,
    withUserRole: options.withUserRole,
  });
  for (const [key, value] of Object.entries(body)) {
    if (value !== before[key]) changed[key] = value;
  }
  if (options.nissMasked) delete changed.niss;
  // The date order is checked on the pair: send both when one changes.
  if ('activeFrom' in changed || 'activeUntil' in changed) {
    changed.activeFrom = body.activeFrom;
    changed.activeUntil = body.activeUntil;
  }
  return changed;
}
