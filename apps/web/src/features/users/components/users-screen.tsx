import { roles } from '@ciao/domain';
import type { UserView } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIONS_CELL,
  ListResults,
  ListSearch,
  Notice,
  ROW_ACTION,
  ScreenHeader,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { useUserList } from '../hooks/use-users';
import { CreateUserForm } from './create-user-form';
import { UserActions } from './user-actions';

const userSortFields = ['login', 'displayName', 'role', 'lastLoginAt', 'createdAt'] as const;
type UserSortField = (typeof userSortFields)[number];

/** The users list (search, pages), the creation form and one user's administration. */
export function UsersScreen() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const list = useListState({
    sortFields: userSortFields,
    defaultSort: 'login',
    filters: ['role', 'active'],
  });
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<UserView>();
  const [notice, setNotice] = useState<string>();
  const users = useUserList(list.query);
  // The list's copy is the freshest; a user just created may be on another page.
  const selected = users.data?.items.find((user) => user.id === picked?.id) ?? picked;

  const columns: Column<UserView, UserSortField>[] = [
    {
      id: 'login',
      header: t('users.columns.login'),
      sortField: 'login',
      cell: (user) => user.login,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'name',
      header: t('users.columns.name'),
      sortField: 'displayName',
      cell: (user) => user.displayName,
    },
    {
      id: 'role',
      header: t('users.columns.role'),
      sortField: 'role',
      cell: (user) => t(`roles.${user.role}`),
    },
    {
      id: 'status',
      header: t('users.columns.status'),
      cell: (user) => (user.active ? t('users.active') : t('users.inactive')),
    },
    {
      id: 'secondFactor',
      header: t('users.columns.secondFactor'),
      cell: (user) => (user.secondFactorEnabled ? t('users.on') : t('users.off')),
    },
    {
      id: 'lastLogin',
      header: t('users.columns.lastLogin'),
      sortField: 'lastLoginAt',
      cell: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.never')),
    },
    {
      id: 'actions',
      header: t('users.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (user) => (
        <button
          type="button"
          aria-label={t('users.manageLabel', { login: user.login })}
          className={ROW_ACTION}
          onClick={() => {
            setPicked(user);
            setNotice(undefined);
          }}
        >
          {t('users.manage')}
        </button>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('users.title')}
        intro={t('users.intro')}
        action={
          <>
            {!creating && (
              <button
                type="button"
                className={PRIMARY_BUTTON}
                onClick={() => {
                  setCreating(true);
                  setNotice(undefined);
                }}
              >
                {t('users.newUser')}
              </button>
            )}
          </>
        }
      />

      <Notice message={notice} />

      {creating && (
        <CreateUserForm
          onDone={(created) => {
            setCreating(false);
            if (created) {
              setNotice(t('users.create.created', { login: created.login }));
              setPicked(created);
            }
          }}
        />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('users.searchHint')}>
        <SelectField
          label={t('users.columns.role')}
          value={list.state.filters.role}
          onChange={(event) => list.setFilter('role', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
          ]}
        />
        <SelectField
          label={t('users.columns.status')}
          value={list.state.filters.active}
          onChange={(event) => list.setFilter('active', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
      </ListSearch>

      {selected && (
        <UserActions
          key={selected.id}
          user={selected}
          onClose={() => setPicked(undefined)}
          onChanged={setPicked}
        />
      )}

      <ListResults
        query={users}
        list={list}
        labelledBy={headingId}
        columns={columns}
        rowKey={(user) => user.id}
        empty={t('users.empty')}
        total={(count) => t('users.total', { count })}
        minWidth="40rem"
      />
    </div>
  );
}
