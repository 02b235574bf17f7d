import type { PresenceSnapshot } from '@ciao/domain';
import { formatTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, ListSearch, ListStatus, ScreenHeader } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { usePresenceSnapshot, usePresenceStream, useNow, type StreamStatus } from '../hooks/use-presence';
import { arrivals, filterChoices, presenceBoard } from '../presence-board';
import { PresenceSite } from './presence-site';

const indicator: Record<StreamStatus, { dot: string; box: string }> = {
  live: { dot: 'bg-green-600', box: 'border-green-300 bg-green-50 text-green-900' },
  connecting: { dot: 'bg-slate-500', box: 'border-slate-300 bg-slate-50 text-slate-800' },
  reconnecting: { dot: 'bg-amber-600', box: 'border-amber-300 bg-amber-50 text-amber-900' },
};

function ConnectionIndicator({ status }: { status: StreamStatus }) {
  const { t } = useTranslation();
  const style = indicator[status];
  return (
    <p
      role="status"
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium ${style.box}`}
    >
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${style.dot}`} />
      {t(`presence.connection.${status}`)}
    </p>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold text-slate-900">{value}</dd>
    </div>
  );
}

/**
 * `/presence`: the live board. Per client and site, who is on site (working or on break, since
 * when) and who is planned but has not arrived; counts at the top; filters in the address bar;
 * updated by the presence stream without reloading, arrivals announced politely to screen readers.
 */
export function PresenceScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const headingId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = {
    clientId: searchParams.get('client') ?? '',
    siteId: searchParams.get('site') ?? '',
    q: searchParams.get('q') ?? '',
  };
  const setParam = (name: string, value: string, reset: string[] = []) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      for (const other of reset) next.delete(other);
      return next;
    });

  const snapshot = usePresenceSnapshot();
  const status = usePresenceStream();
  const now = useNow();

  // Arrivals since the last snapshot, announced once (not the whole board on every change).
  const [shown, setShown] = useState<PresenceSnapshot | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  if (snapshot.data && snapshot.data !== shown) {
    const arrived = arrivals(shown, snapshot.data);
    setShown(snapshot.data);
    const [first] = arrived;
    if (first) {
      const name = `${first.agent.firstName} ${first.agent.lastName}`;
      setAnnouncement(
        arrived.length === 1
          ? t('presence.announce.one', { name, site: first.site.name })
          : t('presence.announce.many', { count: arrived.length, name, site: first.site.name }),
      );
    }
  }

  const choices = filterChoices(snapshot.data, filters.clientId);
  const board = snapshot.data ? presenceBoard(snapshot.data, filters) : undefined;
  const all = { value: '', label: t('list.all') };
  const filtered = Boolean(filters.clientId || filters.siteId || filters.q);

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('presence.title')}
        intro={t('presence.intro')}
        action={<ConnectionIndicator status={status} />}
      />
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>

      {board && (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Count label={t('presence.counts.working')} value={board.counts.working} />
          <Count label={t('presence.counts.onBreak')} value={board.counts.onBreak} />
          <Count label={t('presence.counts.notArrived')} value={board.counts.notArrived} />
          <Count label={t('presence.counts.upcoming')} value={board.counts.upcoming} />
        </dl>
      )}

      <ListSearch value={filters.q} onSearch={(q) => setParam('q', q)} hint={t('presence.searchHint')}>
        <SelectField
          className="min-w-40"
          label={t('presence.filters.client')}
          value={filters.clientId}
          onChange={(event) => setParam('client', event.target.value, ['site'])}
          options={[all, ...choices.clients.map((client) => ({ value: client.id, label: client.name }))]}
        />
        <SelectField
          className="min-w-40"
          label={t('presence.filters.site')}
          value={filters.siteId}
          onChange={(event) => setParam('site', event.target.value)}
          options={[all, ...choices.sites.map((site) => ({ value: site.id, label: site.name }))]}
        />
      </ListSearch>

      <ListStatus
        isPending={snapshot.isPending}
        error={snapshot.error}
        onRetry={() => void snapshot.refetch()}
      />
      {snapshot.data && (
        <p className="text-sm text-slate-600">
          {t('presence.asOf', { time: formatTime(snapshot.data.asOf, language, { seconds: true }) })}
        </p>
      )}
      {board && board.groups.length === 0 && (
        <EmptyState>{filtered ? t('presence.emptyFiltered') : t('presence.empty')}</EmptyState>
      )}
      {board?.groups.map((group) => (
        <section key={group.client.id} aria-label={group.client.name} className="space-y-3">
          <h2 className="text-xl font-semibold text-slate-900">{group.client.name}</h2>
          <div className="grid gap-3 lg:grid-cols-2">
            {group.sites.map((site) => (
              <PresenceSite key={site.site.id} group={site} now={now} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
