import type { DeviceSummary } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useDeviceList, useLicenceList, useLicenceMutations } from '../hooks/use-licences';
import { LicenceStatusBadge } from './licence-status-badge';
import { DangerConfirmation } from '../../../components/danger-confirmation';

const sortFields = ['activatedAt', 'lastSeenAt', 'appVersion', 'platform'] as const;
type DeviceSort = (typeof sortFields)[number];
const platforms = ['android', 'ios', 'web', 'other'] as const;

/** The phones activated with the company's codes: whose, which app version, last seen; revocation. */
export function DevicesTab() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const canWrite = useSignedIn().capabilities.includes('licences.write');
  const list = useListState({
    sortFields,
    defaultSort: 'activatedAt',
    defaultOrder: 'desc',
    filters: ['licenceId', 'status', 'platform'],
  });
  const devices = useDeviceList(list.query);
  const licences = useLicenceList({ pageSize: 200, sort: 'createdAt', order: 'desc' });
  const { revokeDevice } = useLicenceMutations();
  const [revoking, setRevoking] = useState<DeviceSummary>();
  const [notice, setNotice] = useState<string>();
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);

  const agentName = (device: DeviceSummary) =>
    device.lastAgent
      ? `${device.lastAgent.lastName} ${device.lastAgent.firstName} (${device.lastAgent.identifier})`
      : t('licences.devices.noAgent');

  const columns: Column<DeviceSummary, DeviceSort>[] = [
    {
      id: 'agent',
      header: t('licences.devices.columns.agent'),
      cell: agentName,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'platform',
      header: t('licences.devices.columns.platform'),
      sortField: 'platform',
      cell: (device) => (device.platform ? t(`licences.devices.platforms.${device.platform}`) : '—'),
    },
    {
      id: 'appVersion',
      header: t('licences.devices.columns.appVersion'),
      sortField: 'appVersion',
      cell: (device) => device.appVersion ?? '—',
    },
    {
      id: 'licence',
      header: t('licences.devices.columns.licence'),
      cell: (device) => `${device.licence.label ?? ''} …${device.licence.codeHint}`.trim(),
    },
    {
      id: 'activatedAt',
      header: t('licences.devices.columns.activatedAt'),
      sortField: 'activatedAt',
      cell: (device) => formatDateTime(device.activatedAt, i18n.language),
    },
    {
      id: 'lastSeenAt',
      header: t('licences.devices.columns.lastSeenAt'),
      sortField: 'lastSeenAt',
      cell: (device) =>
        device.lastSeenAt
          ? formatDateTime(device.lastSeenAt, i18n.language)
          : t('licences.devices.neverSeen'),
    },
    {
      id: 'status',
      header: t('licences.columns.status'),
      cell: (device) => <LicenceStatusBadge status={device.revokedAt ? 'revoked' : 'active'} />,
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: t('licences.columns.actions'),
            hiddenHeader: true,
            className: ACTIONS_CELL,
            cell: (device: DeviceSummary) =>
              device.revokedAt ? null : (
                <button
                  type="button"
                  className={ROW_ACTION}
                  aria-label={t('licences.devices.revokeLabel', { agent: agentName(device) })}
                  onClick={() => {
                    setNotice(undefined);
                    revokeDevice.reset();
                    setRevoking(device);
                  }}
                >
                  {t('licences.revoke')}
                </button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      <p className="max-w-prose text-slate-700">{t('licences.devices.intro')}</p>
      <Notice message={notice} />
      {revoking && (
        <DangerConfirmation
          title={t('licences.devices.revokeTitle')}
          explanation={t('licences.devices.revokeExplain', { agent: agentName(revoking) })}
          confirmLabel={t('licences.devices.revokeConfirm')}
          operation={revokeDevice}
          onConfirm={() =>
            revokeDevice.mutate(revoking.id, {
              onSuccess: () => {
                setNotice(t('licences.devices.revoked', { agent: agentName(revoking) }));
                setRevoking(undefined);
              },
            })
          }
          onCancel={() => setRevoking(undefined)}
        />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('licences.devices.searchHint')}>
        <SelectField
          label={t('licences.devices.columns.licence')}
          value={list.state.filters.licenceId}
          onChange={(event) => list.setFilter('licenceId', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...(licences.data?.items ?? []).map((licence) => ({
              value: licence.id,
              label: `${licence.label ?? ''} …${licence.codeHint}`.trim(),
            })),
          ]}
        />
        <SelectField
          label={t('licences.columns.status')}
          value={list.state.filters.status}
          onChange={(event) => list.setFilter('status', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            { value: 'active', label: t('licences.status.active') },
            { value: 'revoked', label: t('licences.status.revoked') },
          ]}
        />
        <SelectField
          label={t('licences.devices.columns.platform')}
          value={list.state.filters.platform}
          onChange={(event) => list.setFilter('platform', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...platforms.map((platform) => ({
              value: platform,
              label: t(`licences.devices.platforms.${platform}`),
            })),
          ]}
        />
      </ListSearch>

      <ListResults
        query={devices}
        list={list}
        labelledBy={headingId}
        hiddenTitle={t('licences.tabs.devices')}
        columns={columns}
        rowKey={(device) => device.id}
        empty={filtered ? t('licences.devices.empty') : t('licences.devices.emptyStart')}
        total={(count) => t('licences.devices.total', { count })}
      />
    </div>
  );
}
