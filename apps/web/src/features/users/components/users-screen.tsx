import type { UserView } from '@ciao/domain';
import { RequestErrorMessage, formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { useUserList } from '../hooks/use-users';
import { CreateUserForm } from './create-user-form';
import { UserActions } from './user-actions';

const PAGE_SIZE = 20;

/** The users list (search, pages), the creation form and one user's administration. */
export function UsersScreen() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const [params, setParams] = useState({ q: '', page: 1, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<UserView>();
  const [notice, setNotice] = useState<string>();
  const list = useUserList(params);

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  // The list's copy is the freshest; a user just created may be on another page.
  const selected = list.data?.items.find((user) => user.id === picked?.id) ?? picked;

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams({ ...params, q: search, page: 1 });
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id={headingId} className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {t('users.title')}
          </h1>
          <p className="mt-2 max-w-prose text-slate-700">{t('users.intro')}</p>
        </div>
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
      </div>

      <div aria-live="polite">
        {notice && (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            {notice}
          </p>
        )}
      </div>

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

      <form role="search" onSubmit={submitSearch} className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          label={t('users.search')}
          placeholder={t('users.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <button type="submit" className={SECONDARY_BUTTON}>
          {t('users.searchSubmit')}
        </button>
      </form>

      {selected && (
        <UserActions
          key={selected.id}
          user={selected}
          onClose={() => setPicked(undefined)}
          onChanged={setPicked}
        />
      )}

      {list.isPending && (
        <p role="status" className="text-slate-700">
          {t('users.loading')}
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
          <p className="text-sm text-slate-600">{t('users.total', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? (
            <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
              {t('users.empty')}
            </p>
          ) : (
            <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t('users.columns.login')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('users.columns.name')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('users.columns.role')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('users.columns.status')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('users.columns.secondFactor')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('users.columns.lastLogin')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">{t('users.columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((user) => (
                    <tr key={user.id} className="border-t border-slate-200">
                      <td className="px-3 py-2 font-medium">{user.login}</td>
                      <td className="px-3 py-2">{user.displayName}</td>
                      <td className="px-3 py-2">{t(`roles.${user.role}`)}</td>
                      <td className="px-3 py-2">{user.active ? t('users.active') : t('users.inactive')}</td>
                      <td className="px-3 py-2">
                        {user.secondFactorEnabled ? t('users.on') : t('users.off')}
                      </td>
                      <td className="px-3 py-2">
                        {user.lastLoginAt
                          ? formatDateTime(Date.parse(user.lastLoginAt), i18n.language)
                          : t('users.never')}
                      </td>
                      <td className="px-3 py-1 text-right">
                        <button
                          type="button"
                          aria-label={t('users.manageLabel', { login: user.login })}
                          className="min-h-11 rounded-md px-3 font-semibold text-brand-700 underline hover:bg-brand-50"
                          onClick={() => {
                            setPicked(user);
                            setNotice(undefined);
                          }}
                        >
                          {t('users.manage')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav
              aria-label={t('users.pageOf', { page: params.page, pages })}
              className="flex flex-wrap items-center gap-3"
            >
              <button
                type="button"
                className={SECONDARY_BUTTON}
                disabled={params.page <= 1}
                onClick={() => setParams({ ...params, page: params.page - 1 })}
              >
                {t('users.previous')}
              </button>
              <span className="text-sm text-slate-700">
                {t('users.pageOf', { page: params.page, pages })}
              </span>
              <button
                type="button"
                className={SECONDARY_BUTTON}
                disabled={params.page >= pages}
                onClick={() => setParams({ ...params, page: params.page + 1 })}
              >
                {t('users.next')}
              </button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
