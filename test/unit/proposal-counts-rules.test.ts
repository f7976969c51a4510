/** The counters' finer rules: what a counter name says, when an answer is on time, what a recount lists. */
import { describe, expect, it } from 'vitest';
import type { DepartmentAssignment } from '../../shared/domain/answers/answers';
import {
  acceptedAnswer,
  countsOf,
  differences,
  factsOf,
  type MonthZoneCounts,
} from '../../shared/domain/stats/proposal-counts';
import { proposalRecord } from '../support/proposal-record';

// raised 10:00 on 7 March 2027 in Vietnam; due 5 April.
const accepted: DepartmentAssignment = {
  departmentId: 'phong-tnmt',
  departmentName: 'Phòng Tài nguyên và Môi trường',
  status: 'accepted',
  dueDate: '2027-04-05',
  assignedAt: '2027-03-10T02:00:00.000Z',
  answerCount: 1,
  rounds: 1,
  answeredAt: '2027-04-05T01:00:00.000Z',
  acceptedAt: '2027-04-07T02:00:00.000Z',
};

describe('a counter’s name', () => {
  it('tells a proposal’s level, none written as a dash', () => {
    expect(factsOf('c|gia-tan|land|raised|-|district')).toEqual({
      communeId: 'gia-tan',
      field: 'land',
      status: 'raised',
      level: null,
      addressee: 'district',
    });
    expect(factsOf('c|gia-tan|land|routed-commune|commune|commune:gia-tan')?.level).toBe('commune');
  });

  it('counts no proposal when a part is missing or it is of another family', () => {
    for (const name of [
      'c||land|raised|-|district',
      'c|gia-tan||raised|-|district',
      'c|gia-tan|land||-|district',
      'c|gia-tan|land|raised||district',
      'c|gia-tan|land|raised|-',
      'x|gia-tan|land|raised|-|district',
      't|land',
      't||raised',
    ]) {
      expect(factsOf(name), name).toBeUndefined();
    }
  });
});

describe('an accepted answer', () => {
  it('is on time when given on its due day in Vietnam, late the day after', () => {
    const raised = { raisedAt: '2027-03-07T03:00:00.000Z' };

    expect(acceptedAnswer(raised, accepted)).toEqual({ onTime: true, days: 31, rounds: 1 });
    expect(acceptedAnswer(raised, { ...accepted, answeredAt: '2027-04-05T16:59:59.000Z' })?.onTime).toBe(true);
    expect(acceptedAnswer(raised, { ...accepted, answeredAt: '2027-04-05T17:00:00.000Z' })?.onTime).toBe(false);
  });

  it('is not one until accepted, with both its answer and acceptance dated', () => {
    const raised = { raisedAt: '2027-03-07T03:00:00.000Z' };
    const { answeredAt: _answered, ...unanswered } = accepted;
    const { acceptedAt: _accepted, ...unaccepted } = accepted;

    expect(acceptedAnswer(raised, { ...accepted, status: 'submitted' })).toBeUndefined();
    expect(acceptedAnswer(raised, unanswered)).toBeUndefined();
    expect(acceptedAnswer(raised, unaccepted)).toBeUndefined();
  });
});

describe('a record’s counters', () => {
  it('name no `_none` department once one is assigned', () => {
    const assigned = proposalRecord({ status: 'assigned', level: 'district', assignments: [accepted] });

    expect([...countsOf(assigned).keys()].filter((name) => name.startsWith('d|'))).toEqual([
      'd|phong-tnmt|industry-infrastructure',
    ]);
  });
});

describe('the recount', () => {
  it('lists the counters that differ by month, zone and name, whatever order they were read in', () => {
    const item = (month: string, zoneId: string, counts: [string, number][]): MonthZoneCounts => ({
      month,
      zoneId,
      counts: new Map(counts),
    });
    const stored = [
      item('2027-04', 'khu-2', [['s|land', 1]]),
      item('2027-03', 'khu-2', [
        ['s|policy', 2],
        ['s|land', 2],
      ]),
      item('2027-03', 'khu-1', [['s|land', 5]]),
    ];
    const recounted = [
      item('2027-03', 'khu-1', [['s|land', 4]]),
      item('2027-03', 'khu-2', [
        ['s|policy', 1],
        ['s|land', 1],
      ]),
    ];

    expect(
      differences(stored, recounted).map((d) => [d.month, d.zoneId, d.combination, d.stored, d.recounted]),
    ).toEqual([
      ['2027-03', 'khu-1', 's|land', 5, 4],
      ['2027-03', 'khu-2', 's|land', 2, 1],
      ['2027-03', 'khu-2', 's|policy', 2, 1],
      ['2027-04', 'khu-2', 's|land', 1, 0],
    ]);
  });
});
