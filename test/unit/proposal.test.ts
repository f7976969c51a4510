import { describe, expect, it } from 'vitest';
import {
  actingUnits,
  communeDueMonth,
  isOverdue,
  numberPrefix,
  parseProposalId,
  proposalIdOf,
  proposalNumber,
  proposalScopes,
  proposalWords,
  searchWords,
  zoneCode,
} from '../../shared/domain/proposals/proposal';
import { addresseeKey } from '../../shared/domain/proposals/proposal-fields';
import { entryMatches, queryWordsOf, recordMatches } from '../../shared/domain/proposals/proposal-filter';
import {
  type ProposalAction,
  type ProposalState,
  proposalActions,
  proposalLifecycle,
  proposalStates,
} from '../../shared/domain/proposals/proposal-lifecycle';
import type { Role } from '../../shared/domain/structure/roles';
import { proposalEntryFacts, proposalRecord } from '../support/proposal-record';

const record = proposalRecord();

describe('proposal numbers and ids', () => {
  it('numbers by month, zone code and a three-digit sequence', () => {
    expect(proposalNumber(numberPrefix('2027-03', 'khu-2'), 7)).toBe('2027-03/K2/007');
    expect(proposalNumber(numberPrefix('2027-03', 'khu-12'), 1234)).toBe('2027-03/K12/1234');
    expect(zoneCode('vung-bac')).toBe('VUNG-BAC');
  });

  it('gives every zone id its own code, so zones ending in the same number number apart', () => {
    const ids = ['khu-2', 'vung-2', '2', 'khu-02', 'khu-2a', 'k2'];
    const codes = ids.map(zoneCode);

    expect(codes).toEqual(['2', 'VUNG-2', '-2', '02', 'KHU-2A', 'K2']);
    expect(new Set(ids.map((id) => numberPrefix('2027-03', id))).size).toBe(ids.length);
  });

  it('derives ids from where a proposal comes from, and reads the units back', () => {
    const report = proposalIdOf('2027-03.khu-2', 'gia-tan-thon-ha', { kind: 'report', index: 3 });
    const floor = proposalIdOf('2027-03.khu-2', 'gia-tan-thon-ha', { kind: 'floor', n: 2 });

    expect([report, floor]).toEqual(['2027-03.khu-2.gia-tan-thon-ha.3', '2027-03.khu-2.gia-tan-thon-ha.f2']);
    expect(parseProposalId(floor)).toEqual({ month: '2027-03', zoneId: 'khu-2', cellId: 'gia-tan-thon-ha' });
    expect(parseProposalId('2027-13.khu-2.thon.1')).toBeUndefined();
  });
});

describe('the words a proposal is found by', () => {
  it('are folded, distinct, from title and content', () => {
    expect(proposalWords(record)).toEqual([
      'cung',
      'hoa',
      'duong',
      'lang',
      'thon',
      'ha',
      'xuong',
      'cap',
      'o',
      'ga',
      'sau',
      '20',
      'cm',
    ]);
  });

  it('match a query in any order, longest word first for the list to read', () => {
    expect(queryWordsOf('LÀNG  đường!')).toEqual(['duong', 'lang']);
    expect(recordMatches(record, {}, queryWordsOf('lang duong'), '2027-03-20')).toBe(true);
    expect(recordMatches(record, {}, queryWordsOf('duong lang moi'), '2027-03-20')).toBe(false);
  });
});

describe('filters', () => {
  const entry = proposalEntryFacts;

  it('test what never changes on the entry', () => {
    expect(entryMatches(entry, { zoneId: 'khu-2', field: 'land', addressee: 'district' })).toBe(true);
    expect(entryMatches(entry, { communeId: 'gia-luong' })).toBe(false);
    expect(entryMatches(entry, { from: '2027-03', to: '2027-03' })).toBe(true);
    expect(entryMatches(entry, { from: '2027-04' })).toBe(false);
  });

  it('test state, level and overdue on the record', () => {
    const routed = { ...record, status: 'routed-commune' as const, level: 'commune' as const, dueMonth: '2027-04' };

    expect(
      recordMatches(routed, { status: 'routed-commune', level: 'commune', overdue: false }, [], '2027-04-30'),
    ).toBe(true);
    expect(recordMatches(routed, { overdue: true }, [], '2027-05-01')).toBe(true);
    expect(recordMatches(routed, { level: 'district' }, [], '2027-04-30')).toBe(false);
    expect(isOverdue({ ...routed, status: 'routed-district' }, '2027-09-01')).toBe(false);
  });

  it('count a commune’s proposal overdue once its zone’s next meeting closed without the result', () => {
    const routed = { ...record, status: 'routed-commune' as const, dueMonth: '2027-04' };

    expect(isOverdue(routed, '2027-04-08')).toBe(false);
    expect(isOverdue({ ...routed, overdueSince: '2027-04-08T09:00:00.000Z' }, '2027-04-08')).toBe(true);
  });

  it('give a commune until the meeting after its routing’s month, never before the meeting after the raising', () => {
    expect(communeDueMonth('2027-03', new Date('2027-03-08T03:00:00Z'))).toBe('2027-04');
    // 1 April in Vietnam already.
    expect(communeDueMonth('2027-03', new Date('2027-03-31T18:00:00Z'))).toBe('2027-05');
    expect(communeDueMonth('2027-03', new Date('2027-06-02T03:00:00Z'))).toBe('2027-07');
    expect(
      isOverdue(
        { ...record, status: 'routed-commune', dueMonth: communeDueMonth('2027-03', new Date('2027-06-02T03:00:00Z')) },
        '2027-06-02',
      ),
    ).toBe(false);
  });

  it('count a district proposal overdue while a department owes an answer past its due day', () => {
    const assignment = {
      departmentId: 'phong-kt-ht',
      departmentName: 'Phòng Kinh tế và Hạ tầng',
      status: 'holding' as const,
      dueDate: '2027-03-29',
      assignedAt: '2027-03-10T02:00:00.000Z',
      answerCount: 1,
      rounds: 0,
    };
    const assigned = { ...record, status: 'assigned' as const, level: 'district' as const, assignments: [assignment] };

    expect(isOverdue(assigned, '2027-03-29')).toBe(false);
    expect(isOverdue(assigned, '2027-03-30')).toBe(true);
    expect(isOverdue({ ...assigned, assignments: [{ ...assignment, status: 'submitted' }] }, '2027-03-30')).toBe(false);
  });
});

describe('who sees a proposal', () => {
  it('through its zone, commune and cell, the commune it is routed to, and the department it addresses', () => {
    const routed = { ...record, level: 'commune' as const, assignedCommuneId: 'gia-luong' };

    expect(proposalScopes(routed)).toEqual([
      { zone: 'khu-2', commune: 'gia-tan', cell: 'gia-tan-thon-ha' },
      { commune: 'gia-luong' },
      { department: 'phong-kt-ht' },
    ]);
  });

  it('and through every department assigned to answer it', () => {
    const assignment = {
      departmentId: 'phong-tnmt',
      departmentName: 'Phòng Tài nguyên và Môi trường',
      status: 'awaiting' as const,
      dueDate: '2027-03-29',
      assignedAt: '2027-03-10T02:00:00.000Z',
      answerCount: 0,
      rounds: 0,
    };

    expect(proposalScopes({ ...record, level: 'district', assignments: [assignment] })).toContainEqual({
      department: 'phong-tnmt',
    });
  });
});

/** The proposal lifecycle as issues 7 and 8 state it. */
const ROUTERS: Role[] = ['office', 'zone-head', 'zone-deputy'];
const CLOSERS: Role[] = ['office', 'zone-deputy'];
const COMMUNE: Role[] = ['commune-secretary', 'commune-chair'];
const REVIEWERS: Role[] = ['office', 'standing-board'];
const OPEN: ProposalState[] = ['raised', 'routed-commune', 'routed-district'];
const specification: Record<ProposalAction, { from: ProposalState[]; to?: ProposalState; roles: Role[] }> = {
  raise: { from: ['submitted'], to: 'raised', roles: CLOSERS },
  withdraw: { from: ['submitted'], to: 'withdrawn', roles: ['cell-secretary'] },
  'route-to-commune': { from: ['raised', 'routed-district'], to: 'routed-commune', roles: ROUTERS },
  'route-to-district': { from: ['raised', 'routed-commune'], to: 'routed-district', roles: ROUTERS },
  merge: { from: OPEN, to: 'merged', roles: ROUTERS },
  absorb: { from: OPEN, roles: ROUTERS },
  'report-result': { from: ['routed-commune'], to: 'result-reported', roles: COMMUNE },
  escalate: { from: ['routed-commune'], to: 'routed-district', roles: COMMUNE },
  'mark-overdue': { from: ['routed-commune'], roles: CLOSERS },
  assign: { from: ['routed-district', 'assigned'], to: 'assigned', roles: ['office'] },
  answer: { from: ['assigned'], roles: ['department'] },
  'accept-answer': { from: ['assigned'], roles: REVIEWERS },
  'return-answer': { from: ['assigned'], roles: REVIEWERS },
  'complete-answer': { from: ['assigned'], to: 'answered', roles: REVIEWERS },
  'include-in-response': { from: ['answered'], to: 'responded', roles: ['standing-board'] },
  announce: { from: ['result-reported', 'responded'], to: 'announced', roles: CLOSERS },
  'confirm-solved': { from: ['announced'], to: 'closed', roles: ['cell-secretary'] },
  'reopen-to-commune': { from: ['announced'], to: 'routed-commune', roles: ['cell-secretary'] },
  'reopen-to-district': { from: ['announced'], to: 'assigned', roles: ['cell-secretary'] },
  remind: { from: ['routed-commune', 'assigned'], roles: ['cell-secretary'] },
};
const LOCKED: ProposalState[] = ['closed', 'withdrawn', 'merged'];

describe('the proposal transition table', () => {
  const roles: Role[] = [
    'office',
    'standing-board',
    'zone-head',
    'zone-deputy',
    'commune-secretary',
    'commune-chair',
    'department',
    'cell-secretary',
  ];
  const cases = proposalStates.flatMap((state) =>
    proposalActions.flatMap((action) => roles.map((role) => ({ state, action, role }))),
  );

  it.each(cases)('$role taking $action on a $state proposal', ({ state, action, role }) => {
    const rule = specification[action];

    const decision = proposalLifecycle.can(state, action, new Set([role]));

    if (!rule.roles.includes(role)) {
      expect(decision).toEqual({ allowed: false, refusal: 'forbidden' });
    } else if (!rule.from.includes(state)) {
      expect(decision).toEqual({ allowed: false, refusal: LOCKED.includes(state) ? 'locked' : 'invalid_transition' });
    } else {
      expect(decision).toEqual({ allowed: true, to: rule.to ?? state });
    }
  });
});

describe('edge cases of proposal rules', () => {
  it('reads a zone number only from a whole `khu-<n>` id, and treats only ids of digits alone as numbers', () => {
    expect(zoneCode('xkhu-2')).toBe('XKHU-2');
    expect(zoneCode('2a')).toBe('2A');
    expect(zoneCode('12')).toBe('-12');
  });

  it('indexes no words for a text of punctuation, and cuts a long word to 40 characters', () => {
    expect(searchWords(' !… ')).toEqual([]);
    expect(searchWords(`Ô ${'a'.repeat(50)}`)).toEqual(['o', 'a'.repeat(40)]);
  });

  it('gives a commune until the meeting after the raising even when it was routed before the raising month', () => {
    // The March meeting held in the last days of February still leaves the commune until April's.
    expect(communeDueMonth('2027-03', new Date('2027-02-27T03:00:00Z'))).toBe('2027-04');
  });

  it('counts only an assigned proposal overdue through its departments', () => {
    const lateAssignment = {
      departmentId: 'phong-kt-ht',
      departmentName: 'Phòng Kinh tế và Hạ tầng',
      status: 'holding' as const,
      dueDate: '2027-03-01',
      assignedAt: '2027-02-10T02:00:00.000Z',
      answerCount: 0,
      rounds: 0,
    };

    expect(isOverdue({ ...record, status: 'assigned', assignments: [] }, '2027-04-01')).toBe(false);
    expect(isOverdue({ ...record, status: 'assigned', assignments: undefined }, '2027-04-01')).toBe(false);
    expect(isOverdue({ ...record, status: 'answered', assignments: [lateAssignment] }, '2027-04-01')).toBe(false);
  });

  it('opens a proposal to a routed commune only at commune level, and to a department only when it names one', () => {
    const own = { zone: record.zoneId, commune: record.communeId, cell: record.cellId };
    const toDistrict = { ...record, addressee: { kind: 'district' as const } };

    expect(
      proposalScopes({ ...toDistrict, level: 'district', assignedCommuneId: 'gia-luong', assignments: [] }),
    ).toEqual([own]);
    expect(proposalScopes({ ...toDistrict, level: 'commune', assignedCommuneId: undefined, assignments: [] })).toEqual([
      own,
    ]);
    expect(
      proposalScopes({ ...toDistrict, level: 'commune', assignedCommuneId: 'gia-luong', assignments: [] }),
    ).toEqual([own, { commune: 'gia-luong' }]);
    expect(
      proposalScopes({ ...record, addressee: { kind: 'department' }, level: null, assignments: undefined }),
    ).toEqual([own]);
    expect(
      proposalScopes({ ...record, addressee: { kind: 'commune', id: 'gia-luong' }, level: null, assignments: [] }),
    ).toEqual([own]);
    expect(
      proposalScopes({ ...record, addressee: { kind: 'department', id: 'ban-to-chuc' }, level: null, assignments: [] }),
    ).toEqual([own, { department: 'ban-to-chuc' }]);
  });

  it('acts through the proposal’s own zone, commune and cell', () => {
    expect(actingUnits(record)).toEqual({ zone: record.zoneId, commune: record.communeId, cell: record.cellId });
  });
});

describe('addresseeKey', () => {
  it('names a department by its id, a commune by its own id or the cell’s commune, and the district alone', () => {
    expect(addresseeKey({ kind: 'department', id: 'ban-to-chuc' }, 'gia-tan')).toBe('department:ban-to-chuc');
    expect(addresseeKey({ kind: 'commune' }, 'gia-tan')).toBe('commune:gia-tan');
    expect(addresseeKey({ kind: 'district' }, 'gia-tan')).toBe('district');
  });
});
