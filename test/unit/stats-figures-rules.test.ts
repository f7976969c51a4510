/** The statistics' finer rules: which range a query means, what each filter keeps, how groups are ordered and named. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/domain/errors';
import { proposalFieldLabels } from '../../shared/domain/proposals/proposal-fields';
import { proposalStateLabels } from '../../shared/domain/proposals/proposal-lifecycle';
import { type MonthZoneCounts, NO_DEPARTMENT } from '../../shared/domain/stats/proposal-counts';
import { groupLabel, statsRange, summarise, type Tally, tally } from '../../shared/domain/stats/proposal-stats';

const names = {
  zones: new Map([['khu-2', 'Khu 2']]),
  communes: new Map([['gia-tan', 'Xã Gia Tân']]),
  departments: new Map([['phong-2', 'Phòng Tài chính']]),
};

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors;
  }
  throw new Error('expected a validation error');
}

const item = (month: string, zoneId: string, counts: [string, number][]): MonthZoneCounts => ({
  month,
  zoneId,
  counts: new Map(counts),
});

const tallyOf = (months: Record<string, Record<string, number>>): Tally =>
  new Map(Object.entries(months).map(([month, groups]) => [month, new Map(Object.entries(groups))]));

describe('the range of the figures', () => {
  it('may be a single month', () => {
    expect(statsRange({ from: '2027-06', to: '2027-06' }, '2027-09')).toEqual({ from: '2027-06', to: '2027-06' });
  });

  it('blames the month the caller gave when the range is reversed', () => {
    const reversed = problemsOf(() => statsRange({ from: '2027-07', to: '2027-06' }, '2027-09'));
    const afterNow = problemsOf(() => statsRange({ from: '2027-10' }, '2027-09'));

    expect(reversed).toEqual([
      { path: '/query/to', code: 'before_from', message: expect.stringMatching(/«to».*«from»/) },
    ]);
    expect(afterNow).toEqual([{ path: '/query/from', code: 'before_from', message: reversed?.[0]?.message }]);
  });

  it('names the longest range allowed when refusing a longer one', () => {
    expect(problemsOf(() => statsRange({ from: '2002-06', to: '2027-06' }, '2027-06'))).toEqual([
      { path: '/query/from', code: 'range_too_long', message: expect.stringContaining('300 tháng') },
    ]);
  });
});

describe('the tally', () => {
  const items = [
    item('2027-03', 'khu-2', [
      ['c|gia-tan|policy|raised|-|commune:gia-tan', 2],
      ['d|phong-2|policy', 2],
    ]),
    item('2027-01', 'khu-10', [
      ['c|gia-luong|land|closed|-|district', 1],
      ['d|phong-10|land', 1],
      ['d|phong-2|land', 1],
    ]),
    item('2027-02', 'khu-2', [
      ['c|gia-tan|land|raised|-|district', 0],
      ['d|_none|land', 0],
    ]),
  ];

  it('lists months in time order and skips counters that hold nothing', () => {
    expect([...tally(items, { by: 'field' })]).toEqual([
      ['2027-01', new Map([['land', 1]])],
      ['2027-03', new Map([['policy', 2]])],
    ]);
  });

  it('keeps only the asked zone', () => {
    expect(tally(items, { by: 'zone', zoneId: 'khu-10' })).toEqual(new Map([['2027-01', new Map([['khu-10', 1]])]]));
  });

  it('by department, keeps only the asked field', () => {
    expect(tally(items, { by: 'department', field: 'land' })).toEqual(
      new Map([
        [
          '2027-01',
          new Map([
            ['phong-10', 1],
            ['phong-2', 1],
          ]),
        ],
      ]),
    );
  });
});

describe('the groups of the figures', () => {
  const keysOf = (counted: Tally, by: Parameters<typeof summarise>[2]) =>
    summarise(counted, new Map(), by, names).groups.map((g) => g.key);

  it('follow the list of fields and of states, not the alphabet or the order met', () => {
    expect(keysOf(tallyOf({ '2027-01': { other: 1, land: 1, policy: 1, agriculture: 1 } }), 'field')).toEqual([
      'agriculture',
      'policy',
      'land',
      'other',
    ]);
    expect(keysOf(tallyOf({ '2027-01': { merged: 1, closed: 1, raised: 1, submitted: 1 } }), 'status')).toEqual([
      'submitted',
      'raised',
      'closed',
      'merged',
    ]);
  });

  it('order departments by their numbers, the proposals assigned to none last', () => {
    expect(keysOf(tallyOf({ '2027-01': { [NO_DEPARTMENT]: 1, 'phong-10': 1, 'phong-2': 1 } }), 'department')).toEqual([
      'phong-2',
      'phong-10',
      NO_DEPARTMENT,
    ]);
    expect(keysOf(tallyOf({ '2027-01': { 'phong-10': 1, [NO_DEPARTMENT]: 1, 'phong-2': 1 } }), 'department')).toEqual([
      'phong-2',
      'phong-10',
      NO_DEPARTMENT,
    ]);
  });

  it('leave out a group that sums to nothing', () => {
    expect(keysOf(tallyOf({ '2027-01': { land: 0, policy: 2 } }), 'field')).toEqual(['policy']);
  });

  it('are named in Vietnamese or by the unit’s name, and by the key when it is not known', () => {
    expect(groupLabel('field', 'land', names)).toBe(proposalFieldLabels.land);
    expect(groupLabel('field', 'astrology', names)).toBe('astrology');
    expect(groupLabel('status', 'closed', names)).toBe(proposalStateLabels.closed);
    expect(groupLabel('status', 'lost', names)).toBe('lost');
    expect(groupLabel('month', '2027-03', names)).toBe('Tháng 3/2027');
    expect(groupLabel('zone', 'khu-2', names)).toBe('Khu 2');
    expect(groupLabel('zone', 'khu-9', names)).toBe('khu-9');
    expect(groupLabel('commune', 'gia-tan', names)).toBe('Xã Gia Tân');
    expect(groupLabel('commune', 'gia-luong', names)).toBe('gia-luong');
    expect(groupLabel('department', 'phong-2', names)).toBe('Phòng Tài chính');
    expect(groupLabel('department', 'phong-9', names)).toBe('phong-9');
    expect(groupLabel('department', NO_DEPARTMENT, names)).toBe('Chưa giao ban, ngành trả lời');
  });
});

describe('the busiest and quietest months', () => {
  it('are the earliest of equals, and only months with a proposal count', () => {
    const monthly = tallyOf({
      '2027-01': { '2027-01': 3 },
      '2027-02': { '2027-02': 0 },
      '2027-03': { '2027-03': 1 },
      '2027-04': { '2027-04': 3 },
      '2027-05': { '2027-05': 1 },
    });
    const figures = summarise(new Map(), monthly, 'field', names);

    expect(figures.total).toBe(8);
    expect(figures.busiestMonth).toEqual({ month: '2027-01', count: 3 });
    expect(figures.quietestMonth).toEqual({ month: '2027-03', count: 1 });
  });

  it('are none in a range without proposals', () => {
    const figures = summarise(new Map(), tallyOf({ '2027-02': { '2027-02': 0 } }), 'month', names);

    expect(figures).toEqual({ total: 0, groups: [], busiestMonth: null, quietestMonth: null });
  });
});
