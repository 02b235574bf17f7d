import { formatEnterpriseNumber } from '@ciao/domain';
import type { SubcontractorView } from '@ciao/domain';
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
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { useSubcontractorList } from '../hooks/use-subcontractors';
import { SubcontractorForm } from './subcontractor-form';

const subcontractorSortFields = ['name', 'createdAt'] as const;
type SubcontractorSortField = (typeof subcontractorSortFields)[number];

/** The subcontractor companies and, for roles that edit them, the creation and edit forms. */
export function SubcontractorsScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('subcontractors.write');
  const list = useListState({
    sortFields: subcontractorSortFields,
    defaultSort: 'name',
    filters: ['active'],
  });
  const [creating, setCreating] = useState(false);
  // There is no "one subcontractor" route: the row being edited is the one the list gave.
  const [editing, setEditing] = useState<SubcontractorView>();
  const [notice, setNotice] = useState<string>();
  const subcontractors = useSubcontractorList(list.query);
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);

  const columns: Column<SubcontractorView, SubcontractorSortField>[] = [
    {
      id: 'name',
      header: t('subcontractors.columns.name'),
      sortField: 'name',
      cell: (item) => item.name,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'employer',
      header: t('subcontractors.columns.employer'),
      cell: (item) =>
        item.enterpriseNumber
          ? formatEnterpriseNumber(item.enterpriseNumber)
          : (item.foreignVatNumber ?? '—'),
      className: 'px-3 py-2 font-mono whitespace-nowrap',
    },
    {
      id: 'contactEmail',
      header: t('subcontractors.columns.contactEmail'),
      cell: (item) => item.contactEmail ?? '—',
    },
    {
      id: 'agents',
      header: t('subcontractors.columns.agents'),
      cell: (item) => t('subcontractors.agentCount', { count: item.agentCount }),
    },
    {
      id: 'active',
      header: t('subcontractors.columns.status'),
      cell: (item) => (item.active ? t('subcontractors.active') : t('subcontractors.inactive')),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: t('subcontractors.columns.actions'),
            hiddenHeader: true,
            className: ACTIONS_CELL,
            cell: (item: SubcontractorView) => (
              <button
                type="button"
                aria-label={t('subcontractors.editLabel', { name: item.name })}
                className={ROW_ACTION}
                onClick={() => {
                  setCreating(false);
                  setNotice(undefined);
                  setEditing(item);
                }}
              >
                {t('list.edit')}
              </button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('subcontractors.title')}
        intro={canWrite ? t('subcontractors.intro') : t('subcontractors.introReadOnly')}
        action={
          <>
            {canWrite && !creating && (
              <button
                type="button"
                className={PRIMARY_BUTTON}
                onClick={() => {
                  setCreating(true);
                  setEditing(undefined);
                  setNotice(undefined);
                }}
              >
                {t('subcontractors.newSubcontractor')}
              </button>
            )}
          </>
        }
      />

      <Notice message={notice} />

      {creating && (
        <SubcontractorForm
          onDone={(created) => {
            setCreating(false);
            if (created) setNotice(t('subcontractors.created', { name: created.name }));
          }}
        />
      )}
      {editing && (
        <SubcontractorForm
          key={editing.id}
          subcontractor={editing}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) setNotice(t('subcontractors.saved', { name: saved.name }));
          }}
        />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('subcontractors.searchHint')}>
        <ActiveFilter
          label={t('subcontractors.filters.active')}
          value={list.state.filters.active}
          onChange={(value) => list.setFilter('active', value)}
        />
      </ListSearch>

      <ListResults
        query={subcontractors}
        list={list}
        labelledBy={headingId}
        columns={columns}
        rowKey={(item) => item.id}
        empty={
          filtered
            ? t('subcontractors.empty')
            : canWrite
              ? t('subcontractors.emptyStart')
              : t('subcontractors.emptyReadOnly')
        }
        minWidth="40rem"
      />
    </div>
  );
}
