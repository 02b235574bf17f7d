import type { AgentListItem, CompanyView, OnssConnectionView, SiteView, TaskView } from '@ciao/domain';

/** What the checklist looks at, each part undefined while it loads (or when the role cannot read it). */
export interface SetupFacts {
  company?: Pick<CompanyView, 'enterpriseNumber' | 'onssEmployerNumber'>;
  onssConnection?: Pick<OnssConnectionView, 'clientId' | 'hasPrivateKey' | 'lastTestOk'>;
  clientCount?: number;
  sites?: readonly Pick<SiteView, 'latitude' | 'longitude'>[];
  appAgents?: readonly Pick<AgentListItem, 'mobileAccess' | 'hasMobilePassword'>[];
  activeLicenceCount?: number;
  activeTasks?: readonly Pick<TaskView, 'agentCount'>[];
}

export type SetupStepId = 'company' | 'onss' | 'client' | 'site' | 'agent' | 'licence' | 'task';

export interface SetupStep {
  id: SetupStepId;
  /** Where the step is done; `?new=1` opens the creation form. */
  path: string;
  /** undefined while the facts load. */
  done: boolean | undefined;
}

const known = <T>(value: T | undefined, test: (value: T) => boolean) =>
  value === undefined ? undefined : test(value);

/**
 * The steps from an empty company to a first registration, in the order they depend on each
 * other: a site needs a client, a task needs a site and an agent, the phone needs a licence code.
 * A site counts when it has coordinates (the geofence needs them), an agent when it may use the
 * app and has a password, a task when it is active and has an agent linked.
 */
export function setupSteps(facts: SetupFacts): SetupStep[] {
  return [
    {
      id: 'company',
      path: '/company',
      done: known(facts.company, (company) =>
        Boolean(company.enterpriseNumber && company.onssEmployerNumber),
      ),
    },
    {
      id: 'onss',
      path: '/company',
      done: known(
        facts.onssConnection,
        (connection) =>
          Boolean(connection.clientId) && connection.hasPrivateKey && connection.lastTestOk === true,
      ),
    },
    { id: 'client', path: '/clients?new=1', done: known(facts.clientCount, (count) => count > 0) },
    {
      id: 'site',
      path: '/sites?new=1',
      done: known(facts.sites, (sites) =>
        sites.some((site) => site.latitude !== null && site.longitude !== null),
      ),
    },
    {
      id: 'agent',
      path: '/agents?new=1',
      done: known(facts.appAgents, (agents) =>
        agents.some((agent) => agent.mobileAccess && agent.hasMobilePassword !== false),
      ),
    },
    { id: 'licence', path: '/licences', done: known(facts.activeLicenceCount, (count) => count > 0) },
    {
      id: 'task',
      path: '/tasks?new=1',
      done: known(facts.activeTasks, (tasks) => tasks.some((task) => task.agentCount > 0)),
    },
  ];
}
