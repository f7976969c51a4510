/** The pure rules of the resolution figures: what an answered, solved or owing proposal counts, the median, the overdue entries. */
import { describe, expect, it } from 'vitest';
import type { DepartmentAssignment } from '../../shared/domain/answers/answers';
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import { overdueWatches, watchChanges, watchSortKey } from '../../shared/domain/stats/overdue-watch';
import { countDeltas, countRecords, countsOf } from '../../shared/domain/stats/proposal-counts';
import { summarise, tally } from '../../shared/domain/stats/proposal-stats';
import { histogramMedian, resolutionFigures } from '../../shared/domain/stats/resolution';
import { proposalRecord } from '../support/proposal-record';

// raised at 10:00 on 7 March in Vietnam.
const raised = proposalRecord({
  id: '2027-03.khu-2.gia-tan-thon-ha.f1',
  field: 'agriculture',
  title: 'Nạo vét kênh',
  content: 'Kênh T3 bồi lắng.',
  addressee: { kind: 'district' },
  source: 'floor',
});

const assignment = (departmentId: string, change: Partial<DepartmentAssignment> = {}): DepartmentAssignment => ({
  departmentId,
  departmentName: departmentId,
  status: 'awaiting',
  dueDate: '2027-04-05',
  assignedAt: '2027-03-10T02:00:00.000Z',
  answerCount: 0,
  rounds: 0,
  ...change,
});

/** Accepted on 20 April; answered late in Vietnam (00:30 on 6 April) though still 5 April in UTC. */
const lateAccepted = assignment('phong-tnmt', {
  status: 'accepted',
  rounds: 2,
  answeredAt: '2027-04-05T17:30:00.000Z',
  acceptedAt: '2027-04-20T02:00:00.000Z',
});
const onTimeAccepted = assignment('phong-kt-ht', {
  status: 'accepted',
  rounds: 1,
  answeredAt: '2027-04-05T16:59:00.000Z',
  acceptedAt: '2027-04-07T02:00:00.000Z',
});
const answered: ProposalRecord = {
  ...raised,
  status: 'answered',
  level: 'district',
  assignments: [lateAccepted, onTimeAccepted],
};

describe('what a proposal counts for its resolution', () => {
  it('counts each assigned department, and each accepted answer on time or late, its rounds and its days', () => {
    expect(Object.fromEntries(countsOf(answered))).toEqual({
      'c|gia-tan|agriculture|answered|district|district': 1,
      'd|phong-tnmt|agriculture': 1,
      'd|phong-kt-ht|agriculture': 1,
      'a|agriculture|late': 1,
      'a|agriculture|on-time': 1,
      'r|agriculture': 3,
      'h|agriculture|44': 1,
      'h|agriculture|31': 1,
    });
  });

  it('counts a proposal solved in fact only once the cell confirms it, not a closed one without its word', () => {
    const confirmation = {
      solved: true,
      note: 'Đã xong',
      at: '2027-05-01T00:00:00.000Z',
      by: { officialId: 'x', name: 'X' },
    };
    const closed = { ...answered, status: 'closed' as const };

    expect(countsOf({ ...closed, confirmation }).get('s|agriculture')).toBe(1);
    expect(countsOf(closed).has('s|agriculture')).toBe(false);
  });

  it('moves a department’s counts when it is assigned, and the answer figures off when the cell reopens', () => {
    const assigned = { ...raised, status: 'assigned' as const, level: 'district' as const };
    const reopened: ProposalRecord = {
      ...answered,
      status: 'assigned',
      assignments: [
        { ...lateAccepted, status: 'awaiting' },
        { ...onTimeAccepted, status: 'awaiting' },
      ],
    };
    const delta = (before: ProposalRecord | undefined, after: ProposalRecord) =>
      Object.fromEntries(countDeltas(before, after).map((d) => [d.combination, d.delta]));

    expect(delta(assigned, { ...assigned, assignments: [assignment('phong-tnmt')] })).toEqual({
      'd|_none|agriculture': -1,
      'd|phong-tnmt|agriculture': 1,
    });
    expect(delta(answered, reopened)).toEqual({
      'c|gia-tan|agriculture|answered|district|district': -1,
      'c|gia-tan|agriculture|assigned|district|district': 1,
      'a|agriculture|late': -1,
      'a|agriculture|on-time': -1,
      'r|agriculture': -3,
      'h|agriculture|44': -1,
      'h|agriculture|31': -1,
    });
  });
});

describe('the median of a histogram of days', () => {
  it('is the middle value, or the mean of the two middle values, and null when empty', () => {
    expect(histogramMedian(new Map([[31, 1]]))).toBe(31);
    expect(
      histogramMedian(
        new Map([
          [44, 1],
          [31, 1],
        ]),
      ),
    ).toBe(37.5);
    expect(
      histogramMedian(
        new Map([
          [2, 3],
          [90, 2],
          [5, 0],
        ]),
      ),
    ).toBe(2);
    expect(histogramMedian(new Map())).toBeNull();
  });
});

describe('what a proposal owes, sorted by the day it is overdue', () => {
  it('is each owing department from the day after its due day, and a commune from the month after its result was due', () => {
    const assigned: ProposalRecord = {
      ...raised,
      status: 'assigned',
      level: 'district',
      assignments: [assignment('phong-tnmt'), { ...onTimeAccepted }],
    };
    const atCommune: ProposalRecord = {
      ...raised,
      status: 'routed-commune',
      level: 'commune',
      assignedCommuneId: 'gia-luong',
      dueMonth: '2027-04',
    };

    expect(overdueWatches(assigned).map(watchSortKey)).toEqual([`2027-04-06#${raised.id}#department#phong-tnmt`]);
    expect(overdueWatches(atCommune).map(watchSortKey)).toEqual([`2027-05-01#${raised.id}#commune#gia-luong`]);
    // marked overdue at the zone's close on 20 April (Vietnam): overdue from that day.
    expect(
      overdueWatches({ ...atCommune, overdueSince: '2027-04-19T17:10:00.000Z' }).map((w) => w.overdueFrom),
    ).toEqual(['2027-04-20']);
    expect(overdueWatches(answered)).toEqual([]);
  });

  it('moves only the entries that change', () => {
    const assigned: ProposalRecord = {
      ...raised,
      status: 'assigned',
      level: 'district',
      assignments: [assignment('phong-tnmt'), assignment('phong-kt-ht')],
    };
    const moved: ProposalRecord = {
      ...assigned,
      assignments: [assignment('phong-tnmt', { dueDate: '2027-04-20' }), assignment('phong-kt-ht')],
    };

    const { removed, added } = watchChanges(assigned, moved);

    expect(removed.map((w) => [w.unitId, w.overdueFrom])).toEqual([['phong-tnmt', '2027-04-06']]);
    expect(added.map((w) => [w.unitId, w.overdueFrom])).toEqual([['phong-tnmt', '2027-04-21']]);
  });
});

describe('the figures of a range', () => {
  const names = {
    zones: new Map(),
    communes: new Map([['gia-luong', 'Xã Gia Lương']]),
    departments: new Map([['phong-tnmt', 'Phòng Tài nguyên và Môi trường']]),
  };
  const land: ProposalRecord = { ...raised, id: 'land', field: 'land', assignments: [assignment('phong-tnmt')] };
  const items = countRecords([answered, land, { ...raised, id: 'other' }]);

  it('group by department: each proposal once per department assigned, those without one last; the total counts each once', () => {
    const figures = summarise(tally(items, { by: 'department' }), tally(items, { by: 'month' }), 'department', names);

    expect(figures.total).toBe(3);
    expect(figures.groups).toEqual([
      { key: 'phong-kt-ht', label: 'phong-kt-ht', count: 1 },
      { key: 'phong-tnmt', label: 'Phòng Tài nguyên và Môi trường', count: 2 },
      { key: '_none', label: 'Chưa giao ban, ngành trả lời', count: 1 },
    ]);
    expect(figures.busiestMonth).toEqual({ month: '2027-03', count: 3 });
  });

  it('give the shares, the answers on time, the median days, the rounds, and today’s overdue in the range', () => {
    const watch = (
      proposalId: string,
      holder: 'department' | 'commune',
      unitId: string,
      field: string,
      month = '2027-03',
    ) => ({
      overdueFrom: '2027-04-06',
      proposalId,
      holder,
      unitId,
      month,
      zoneId: 'khu-2',
      field,
    });
    const watches = [
      watch('land', 'department', 'phong-tnmt', 'land'),
      watch('other', 'commune', 'gia-luong', 'agriculture'),
      watch('other', 'department', 'phong-tnmt', 'agriculture'),
      watch('earlier', 'commune', 'gia-luong', 'agriculture', '2027-01'),
    ];
    const range = { from: '2027-03', to: '2027-03' };

    const all = resolutionFigures(items, { asOf: '2027-04-10', watches }, range, {}, names);
    const agriculture = resolutionFigures(
      items,
      { asOf: '2027-04-10', watches },
      range,
      { field: 'agriculture' },
      names,
    );

    expect(all).toEqual({
      closed: { count: 0, share: 0 },
      answered: { count: 1, share: 0.3333 },
      solvedInFact: { count: 0, share: 0 },
      answers: { accepted: 2, onTime: { count: 1, share: 0.5 }, medianDaysToAccept: 37.5, reviewRoundsPerAnswer: 1.5 },
      overdue: {
        asOf: '2027-04-10',
        proposals: 2,
        departments: [{ key: 'phong-tnmt', label: 'Phòng Tài nguyên và Môi trường', count: 2 }],
        communes: [{ key: 'gia-luong', label: 'Xã Gia Lương', count: 1 }],
      },
    });
    expect(agriculture.answered).toEqual({ count: 1, share: 0.5 });
    expect(agriculture.overdue.departments).toEqual([
      { key: 'phong-tnmt', label: 'Phòng Tài nguyên và Môi trường', count: 1 },
    ]);
    expect(resolutionFigures([], { asOf: '2027-04-10', watches: [] }, range, {}, names).closed).toEqual({
      count: 0,
      share: null,
    });
  });
});
