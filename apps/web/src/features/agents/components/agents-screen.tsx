import type { AgentListItem } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  ActiveFilter,
  ListResults,
  ListSearch,
  Notice,
  ROW_ACTION,
  ScreenHeader,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { useFormInUrl } from '../../../components/list/use-form-in-url';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../../../components/text-field';
import { useAgent, useAgentList } from '../hooks/use-agents';
import { AgentForm, agentTypeLabel, agentTypes } from './agent-form';
import { AgentTasksPanel } from './agent-tasks-panel';
import { MobilePasswordForm } from './mobile-password-form';
import { PersonalDataPanel } from './personal-data-panel';

const agentSortFields = [
  'identifier',
  'lastName',
  'firstName',
  'agentType',
  'employmentStatus',
  'activeFrom',
  'createdAt',
] as const;
type AgentSortField = (typeof agentSortFields)[number];
const CELL = 'px-3 py-2';

/** The agents list (search, pages) and, for roles that edit agents, the creation and edit forms. */
export function AgentsScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('agents.write');
  const canReadTasks = session.capabilities.includes('tasks.read');
  const canSetPassword = session.capabilities.includes('agentCredentials.write');
  const showCredentials = session.capabilities.includes('agentCredentials.read');
  const list = useListState({
    sortFields: agentSortFields,
    defaultSort: 'lastName',
    filters: ['active', 'agentType', 'mobileAccess'],
  });
  // The open agent is in the address (`?edit=<id>`): a link can open it, the back button closes it.
  const form = useFormInUrl();
  const { creating, editingId } = form;
  const [notice, setNotice] = useState<string>();
  const agents = useAgentList(list.query);
  const editing = useAgent(editingId);
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);

  const columns: Column<AgentListItem, AgentSortField>[] = [
    {
      id: 'identifier',
      header: t('agents.columns.identifier'),
      sortField: 'identifier',
      cell: (agent) => agent.identifier,
      className: `${CELL} font-medium`,
    },
    {
      id: 'name',
      header: t('agents.columns.name'),
      sortField: 'lastName',
      cell: (agent) => `${agent.lastName} ${agent.firstName}`,
    },
    {
      id: 'niss',
      header: t('agents.columns.niss'),
      cell: (agent) => agent.niss ?? '—',
      className: `${CELL} font-mono`,
    },
    {
      id: 'type',
      header: t('agents.columns.type'),
      sortField: 'agentType',
      cell: (agent) => agentTypeLabel(t, agent.agentType),
    },
    {
      id: 'employment',
      header: t('agents.columns.employmentStatus'),
      sortField: 'employmentStatus',
      cell: (agent) => t(`agents.employment.${agent.employmentStatus}`),
    },
    { id: 'employer', header: t('agents.columns.employer'), cell: (agent) => agent.employer.name },
    {
      id: 'active',
      header: t('agents.columns.status'),
      cell: (agent) => (agent.active ? t('agents.active') : t('agents.inactive')),
    },
    {
      id: 'mobileAccess',
      header: t('agents.columns.mobileAccess'),
      cell: (agent) => (agent.mobileAccess ? t('agents.yes') : t('agents.no')),
    },
    ...(showCredentials
      ? [
          {
            id: 'mobileIdentifier',
            header: t('agents.columns.mobileIdentifier'),
            cell: (agent: AgentListItem) => agent.mobileIdentifier ?? '—',
          },
        ]
      : []),
    ...(canWrite || canReadTasks
      ? [
          {
            id: 'actions',
            header: t('agents.columns.actions'),
            hiddenHeader: true,
            className: ACTIONS_CELL,
            cell: (agent: AgentListItem) => (
              <button
                type="button"
                aria-label={
                  canWrite
                    ? t('agents.editLabel', { identifier: agent.identifier })
                    : t('agents.tasksPanel.openLabel', { identifier: agent.identifier })
                }
                className={ROW_ACTION}
                onClick={() => startEditing(agent)}
              >
                {canWrite ? t('agents.edit') : t('agents.tasksPanel.open')}
              </button>
            ),
          },
        ]
      : []),
  ];

  const startEditing = (agent: AgentListItem) => {
    setNotice(undefined);
    form.openEdit(agent.id);
  };

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('agents.title')}
        intro={canWrite ? t('agents.intro') : t('agents.introReadOnly')}
        action={
          <>
            {canWrite && !creating && (
              <button
                type="button"
                className={PRIMARY_BUTTON}
                onClick={() => {
                  form.openCreate();
                  setNotice(undefined);
                }}
              >
                {t('agents.newAgent')}
              </button>
            )}
          </>
        }
      />

      <Notice message={notice} />

      {creating && (
        <AgentForm
          onDone={(created) => {
            if (created) {
              setNotice(t('agents.created', { identifier: created.identifier }));
              form.openEdit(created.id);
            } else form.close();
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
          {canWrite && (
            <AgentForm
              key={editing.data.id}
              agent={editing.data}
              onDone={(saved) => {
                form.close();
                if (saved) setNotice(t('agents.saved', { identifier: saved.identifier }));
              }}
            />
          )}
          {canWrite && canSetPassword && <MobilePasswordForm agent={editing.data} />}
          {canReadTasks && <AgentTasksPanel agent={editing.data} />}
          {canWrite && <PersonalDataPanel agent={editing.data} />}
          {!canWrite && (
            <button type="button" className={SECONDARY_BUTTON} onClick={form.close}>
              {t('agents.tasksPanel.close')}
            </button>
          )}
        </div>
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('agents.searchHint')}>
        <ActiveFilter
          label={t('agents.filters.active')}
          value={list.state.filters.active}
          onChange={(value) => list.setFilter('active', value)}
        />
        <SelectField
          label={t('agents.filters.agentType')}
          value={list.state.filters.agentType}
          onChange={(event) => list.setFilter('agentType', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...agentTypes.map((type) => ({ value: type, label: agentTypeLabel(t, type) })),
          ]}
        />
        <SelectField
          label={t('agents.filters.mobileAccess')}
          value={list.state.filters.mobileAccess}
          onChange={(event) => list.setFilter('mobileAccess', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            { value: 'true', label: t('list.yes') },
            { value: 'false', label: t('list.no') },
          ]}
        />
      </ListSearch>

      <ListResults
        query={agents}
        list={list}
        labelledBy={headingId}
        columns={columns}
        rowKey={(agent) => agent.id}
        empty={filtered ? t('agents.empty') : t('agents.emptyStart')}
        total={(count) => t('agents.total', { count })}
      />
    </div>
  );
}
