import type { PresenceSnapshot } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { arrivals, elapsed, filterChoices, presenceBoard } from './presence-board';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const agent = (n: number, firstName: string) => ({
  id: uuid(n),
  identifier: `A${n}`,
  firstName,
  lastName: 'Peeters',
});
const places = {
  louise: { site: { id: uuid(101), name: 'Louise 231' }, client: { id: uuid(201), name: 'Immo Louise' } },
  atrium: { site: { id: uuid(102), name: 'Atrium' }, client: { id: uuid(201), name: 'Immo Louise' } },
  gare: { site: { id: uuid(103), name: 'Gare du Midi' }, client: { id: uuid(202), name: 'Axa' } },
};
const task = { id: uuid(301), name: 'Morning cleaning' };

const snapshot: PresenceSnapshot = {
  asOf: '2026-11-30T06:00:00.000Z',
  date: '2026-11-30',
  timeZone: 'Europe/Brussels',
  present: [
    {
      workSessionId: uuid(1),
      agent: agent(1, 'Fatima'),
      task,
      ...places.louise,
      state: 'working',
      since: '2026-11-30T05:35:00.000Z',
      arrivedAt: '2026-11-30T05:35:00.000Z',
    },
    {
      workSessionId: uuid(2),
      agent: agent(2, 'Éric'),
      task,
      ...places.gare,
      state: 'on_break',
      since: '2026-11-30T05:50:00.000Z',
      arrivedAt: '2026-11-30T05:00:00.000Z',
    },
  ],
  expected: [
    {
      agent: agent(3, 'Chloé'),
      task,
      ...places.atrium,
      plannedStart: '2026-11-30T05:00:00.000Z',
      plannedEnd: '2026-11-30T08:00:00.000Z',
      status: 'no_show',
    },
    {
      agent: agent(4, 'Daan'),
      task,
      ...places.louise,
      plannedStart: '2026-11-30T07:00:00.000Z',
      plannedEnd: '2026-11-30T09:00:00.000Z',
      status: 'upcoming',
    },
  ],
};

describe('the presence board', () => {
  it('groups per client then site by name, and counts', () => {
    const { groups, counts } = presenceBoard(snapshot, { clientId: '', siteId: '', q: '' });
    expect(groups.map((group) => [group.client.name, group.sites.map((site) => site.site.name)])).toEqual([
      ['Axa', ['Gare du Midi']],
      ['Immo Louise', ['Atrium', 'Louise 231']],
    ]);
    expect(groups[1]!.sites[1]!.present.map((row) => row.agent.firstName)).toEqual(['Fatima']);
    expect(groups[1]!.sites[1]!.expected.map((row) => row.agent.firstName)).toEqual(['Daan']);
    expect(counts).toEqual({ working: 1, onBreak: 1, notArrived: 1, upcoming: 1 });
  });

  it('filters by client, site and an agent searched without accents', () => {
    const byClient = presenceBoard(snapshot, { clientId: uuid(202), siteId: '', q: '' });
    expect(byClient.groups.map((group) => group.client.name)).toEqual(['Axa']);
    const bySite = presenceBoard(snapshot, { clientId: '', siteId: uuid(102), q: '' });
    expect(bySite.counts).toEqual({ working: 0, onBreak: 0, notArrived: 1, upcoming: 0 });
    const byName = presenceBoard(snapshot, { clientId: '', siteId: '', q: 'eric' });
    expect(byName.groups.flatMap((group) => group.sites.flatMap((site) => site.present))).toHaveLength(1);
    expect(presenceBoard(snapshot, { clientId: '', siteId: '', q: 'A4' }).counts.upcoming).toBe(1);
  });

  it("offers the chosen client's sites only", () => {
    expect(filterChoices(snapshot, uuid(201)).sites.map((site) => site.name)).toEqual([
      'Atrium',
      'Louise 231',
    ]);
    expect(filterChoices(snapshot, '').clients.map((client) => client.name)).toEqual(['Axa', 'Immo Louise']);
    expect(filterChoices(undefined, '')).toEqual({ clients: [], sites: [] });
  });

  it('announces only the agents who arrived since the previous snapshot', () => {
    expect(arrivals(undefined, snapshot)).toEqual([]);
    const before = { ...snapshot, present: snapshot.present.slice(1) };
    expect(arrivals(before, snapshot).map((row) => row.agent.firstName)).toEqual(['Fatima']);
  });

  it('counts the time since an instant in hours and minutes, never below zero', () => {
    const now = Date.parse('2026-11-30T06:40:30.000Z');
    expect(elapsed('2026-11-30T05:35:00.000Z', now)).toEqual({ hours: 1, minutes: 5 });
    expect(elapsed('2026-11-30T06:41:00.000Z', now)).toEqual({ hours: 0, minutes: 0 });
  });
});
