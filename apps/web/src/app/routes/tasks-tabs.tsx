import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const TAB = 'inline-flex min-h-11 items-center border-b-4 px-3 font-semibold';

/** The two tabs of the tasks screen: the tasks, and the groups that file them. */
export function TasksTabs() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/tasks', label: t('tasks.tab') },
    { to: '/tasks/groups', label: t('taskGroups.tab') },
  ];
  return (
    <nav aria-label={t('tasks.tabsLabel')} className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end
              className={({ isActive }) =>
                `${TAB} ${isActive ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-700 hover:border-slate-300'}`
              }
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
