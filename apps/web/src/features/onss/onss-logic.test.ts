import { describe, expect, it } from 'vitest';
import { summarizeBulk } from './bulk-result';
import { daysLeft, deadlineUrgency } from './correction-deadline';
import { onssRemarkKey, onssRemarkKeys } from './onss-remarks';
import { periodOfDays } from '../../lib/brussels-day';
import { onssListQuery } from './onss-views';

const none = { view: '', status: '', followUpStatus: '', from: '', to: '', agentId: '', siteId: '' };
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('onssListQuery', () => {
  it('turns each tab into its filter', () => {
    expect(onssListQuery({ ...none, view: 'refused' }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
      status: 'refused',
    });
    expect(onssListQuery({ ...none, view: 'pending' }, 2, 20)).toMatchObject({
      page: 2,
      status: 'registered',
    });
    expect(onssListQuery({ ...none, view: 'attention' }, 1, 20)).toMatchObject({ status: 'needs_attention' });
    expect(onssListQuery({ ...none, view: 'late' }, 1, 20)).toEqual({ page: 1, pageSize: 20, late: 'true' });
  });

  it('lets a tab’s own status win over the status filter, and ignores unknown values', () => {
    expect(onssListQuery({ ...none, view: 'refused', status: 'validated' }, 1, 20).status).toBe('refused');
    expect(onssListQuery({ ...none, status: 'validated' }, 1, 20).status).toBe('validated');
    expect(onssListQuery({ ...none, view: 'nonsense', status: 'bogus' }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
    });
  });

  it('sends the follow-up status and the period as Brussels days', () => {
    expect(
      onssListQuery({ ...none, followUpStatus: 'to_check', from: '2026-01-15', to: '2026-01-15' }, 1, 20),
    ).toEqual({
      page: 1,
      pageSize: 20,
      followUpStatus: 'to_check',
      from: '2026-01-14T23:00:00.000Z',
      to: '2026-01-15T22:59:59.999Z',
    });
  });

  it('filters on an agent and a site, and ignores ids that are not ids', () => {
    expect(onssListQuery({ ...none, agentId: id(1), siteId: id(2) }, 1, 20)).toMatchObject({
      agentId: id(1),
      siteId: id(2),
    });
    expect(onssListQuery({ ...none, agentId: 'TEST', siteId: '1' }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
    });
  });

  it('drops a malformed date, and the start of a period written backwards', () => {
    expect(periodOfDays('2026-02-30', '')).toEqual({});
    expect(periodOfDays('2026-02-10', '2026-02-01')).toEqual({ to: '2026-02-01T22:59:59.999Z' });
  });
});

describe('onssRemarkKey', () => {
  it('finds every remark ONSS writes, whatever the spaces and case', () => {
    expect(onssRemarkKey('NISS IS NOT KNOW IN THE NATIONAL REGISTER')).toBe('nissNotKnownInNationalRegister');
    expect(onssRemarkKey('COMPANY IS NOT KNOWN  AS BUILDER OR  SUBCONTRACTOR IN THIS DUC')).toBe(
      'companyNotInDuc',
    );
    expect(onssRemarkKey(' related dimona not ok ')).toBe('relatedDimonaNotOk');
    expect(onssRemarkKeys).toHaveLength(17);
  });

  it('knows nothing of a remark ONSS added since', () => {
    expect(onssRemarkKey('A NEW REMARK')).toBeUndefined();
  });
});

describe('correction deadlines', () => {
  it('counts the days left in calendar days, 0 on the last day, negative once passed', () => {
    expect(daysLeft('2026-12-01', '2026-11-29')).toBe(2);
    expect(daysLeft('2026-11-29', '2026-11-29')).toBe(0);
    expect(daysLeft('2026-11-28', '2026-11-29')).toBe(-1);
    // Across the change to winter time, still whole days.
    expect(daysLeft('2026-10-27', '2026-10-24')).toBe(3);
  });

  it('says overdue, soon or later', () => {
    expect(deadlineUrgency(-1)).toBe('overdue');
    expect(deadlineUrgency(0)).toBe('soon');
    expect(deadlineUrgency(7)).toBe('soon');
    expect(deadlineUrgency(8)).toBe('later');
  });
});

describe('summarizeBulk', () => {
  it('counts what went through and groups the refusals by code, most frequent first', () => {
    expect(
      summarizeBulk({
        results: [
          { id: id(1), ok: true },
          { id: id(2), ok: false, code: 'NOT_FOUND' },
          { id: id(3), ok: false, code: 'CONFLICT' },
          { id: id(4), ok: false, code: 'CONFLICT' },
          { id: id(5), ok: true },
        ],
      }),
    ).toEqual({
      done: 2,
      refused: [
        { code: 'CONFLICT', count: 2 },
        { code: 'NOT_FOUND', count: 1 },
      ],
    });
  });
});
