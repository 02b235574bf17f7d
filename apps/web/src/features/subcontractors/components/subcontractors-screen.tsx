import { formatEnterpriseNumber } from '@ciao/domain';
import type { SubcontractorView } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { InlineEditedListScreen } from '../../../components/list/inline-edited-list-screen';
import type { Column } from '../../../components/list';
import { useSubcontractorList } from '../hooks/use-subcontractors';
import { SubcontractorForm } from './subcontractor-form';

const subcontractorSortFields = ['name', 'createdAt'] as const;
type SubcontractorSortField = (typeof subcontractorSortFields)[number];

/** The subcontractor companies and, for roles that edit them, the creation and edit forms. */
export function SubcontractorsScreen() {
  const { t } = useTranslation();
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
  ];
  return (
    <InlineEditedListScreen
      texts="subcontractors"
      writeCapability="subcontractors.write"
      sortFields={subcontractorSortFields}
      useItems={useSubcontractorList}
      columns={columns}
      newLabel={t('subcontractors.newSubcontractor')}
      renderForm={({ item, onDone }) => <SubcontractorForm subcontractor={item} onDone={onDone} />}
      minWidth="40rem"
    />
  );
}
