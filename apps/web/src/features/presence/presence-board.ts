import type { ExpectedAgentView, PresenceSnapshot, PresentAgentView } from '@ciao/domain';

export interface BoardFilters {
  clientId: string;
  siteId: string;
  /** Part of an agent's name or identifier. */
  q: string;
}

export interface SiteGroup {
  site: { id: string; name: string };
  present: PresentAgentView[];
  expected: ExpectedAgentView[];
}

export interface ClientGroup {
  client: { id: string; name: string };
  sites: SiteGroup[];
}

export interface BoardCounts {
  working: number;
  onBreak: number;
  /** Planned periods already started without the agent: awaited and no-shows. */
  notArrived: number;
  upcoming: number;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function matchesAgent(agent: { identifier: string; firstName: string; lastName: string }, q: string) {
  if (!q.trim()) return true;
  const wanted = fold(q.trim());
  return [agent.identifier, `${agent.firstName} ${agent.lastName}`, `${agent.lastName} ${agent.firstName}`]
    .map(fold)
    .some((value) => value.includes(wanted));
}

function matches(row: PresentAgentView | ExpectedAgentView, filters: BoardFilters) {
  return (
    (!filters.clientId || row.client.id === filters.clientId) &&
    (!filters.siteId || row.site.id === filters.siteId) &&
    matchesAgent(row.agent, filters.q)
  );
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * The board's rows kept by the filters, grouped per client then per site (by name), with the
 * counts at the top. Example: `presenceBoard(snapshot, { clientId: '', siteId: '', q: 'fatima' })`.
 */
export function presenceBoard(snapshot: PresenceSnapshot, filters: BoardFilters) {
  const present = snapshot.present.filter((row) => matches(row, filters));
  const expected = snapshot.expected.filter((row) => matches(row, filters));
  const clients = new Map<string, ClientGroup>();
  const siteOf = (row: PresentAgentView | ExpectedAgentView) => {
    let client = clients.get(row.client.id);
    if (!client) {
      client = { client: row.client, sites: [] };
      clients.set(row.client.id, client);
    }
    let site = client.sites.find((candidate) => candidate.site.id === row.site.id);
    if (!site) {
      site = { site: row.site, present: [], expected: [] };
      client.sites.push(site);
    }
    return site;
  };
  for (const row of present) siteOf(row).present.push(row);
  for (const row of expected) siteOf(row).expected.push(row);
  const groups = [...clients.values()].sort((a, b) => byName(a.client, b.client));
  for (const group of groups) group.sites.sort((a, b) => byName(a.site, b.site));
  const counts: BoardCounts = {
    working: present.filter((row) => row.state === 'working').length,
    onBreak: present.filter((row) => row.state === 'on_break').length,
    notArrived: expected.filter((row) => row.status !== 'upcoming').length,
    upcoming: expected.filter((row) => row.status === 'upcoming').length,
  };
  return { groups, counts };
}

/** The clients and sites the snapshot mentions, for the filters (sites of the chosen client only). */
export function filterChoices(snapshot: PresenceSnapshot | undefined, clientId: string) {
  const clients = new Map<string, string>();
  const sites = new Map<string, string>();
  for (const row of [...(snapshot?.present ?? []), ...(snapshot?.expected ?? [])]) {
    clients.set(row.client.id, row.client.name);
    if (!clientId || row.client.id === clientId) sites.set(row.site.id, row.site.name);
  }
  const sorted = (map: Map<string, string>) => [...map].map(([id, name]) => ({ id, name })).sort(byName);
  return { clients: sorted(clients), sites: sorted(sites) };
}

/** Who is on site in `next` and was not in `previous`: the arrivals to announce. */
export function arrivals(previous: PresenceSnapshot | undefined, next: PresenceSnapshot): PresentAgentView[] {
  if (!previous) return [];
  const known = new Set(previous.present.map((row) => row.workSessionId));
  return next.present.filter((row) => !known.has(row.workSessionId));
}

/**
 * Time elapsed since an instant, in whole minutes: `elapsed('2026-11-30T05:35:00Z', now)` ->
 * `{ hours: 1, minutes: 5 }`. Never negative (a phone a little ahead of the server).
 */
export function elapsed(since: string, now: number) {
  const total = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
