/** The pure rules of the figures: what a change counts, how counts sum into groups, months and labels. */
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../shared/domain/csv';
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import { monthlyFieldChart } from '../../shared/domain/stats/proposal-chart';
import {
  combinationOf,
  countDeltas,
  countRecords,
  differences,
  factsOf,
  type MonthZoneCounts,
} from '../../shared/domain/stats/proposal-counts';
import { statsRange, summarise, tally } from '../../shared/domain/stats/proposal-stats';
import { proposalRecord } from '../support/proposal-record';

const record = proposalRecord({
  field: 'agriculture',
  title: 'Nạo vét kênh',
  content: 'Kênh T3 bồi lắng.',
  addressee: { kind: 'commune' },
});

const names = {
  zones: new Map([['khu-2', 'Khu 2']]),
  communes: new Map([['gia-tan', 'Xã Gia Tân']]),
  departments: new Map([['phong-nn-ptnt', 'Phòng Nông nghiệp và PTNT']]),
};

const counts = (month: string, zoneId: string, entries: [ProposalRecord, number][]): MonthZoneCounts => ({
  month,
  zoneId,
  counts: new Map(entries.map(([r, n]) => [combinationOf(r), n])),
});

describe('what a proposal counts under', () => {
  it('is its commune, field, state, level and addressee, read back as written', () => {
    const routed = { ...record, status: 'routed-district' as const, level: 'district' as const };

    expect(combinationOf(record)).toBe('c|gia-tan|agriculture|raised|-|commune:gia-tan');
    expect(factsOf(combinationOf(routed))).toEqual({
      communeId: 'gia-tan',
      field: 'agriculture',
      status: 'routed-district',
      level: 'district',
      addressee: 'commune:gia-tan',
    });
    expect(factsOf('month')).toBeUndefined();
  });

  it('moves one count from the record as it was to the record as it is', () => {
    const routed = { ...record, status: 'routed-commune' as const, level: 'commune' as const };

    expect(countDeltas(undefined, record)).toEqual([
      { month: '2027-03', zoneId: 'khu-2', combination: combinationOf(record), delta: 1 },
      { month: '2027-03', zoneId: 'khu-2', combination: 'd|_none|agriculture', delta: 1 },
    ]);
    expect(countDeltas(record, routed).map((d) => [d.combination, d.delta])).toEqual([
      [combinationOf(record), -1],
      [combinationOf(routed), 1],
    ]);
  });

  it('counts in the district’s item of a month by field and state only, whatever the zone and commune', () => {
    const elsewhere = { ...record, id: 'y', zoneId: 'khu-1', communeId: 'gia-luong' };
    const routed = { ...record, status: 'routed-district' as const, level: 'district' as const };

    expect(factsOf('t|agriculture|raised')).toEqual({ field: 'agriculture', status: 'raised' });
    expect(countRecords([record, elsewhere], 'district')).toEqual([
      {
        month: '2027-03',
        zoneId: '_district',
        counts: new Map([
          ['t|agriculture|raised', 2],
          ['d|_none|agriculture', 2],
        ]),
      },
    ]);
    expect(countDeltas(record, routed, 'district')).toEqual([
      { month: '2027-03', zoneId: '_district', combination: 't|agriculture|raised', delta: -1 },
      { month: '2027-03', zoneId: '_district', combination: 't|agriculture|routed-district', delta: 1 },
    ]);
    // a change of level or addressee alone moves the zone's counters, not the district's.
    const readdressed = { ...record, addressee: { kind: 'district' as const } };
    expect(countDeltas(record, readdressed)).toHaveLength(2);
    expect(countDeltas(record, readdressed, 'district')).toEqual([]);
  });

  it('sums a district’s `t|` counters by field, state and month as the zones’ `c|`, and names no commune', () => {
    const elsewhere = { ...record, id: 'y', zoneId: 'khu-1', communeId: 'gia-luong', status: 'closed' as const };
    const zones = countRecords([record, elsewhere]);
    const district = countRecords([record, elsewhere], 'district');

    for (const by of ['field', 'status', 'month', 'department'] as const) {
      expect(tally(district, { by })).toEqual(tally(zones, { by }));
    }
    expect(tally(district, { by: 'commune' })).toEqual(new Map());
  });

  it('recounts records per month and zone, and lists only the counters that differ', () => {
    const april = { ...record, id: 'x', month: '2027-04' };
    const recounted = countRecords([record, record, april]);

    const unassigned = (n: number) => ['d|_none|agriculture', n] as const;
    expect(recounted).toEqual([
      { month: '2027-03', zoneId: 'khu-2', counts: new Map([[combinationOf(record), 2], unassigned(2)]) },
      { month: '2027-04', zoneId: 'khu-2', counts: new Map([[combinationOf(april), 1], unassigned(1)]) },
    ]);
    const stored = [
      {
        month: '2027-03',
        zoneId: 'khu-2',
        counts: new Map([[combinationOf(record), 2], unassigned(2), ['revision', 9]]),
      },
      { month: '2027-04', zoneId: 'khu-2', counts: new Map([unassigned(1)]) },
    ];
    expect(differences(stored, recounted)).toEqual([
      { month: '2027-04', zoneId: 'khu-2', combination: combinationOf(april), stored: 0, recounted: 1 },
    ]);
  });
});

describe('the figures', () => {
  const land = { ...record, field: 'land' as const, communeId: 'gia-luong' };
  const items = [
    counts('2027-01', 'khu-2', [
      [record, 3],
      [land, 1],
    ]),
    counts('2027-02', 'khu-1', [[{ ...record, zoneId: 'khu-1' }, 2]]),
    counts('2027-03', 'khu-2', [[record, 0]]),
    counts('2027-04', 'khu-2', [[land, 4]]),
  ];

  it('sum groups across months, keep months with proposals, and find the busiest and quietest', () => {
    const figures = summarise(tally(items, { by: 'field' }), tally(items, { by: 'month' }), 'field', names);

    expect(figures).toEqual({
      total: 10,
      groups: [
        { key: 'agriculture', label: 'Sản xuất nông nghiệp', count: 5 },
        { key: 'land', label: 'Quản lý đất đai', count: 5 },
      ],
      busiestMonth: { month: '2027-01', count: 4 },
      quietestMonth: { month: '2027-02', count: 2 },
    });
  });

  it('filter by zone and field, and label units by name or, when gone, by id', () => {
    const filter = { zoneId: 'khu-2', field: 'land' } as const;
    const figures = summarise(
      tally(items, { by: 'commune', ...filter }),
      tally(items, { by: 'month', ...filter }),
      'commune',
      names,
    );

    expect(figures.groups).toEqual([{ key: 'gia-luong', label: 'gia-luong', count: 5 }]);
    expect(figures.busiestMonth).toEqual({ month: '2027-04', count: 4 });
    expect(figures.quietestMonth).toEqual({ month: '2027-01', count: 1 });
  });

  it('default to the 300 months ending this month and refuse longer or reversed ranges', () => {
    expect(statsRange({}, '2027-06')).toEqual({ from: '2002-07', to: '2027-06' });
    expect(statsRange({ from: '2006-01' }, '2027-06')).toEqual({ from: '2006-01', to: '2027-06' });
    expect(() => statsRange({ from: '2002-06', to: '2027-06' }, '2027-06')).toThrow(/validation|không hợp lệ/i);
    expect(() => statsRange({ from: '2027-07', to: '2027-06' }, '2027-06')).toThrow();
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and the line each record starts on', () => {
    const parsed = parseCsv('a,b\n"x, y","say ""hi""\nthere"\n\nlast,\n');

    expect(parsed).toEqual({
      records: [
        { line: 1, values: ['a', 'b'] },
        { line: 2, values: ['x, y', 'say "hi"\nthere'] },
        { line: 5, values: ['last', ''] },
      ],
    });
    expect(parseCsv('a\n"open\n')).toEqual({ unclosedQuoteAt: 2 });
  });

  it('writes what it reads back, and keeps a formula from running', () => {
    const line = csvLine(['Đường "làng", thôn Hạ', 'dòng\nhai', '=1+1', 7]);

    expect(line).toBe('"Đường ""làng"", thôn Hạ","dòng\nhai",\'=1+1,7\r\n');
    expect(parseCsv(line.replace('\r\n', '\n'))).toEqual({
      records: [{ line: 1, values: ['Đường "làng", thôn Hạ', 'dòng\nhai', "'=1+1", '7'] }],
    });
  });
});

describe('the chart', () => {
  it('stacks each month’s fields in one bar, with the fields’ Vietnamese names in its legend', () => {
    const svg = monthlyFieldChart(
      tally(items(), { by: 'field' }),
      { from: '2027-01', to: '2027-03' },
      'Kiến nghị <thử>',
    );

    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<rect [^>]*fill="#2e7d32"><title>/g)).toHaveLength(2);
    expect(svg).toContain('<title>1/2027 – Quản lý đất đai: 1</title>');
    expect(svg).toContain('Kiến nghị &#60;thử&#62;');
    expect(svg).toContain('Xây dựng Đảng, chính quyền, đoàn thể – tổ chức cán bộ');
  });

  function items(): MonthZoneCounts[] {
    const land = { ...record, field: 'land' as const };
    return [
      counts('2027-01', 'khu-2', [
        [record, 3],
        [land, 1],
      ]),
      counts('2027-03', 'khu-2', [[record, 2]]),
    ];
  }
});
