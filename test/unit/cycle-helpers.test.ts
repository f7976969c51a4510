import { describe, expect, it } from 'vitest';
import { agendaWindow } from '../../shared/domain/cycle/meeting';
import { monthToOpen } from '../../shared/domain/cycle/opener-event';
import { hasBackToBack, hostingCounts } from '../../shared/domain/cycle/rotation';
import { planKeepingMonths } from '../../shared/domain/cycle/rotation-regeneration';

describe('monthToOpen', () => {
  it('opens the Vietnam month of the scheduled time, not the UTC one', () => {
    expect(monthToOpen({ scheduledTime: '2026-11-30T17:30:00Z' }, new Date('2026-11-15T00:00:00Z'))).toBe('2026-12');
  });

  it('keys on the scheduled time even when the attempt runs later', () => {
    expect(monthToOpen({ scheduledTime: '2027-02-01T00:00:00Z' }, new Date('2027-03-02T00:00:00Z'))).toBe('2027-02');
  });

  it('falls back to the current Vietnam month without a scheduled time', () => {
    expect(monthToOpen({}, new Date('2027-04-30T18:00:00Z'))).toBe('2027-05');
    expect(monthToOpen(undefined, new Date('2027-04-30T16:00:00Z'))).toBe('2027-04');
  });

  it('refuses a scheduled time that is not an ISO instant', () => {
    expect(() => monthToOpen({ scheduledTime: 'tomorrow' }, new Date())).toThrow();
  });
});

describe('agendaWindow', () => {
  const now = new Date('2027-03-06T02:00:00Z');

  it('runs from the latest earlier close to now while the meeting is open', () => {
    const earlier = [{ closedAt: '2027-01-07T09:00:00.000Z' }, { closedAt: '2027-02-08T09:00:00.000Z' }, {}];
    expect(agendaWindow({}, earlier, now)).toEqual({ since: '2027-02-08T09:00:00.000Z', until: now.toISOString() });
  });

  it('ends at the meeting’s own close once it is closed, ignoring later closes', () => {
    const window = agendaWindow(
      { closedAt: '2027-03-07T10:00:00.000Z' },
      [{ closedAt: '2027-02-08T09:00:00.000Z' }, { closedAt: '2027-03-08T09:00:00.000Z' }],
      now,
    );
    expect(window).toEqual({ since: '2027-02-08T09:00:00.000Z', until: '2027-03-07T10:00:00.000Z' });
  });

  it('has no start for a zone’s first closed meeting', () => {
    expect(agendaWindow({}, [{}], now)).toEqual({ until: now.toISOString() });
  });
});

describe('planKeepingMonths', () => {
  const communeIds = ['a', 'b', 'c', 'd'];

  it('keeps the host of every month whose meeting exists, whatever the wishes say', () => {
    const kept = new Map([
      [1, 'c'],
      [2, 'a'],
    ]);
    const plan = planKeepingMonths({ year: 2027, communeIds, wishes: [{ communeId: 'b', months: [1, 2, 5] }] }, kept);
    expect(plan.hosts.slice(0, 2)).toEqual(['c', 'a']);
    expect(plan.hosts[4]).toBe('b');
  });

  it('balances the rest of the year around the kept months', () => {
    const kept = new Map([
      [1, 'a'],
      [2, 'b'],
      [3, 'a'],
    ]);
    const plan = planKeepingMonths({ year: 2027, communeIds, wishes: [] }, kept);
    const counts = [...hostingCounts(plan, communeIds).values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(hasBackToBack(plan)).toBe(false);
  });
});
