/** The resolution figures' filters and shares, from hand-made counters and overdue entries. */
import { describe, expect, it } from 'vitest';
import type { OverdueWatch } from '../../shared/domain/stats/overdue-watch';
import type { MonthZoneCounts } from '../../shared/domain/stats/proposal-counts';
import { histogramMedian, resolutionFigures } from '../../shared/domain/stats/resolution';

const names = {
  zones: new Map<string, string>(),
  communes: new Map([['gia-tan', 'Xã Gia Tân']]),
  departments: new Map([['phong-2', 'Phòng Tài chính']]),
};

const items: MonthZoneCounts[] = [
  {
    month: '2027-03',
    zoneId: 'khu-2',
    counts: new Map([
      ['c|gia-tan|agriculture|closed|district|district', 2],
      ['c|gia-tan|agriculture|answered|district|district', 1],
      ['c|gia-tan|land|raised|-|district', 1],
      ['d|phong-2|agriculture', 3],
      ['s|agriculture', 1],
      ['s|land', 1],
      ['a|agriculture|on-time', 1],
      ['a|agriculture|late', 3],
      ['a|land|on-time', 2],
      ['r|agriculture', 6],
      ['h|agriculture|4', 1],
      ['h|agriculture|9', 3],
      ['h|land|1', 2],
      ['revision', 12],
    ]),
  },
  {
    month: '2027-03',
    zoneId: 'khu-10',
    counts: new Map([
      ['c|gia-luong|policy|closed|district|district', 4],
      ['s|policy', 2],
      ['a|policy|late', 1],
    ]),
  },
];

const range = { from: '2027-03', to: '2027-04' };

const watch = (
  proposalId: string,
  holder: OverdueWatch['holder'],
  unitId: string,
  change: Partial<OverdueWatch> = {},
) => ({
  overdueFrom: '2027-04-06',
  proposalId,
  holder,
  unitId,
  month: '2027-03',
  zoneId: 'khu-2',
  field: 'agriculture',
  ...change,
});

const watches: OverdueWatch[] = [
  watch('p1', 'department', 'phong-10'),
  watch('p1', 'department', 'phong-2'),
  watch('p2', 'commune', 'gia-tan', { field: 'land' }),
  watch('p3', 'department', 'phong-2', { month: '2027-05' }),
  watch('p4', 'department', 'phong-2', { month: '2027-02' }),
  watch('p5', 'department', 'phong-2', { zoneId: 'khu-10' }),
];

const figures = (filter: { zoneId?: string; field?: 'agriculture' | 'land' }) =>
  resolutionFigures(items, { asOf: '2027-04-10', watches }, range, filter, names);

describe('the resolution figures', () => {
  it('count closed, answered and solved proposals and the accepted answers of the whole district', () => {
    expect(figures({})).toMatchObject({
      closed: { count: 6, share: 0.75 },
      answered: { count: 7, share: 0.875 },
      solvedInFact: { count: 4, share: 0.5 },
      answers: {
        accepted: 7,
        onTime: { count: 3, share: 0.4286 },
        medianDaysToAccept: 6.5,
        reviewRoundsPerAnswer: 0.86,
      },
    });
  });

  it('keep only the asked zone', () => {
    expect(figures({ zoneId: 'khu-2' })).toMatchObject({
      closed: { count: 2, share: 0.5 },
      answered: { count: 3, share: 0.75 },
      solvedInFact: { count: 2, share: 0.5 },
      answers: { accepted: 6, onTime: { count: 3, share: 0.5 }, medianDaysToAccept: 6.5, reviewRoundsPerAnswer: 1 },
    });
  });

  it('keep only the asked field, in the answers’ counters too', () => {
    expect(figures({ zoneId: 'khu-2', field: 'agriculture' })).toMatchObject({
      closed: { count: 2, share: 0.6667 },
      answered: { count: 3, share: 1 },
      solvedInFact: { count: 1, share: 0.3333 },
      answers: { accepted: 4, onTime: { count: 1, share: 0.25 }, medianDaysToAccept: 9, reviewRoundsPerAnswer: 1.5 },
    });
  });

  it('have no shares, median or rounds without anything to divide by', () => {
    const none = resolutionFigures([], { asOf: '2027-04-10', watches: [] }, range, {}, names);

    expect(none.answers).toEqual({
      accepted: 0,
      onTime: { count: 0, share: null },
      medianDaysToAccept: null,
      reviewRoundsPerAnswer: null,
    });
    expect(none.solvedInFact).toEqual({ count: 0, share: null });
  });
});

describe('the overdue figures', () => {
  it('count each proposal once and each holder’s entries of the range, departments in number order, by name', () => {
    expect(figures({}).overdue).toEqual({
      asOf: '2027-04-10',
      proposals: 3,
      departments: [
        { key: 'phong-2', label: 'Phòng Tài chính', count: 2 },
        { key: 'phong-10', label: 'phong-10', count: 1 },
      ],
      communes: [{ key: 'gia-tan', label: 'Xã Gia Tân', count: 1 }],
    });
  });

  it('keep only the asked zone and field', () => {
    expect(figures({ zoneId: 'khu-2' }).overdue).toMatchObject({
      proposals: 2,
      departments: [
        { key: 'phong-2', count: 1 },
        { key: 'phong-10', count: 1 },
      ],
    });
    expect(figures({ field: 'land' }).overdue).toMatchObject({
      proposals: 1,
      departments: [],
      communes: [{ key: 'gia-tan', count: 1 }],
    });
  });
});

describe('the median of a histogram', () => {
  it('orders the values whatever order they were counted in', () => {
    expect(
      histogramMedian(
        new Map([
          [90, 1],
          [2, 1],
          [5, 1],
        ]),
      ),
    ).toBe(5);
  });

  it('ignores a day whose count is below zero (a counter out of step)', () => {
    expect(
      histogramMedian(
        new Map([
          [3, 1],
          [7, -1],
          [10, 1],
        ]),
      ),
    ).toBe(6.5);
  });
});
