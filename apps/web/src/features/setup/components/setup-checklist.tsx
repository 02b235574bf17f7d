import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listAgents } from '../../agents/api/agents-api';
import { listClients } from '../../clients/api/clients-api';
import { getCompany, getOnssConnection } from '../../company/api/company-api';
import { listLicences } from '../../licences/api/licences-api';
import { listSites } from '../../sites/api/sites-api';
import { listTasks } from '../../tasks/api/tasks-api';
import { setupSteps } from '../setup-steps';

const FIRST_PAGE = { page: 1, pageSize: 50 };

/**
 * "Mise en route": for an administrator, the steps from an empty company to a first registration
 * in the agent app, each ticked from the company's real data and linked to the screen that does it.
 * Once every step is done it shrinks to one line.
 */
export function SetupChecklist() {
  const { t } = useTranslation();
  const headingId = useId();
  const company = useQuery({ queryKey: ['company'], queryFn: ({ signal }) => getCompany(signal) });
  const onss = useQuery({
    queryKey: ['company', 'onss-connection'],
    queryFn: ({ signal }) => getOnssConnection(signal),
  });
  const clients = useQuery({
    queryKey: ['clients', 'list', { page: 1, pageSize: 1 }],
    queryFn: ({ signal }) => listClients({ page: 1, pageSize: 1 }, signal),
  });
  const sites = useQuery({
    queryKey: ['sites', 'list', FIRST_PAGE],
    queryFn: ({ signal }) => listSites(FIRST_PAGE, signal),
  });
  const appAgentsQuery = { ...FIRST_PAGE, mobileAccess: 'true', active: 'true' };
  const agents = useQuery({
    queryKey: ['agents', 'list', appAgentsQuery],
    queryFn: ({ signal }) => listAgents(appAgentsQuery, signal),
  });
  const licenceQuery = { page: 1, pageSize: 1, status: 'active' };
  const licences = useQuery({
    queryKey: ['licences', 'list', licenceQuery],
    queryFn: ({ signal }) => listLicences(licenceQuery, signal),
  });
  const taskQuery = { ...FIRST_PAGE, active: 'true' };
  const tasks = useQuery({
    queryKey: ['tasks', 'list', taskQuery],
    queryFn: ({ signal }) => listTasks(taskQuery, signal),
  });

  const steps = setupSteps({
    company: company.data,
    onssConnection: onss.data,
    clientCount: clients.data?.total,
    sites: sites.data?.items,
    appAgents: agents.data?.items,
    activeLicenceCount: licences.data?.total,
    activeTasks: tasks.data?.items,
  });
  const doneCount = steps.filter((step) => step.done === true).length;
  const complete = doneCount === steps.length;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm lg:col-span-2"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('setup.title')}
      </h2>
      <p className="mt-1 max-w-prose text-slate-700">
        {complete ? t('setup.complete') : t('setup.intro', { done: doneCount, total: steps.length })}
      </p>
      {!complete && (
        <ol className="mt-4 space-y-3">
          {steps.map((step, index) => (
            <li key={step.id} className="flex items-start gap-3">
              <span
                aria-hidden="true"
                className={`mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
                  step.done ? 'bg-green-700 text-white' : 'border-2 border-slate-400 text-slate-700'
                }`}
              >
                {step.done ? '✓' : index + 1}
              </span>
              <div>
                <Link to={step.path} className="font-semibold text-brand-700 underline">
                  {t(`setup.steps.${step.id}.title`)}
                </Link>
                {/* Nothing while the company's data loads: neither done nor to do is known yet. */}
                {step.done !== undefined && (
                  <span className="ml-2 text-sm text-slate-700">
                    {step.done ? t('setup.done') : t('setup.pending')}
                  </span>
                )}
                <p className="text-sm text-slate-700">{t(`setup.steps.${step.id}.what`)}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
