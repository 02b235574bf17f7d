import { describe, expect, it } from 'vitest';
import { lastCompleteWeek, resolvePeriod, weekWithin } from './analytics-period';
import { anomaliesLink, hoursLink, onssLink, plannedLink } from './drill-down';

const none = { period: '', month: '', from: '', to: '' };
const today = '2026-11-29'; // a Sunday

describe('the analytics period', () => {
  it('covers the last 4 or 12 whole weeks up to today, this week included', () => {
    expect(resolvePeriod(none, today)).toMatchObject({ choice: '4w', from: '2026-11-02', to: today });
    expect(resolvePeriod({ ...none, period: '12w' }, '2026-11-25')).toMatchObject({
      from: '2026-09-07',
      to: '2026-11-25',
    });
  });

  it('shows a month up to today, a past month whole', () => {
    expect(resolvePeriod({ ...none, period: 'month', month: '2026-11' }, '2026-11-18')).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-18',
    });
    expect(resolvePeriod({ ...none, period: 'month', month: '2026-02' }, today)).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(resolvePeriod({ ...none, period: 'month', month: '13-2026' }, today).month).toBe('2026-11');
  });

  it('takes a custom period as typed, and says why it does not', () => {
    expect(resolvePeriod({ ...none, period: 'custom', from: '2026-03-16', to: '2026-04-05' }, today)).toEqual(
      {
        choice: 'custom',
        month: '2026-11',
        from: '2026-03-16',
        to: '2026-04-05',
      },
    );
    expect(
      resolvePeriod({ ...none, period: 'custom', from: '2026-04-05', to: '2026-03-16' }, today),
    ).toMatchObject({
      invalid: 'order',
      from: '2026-11-02',
    });
    expect(resolvePeriod({ ...none, period: 'custom', from: '2024-01-01', to: today }, today).invalid).toBe(
      'length',
    );
    expect(resolvePeriod({ ...none, period: 'custom', from: '2026-02-30', to: today }, today).invalid).toBe(
      'dates',
    );
  });

  it('clips a chart week to the period', () => {
    expect(weekWithin('2026-10-26', { from: '2026-10-28', to: '2026-11-29' })).toEqual({
      from: '2026-10-28',
      to: '2026-11-01',
    });
  });
});

describe('the drill-down links', () => {
  const period = { from: '2026-11-02', to: '2026-11-29' };
  const filters = { clientId: '', siteId: '', siteLabel: '' };
  const site = { clientId: '', siteId: 'site-1', siteLabel: 'Meir 50' };

  it('opens a client’s registrations, a site’s or an agent’s timesheets of that week', () => {
    expect(hoursLink('client', { id: 'c1' }, '2026-11-09', period, filters)).toBe(
      '/registrations?from=2026-11-09&to=2026-11-15&clientId=c1',
    );
    expect(hoursLink('site', { id: 's1' }, '2026-11-09', period, filters)).toBe(
      '/work-sessions?week=2026-11-09&siteId=s1',
    );
    expect(hoursLink('agent', { id: 'a1' }, '2026-11-09', period, site)).toBe(
      '/work-sessions?week=2026-11-09&siteId=site-1&agentId=a1',
    );
    expect(hoursLink('agent', { id: null }, '2026-11-09', period, filters)).toBe(
      '/work-sessions?week=2026-11-09',
    );
  });

  it('keeps the screen’s site on the planned, ONSS and anomaly lists', () => {
    expect(plannedLink('2026-11-23', site)).toBe('/work-sessions?week=2026-11-23&siteId=site-1');
    expect(onssLink('2026-11-23', period, site)).toBe(
      '/onss?from=2026-11-23&to=2026-11-29&siteId=site-1&siteLabel=Meir+50',
    );
    expect(anomaliesLink('2026-11-02', 'NO_SHOW', period, filters)).toBe(
      '/anomalies?type=NO_SHOW&from=2026-11-02&to=2026-11-08',
    );
  });
});

describe('the headline week', () => {
  it('is the last week that is over, not the one under way', () => {
    expect(lastCompleteWeek(['2026-11-09', '2026-11-16', '2026-11-23'], '2026-11-29')).toBe(1);
    expect(lastCompleteWeek(['2026-11-09', '2026-11-16'], '2026-11-29')).toBe(1);
    expect(lastCompleteWeek(['2026-11-23'], '2026-11-25')).toBe(0);
    expect(lastCompleteWeek([], '2026-11-25')).toBe(-1);
  });
});
