/** When a proposal's owed result or answer becomes overdue, at the edges: one date known, none, the wrong state. */
import { describe, expect, it } from 'vitest';
import type { DepartmentAssignment } from '../../shared/domain/answers/answers';
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import { overdueWatches, watchChanges } from '../../shared/domain/stats/overdue-watch';
import { proposalRecord } from '../support/proposal-record';

const atCommune: ProposalRecord = proposalRecord({ status: 'routed-commune', level: 'commune' });

const awaiting: DepartmentAssignment = {
  departmentId: 'phong-tnmt',
  departmentName: 'Phòng Tài nguyên và Môi trường',
  status: 'awaiting',
  dueDate: '2027-04-05',
  assignedAt: '2027-03-10T02:00:00.000Z',
  answerCount: 0,
  rounds: 0,
};

describe('a commune’s owed result', () => {
  it('is overdue from the day its zone’s close marked it when no month was set, and owed by the proposal’s own commune', () => {
    const marked = { ...atCommune, overdueSince: '2027-04-19T17:10:00.000Z' };

    expect(overdueWatches(marked).map((w) => [w.overdueFrom, w.holder, w.unitId])).toEqual([
      ['2027-04-20', 'commune', 'gia-tan'],
    ]);
  });

  it('is overdue from the month after the due month when that comes before the marking', () => {
    const both = { ...atCommune, dueMonth: '2027-04', overdueSince: '2027-05-19T17:10:00.000Z' };

    expect(overdueWatches(both).map((w) => w.overdueFrom)).toEqual(['2027-05-01']);
  });

  it('is not watched while neither a due month nor a marking says when', () => {
    expect(overdueWatches(atCommune)).toEqual([]);
    expect(watchChanges(undefined, atCommune)).toEqual({ removed: [], added: [] });
  });
});

describe('a department’s owed answer', () => {
  it('is watched only while the proposal is assigned', () => {
    const assigned = { ...atCommune, status: 'assigned' as const, level: 'district' as const, assignments: [awaiting] };

    expect(overdueWatches(assigned)).toHaveLength(1);
    expect(overdueWatches({ ...assigned, status: 'responded' })).toEqual([]);
  });

  it('enters with a new record and leaves with a deleted one', () => {
    const assigned = { ...atCommune, status: 'assigned' as const, level: 'district' as const, assignments: [awaiting] };

    expect(watchChanges(undefined, assigned)).toEqual({ removed: [], added: overdueWatches(assigned) });
    expect(watchChanges(assigned, undefined)).toEqual({ removed: overdueWatches(assigned), added: [] });
  });
});
