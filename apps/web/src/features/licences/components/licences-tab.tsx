import type { LicenceSummary } from '@ciao/domain';
import { formatDate, formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  ListResults,
  ListSearch,
  Notice,
  ROW_ACTION,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { useLicenceList } from '../hooks/use-licences';
import { licenceValidUntil } from '../licence-form-values';
import { CreateLicenceForm } from './create-licence-form';
import { LicenceStatusBadge } from './licence-status-badge';
import { NewLicenceCode } from './new-licence-code';
import { RevokeLicence } from './revoke-licence';

const sortFields = ['createdAt', 'label', 'expiresAt', 'maxDevices'] as const;
type LicenceSort = (typeof sortFields)[number];

/** The company's licence codes: search, status, and for administrators creation and revocation. */
export function LicencesTab() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const canWrite = useSignedIn().capabilities.includes('licences.write');
  const list = useListState({
    sortFields,
    defaultSort: 'createdAt',
    defaultOrder: 'desc',
    filters: ['status'],
  });
  const licences = useLicenceList(list.query);
  const [creating, setCreating] = useState(false);
  const [newCode, setNewCode] = useState<{ code: string; licence: LicenceSummary }>();
  const [revoking, setRevoking] = useState<LicenceSummary>();
  const [notice, setNotice] = useState<string>();
  const filtered = list.state.q !== '' || list.state.filters.status !== '';

  const columns: Column<LicenceSummary, LicenceSort>[] = [
    {
      id: 'label',
      header: t('licences.columns.label'),
      sortField: 'label',
      cell: (licence) => licence.label ?? <span className="text-slate-500">{t('licences.noLabel')}</span>,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'code',
      header: t('licences.columns.code'),
      cell: (licence) => <span className="font-mono">{`…${licence.codeHint}`}</span>,
    },
    {
      id: 'status',
      header: t('licences.columns.status'),
      cell: (licence) => <LicenceStatusBadge status={licence.status} />,
    },
    {
      id: 'devices',
      header: t('licences.columns.devices'),
      sortField: 'maxDevices',
      cell: (licence) => t('licences.deviceUse', { active: licence.activeDevices, max: licence.maxDevices }),
    },
    {
      id: 'expiresAt',
      header: t('licences.columns.expiresAt'),
      sortField: 'expiresAt',
      cell: (licence) => {
        if (!licence.expiresAt) return t('licences.noExpiry');
        const until = licenceValidUntil(licence.expiresAt);
        return 'lastDay' in until
          ? formatDate(until.lastDay, i18n.language)
          : formatDateTime(until.instant, i18n.language);
      },
    },
    {
      id: 'createdAt',
      header: t('licences.columns.createdAt'),
      sortField: 'createdAt',
      cell: (licence) => formatDate(licence.createdAt, i18n.language),
    },
    {
      id: 'actions',
      header: t('licences.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (licence) => (
        <>
          <Link
            to={`/licences/devices?licenceId=${licence.id}`}
            className={`${ROW_ACTION} inline-flex items-center`}
            aria-label={t('licences.devicesOfLabel', { hint: licence.codeHint })}
          >
            {t('licences.devicesOf')}
          </Link>
          {canWrite && licence.status !== 'revoked' && (
            <button
              type="button"
              className={ROW_ACTION}
              aria-label={t('licences.revokeLabel', { hint: licence.codeHint })}
              onClick={() => {
                setNotice(undefined);
                setRevoking(licence);
              }}
            >
              {t('licences.revoke')}
            </button>
          )}
        </>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <p className="max-w-prose text-slate-700">
          {canWrite ? t('licences.licencesIntro') : t('licences.licencesIntroReadOnly')}
        </p>
        {canWrite && !creating && (
          <button
            type="button"
            className={PRIMARY_BUTTON}
            onClick={() => {
              setCreating(true);
              setNewCode(undefined);
              setNotice(undefined);
            }}
          >
            {t('licences.newLicence')}
          </button>
        )}
      </div>

      <Notice message={notice} />
      {newCode && (
        <NewLicenceCode code={newCode.code} licence={newCode.licence} onClose={() => setNewCode(undefined)} />
      )}
      {creating && (
        <CreateLicenceForm
          onDone={(created) => {
            setCreating(false);
            if (created) setNewCode(created);
          }}
        />
      )}
      {revoking && (
        <RevokeLicence
          licence={revoking}
          onDone={(revoked) => {
            const hint = revoking.codeHint;
            setRevoking(undefined);
            if (!revoked) return;
            setNotice(
              revoked.keptDevices
                ? t('licences.revokedKeepingDevices', { hint })
                : t('licences.revoked', { hint, count: revoked.revokedDevices }),
            );
          }}
        />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('licences.searchHint')}>
        <SelectField
          label={t('licences.columns.status')}
          value={list.state.filters.status}
          onChange={(event) => list.setFilter('status', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            { value: 'active', label: t('licences.status.active') },
            { value: 'expired', label: t('licences.status.expired') },
            { value: 'revoked', label: t('licences.status.revoked') },
          ]}
        />
      </ListSearch>

      <ListResults
        query={licences}
        list={list}
        labelledBy={headingId}
        hiddenTitle={t('licences.tabs.licences')}
        columns={columns}
        rowKey={(licence) => licence.id}
        empty={
          filtered ? t('licences.empty') : canWrite ? t('licences.emptyStart') : t('licences.emptyReadOnly')
        }
        total={(count) => t('licences.total', { count })}
      />
    </div>
  );
}
