import type { AgentListItem } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { useAgent, useAgentList } from '../hooks/use-agents';
import { AgentForm, agentTypeLabel } from './agent-form';
import { MobilePasswordForm } from './mobile-password-form';

const PAGE_SIZE = 20;
const CELL = 'px-3 py-2';

/** The agents list (search, pages) and, for roles that edit agents, the creation and edit forms. */
export function AgentsScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('agents.write');
  const canSetPassword = session.capabilities.includes('agentCredentials.write');
  const showCredentials = session.capabilities.includes('agentCredentials.read');
  const [search, setSearch] = useState('');
  const [params, setParams] = useState({ q: '', page: 1, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const list = useAgentList(params);
  const editing = useAgent(editingId);

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams({ ...params, q: search, page: 1 });
  };

  const startEditing = (agent: AgentListItem) => {
    setCreating(false);
    setNotice(undefined);
    setEditingId(agent.id);
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id={headingId} className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {t('agents.title')}
          </h1>
          <p className="mt-2 max-w-prose text-slate-700">
            {canWrite ? t('agents.intro') : t('agents.introReadOnly')}
          </p>
        </div>
        {canWrite && !creating && (
          <button
            type="button"
            className={PRIMARY_BUTTON}
            onClick={() => {
              setCreating(true);
              setEditingId(undefined);
              setNotice(undefined);
            }}
          >
            {t('agents.newAgent')}
          </button>
        )}
      </div>

      <div aria-live="polite">
        {notice && (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            {notice}
          </p>
        )}
      </div>

      {creating && (
        <AgentForm
          onDone={(created) => {
            setCreating(false);
            if (created) {
              setNotice(t('agents.created', { identifier: created.identifier }));
              setEditingId(created.id);
            }
          }}
        />
      )}

      {editingId && editing.isError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={editing.error} />
        </div>
      )}
      {editingId && editing.data?.id === editingId && (
        <div className="space-y-4">
          {/* Keyed by the agent only: a refetch (e.g. after a password change) must not remount the
              form, which would drop what is being typed and the answer of a save in flight. */}
          <AgentForm
            key={editing.data.id}
            agent={editing.data}
            onDone={(saved) => {
              setEditingId(undefined);
              if (saved) setNotice(t('agents.saved', { identifier: saved.identifier }));
            }}
          />
          {canSetPassword && <MobilePasswordForm agent={editing.data} />}
        </div>
      )}

      <form role="search" onSubmit={submitSearch} className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          label={t('agents.search')}
          placeholder={t('agents.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <button type="submit" className={SECONDARY_BUTTON}>
          {t('agents.searchSubmit')}
        </button>
      </form>

      {list.isPending && (
        <p role="status" className="text-slate-700">
          {t('agents.loading')}
        </p>
      )}
      {list.isError && (
        <div role="alert" className="space-y-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <p>
            <RequestErrorMessage error={list.error} />
          </p>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => void list.refetch()}>
            {t('unreachable.retry')}
          </button>
        </div>
      )}

      {list.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <p className="text-sm text-slate-600">{t('agents.total', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? (
            <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
              {params.q ? t('agents.empty') : t('agents.emptyStart')}
            </p>
          ) : (
            <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="w-full min-w-[48rem] text-left text-sm">
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.identifier')}
                    </th>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.name')}
                    </th>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.niss')}
                    </th>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.type')}
                    </th>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.employmentStatus')}
                    </th>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.employer')}
                    </th>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.status')}
                    </th>
                    <th scope="col" className={CELL}>
                      {t('agents.columns.mobileAccess')}
                    </th>
                    {showCredentials && (
                      <th scope="col" className={CELL}>
                        {t('agents.columns.mobileIdentifier')}
                      </th>
                    )}
                    {canWrite && (
                      <th scope="col" className={CELL}>
                        <span className="sr-only">{t('agents.columns.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((agent) => (
                    <tr key={agent.id} className="border-t border-slate-200">
                      <td className={`${CELL} font-medium`}>{agent.identifier}</td>
                      <td className={CELL}>{`${agent.lastName} ${agent.firstName}`}</td>
                      <td className={`${CELL} font-mono`}>{agent.niss ?? '—'}</td>
                      <td className={CELL}>{agentTypeLabel(t, agent.agentType)}</td>
                      <td className={CELL}>{t(`agents.employment.${agent.employmentStatus}`)}</td>
                      <td className={CELL}>{agent.employer.name}</td>
                      <td className={CELL}>{agent.active ? t('agents.active') : t('agents.inactive')}</td>
                      <td className={CELL}>{agent.mobileAccess ? t('agents.yes') : t('agents.no')}</td>
                      {showCredentials && <td className={CELL}>{agent.mobileIdentifier ?? '—'}</td>}
                      {canWrite && (
                        <td className="px-3 py-1 text-right">
                          <button
                            type="button"
                            aria-label={t('agents.editLabel', { identifier: agent.identifier })}
                            className="min-h-11 rounded-md px-3 font-semibold text-brand-700 underline hover:bg-brand-50"
                            onClick={() => startEditing(agent)}
                          >
                            {t('agents.edit')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav
              aria-label={t('agents.pageOf', { page: params.page, pages })}
              className="flex flex-wrap items-center gap-3"
            >
              <button
                type="button"
                className={SECONDARY_BUTTON}
                disabled={params.page <= 1}
                onClick={() => setParams({ ...params, page: params.page - 1 })}
              >
                {t('agents.previous')}
              </button>
              <span className="text-sm text-slate-700">
                {t('agents.pageOf', { page: params.page, pages })}
              </span>
              <button
                type="button"
                className={SECONDARY_BUTTON}
                disabled={params.page >= pages}
                onClick={() => setParams({ ...params, page: params.page + 1 })}
              >
                {t('agents.next')}
              </button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
