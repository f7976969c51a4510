import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  numberPrefix,
  type ProposalRecord,
  parseProposalId,
  proposalIdOf,
  proposalNumber,
  proposalScopes,
  proposalWords,
  zoneCode,
} from '../../shared/domain/proposals/proposal';
import { entryMatches, queryWordsOf, recordMatches } from '../../shared/domain/proposals/proposal-filter';
import {
  type ProposalAction,
  type ProposalState,
  proposalActions,
  proposalLifecycle,
  proposalStates,
} from '../../shared/domain/proposals/proposal-lifecycle';
import type { Role } from '../../shared/domain/structure/roles';

const record: ProposalRecord = {
  id: '2027-03.khu-2.gia-tan-thon-ha.1',
  number: '2027-03/K2/001',
  status: 'raised',
  level: null,
  meetingId: '2027-03.khu-2',
  month: '2027-03',
  zoneId: 'khu-2',
  communeId: 'gia-tan',
  cellId: 'gia-tan-thon-ha',
  cellName: 'Chi bộ thôn Hạ',
  field: 'industry-infrastructure',
  title: 'Cứng hoá Đường làng',
  content: 'Đường làng thôn Hạ xuống cấp, ổ gà sâu 20 cm.',
  place: 'Thôn Hạ',
  addressee: { kind: 'department', id: 'phong-kt-ht' },
  source: 'report',
  raisedAt: '2027-03-07T03:00:00.000Z',
  historyCount: 1,
};

describe('proposal numbers and ids', () => {
  it('numbers by month, zone code and a three-digit sequence', () => {
    expect(proposalNumber(numberPrefix('2027-03', 'khu-2'), 7)).toBe('2027-03/K2/007');
    expect(proposalNumber(numberPrefix('2027-03', 'khu-12'), 1234)).toBe('2027-03/K12/1234');
    expect(zoneCode('vung-bac')).toBe('VUNG-BAC');
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
    expect(recordMatches(record, {}, queryWordsOf('lang duong'), '2027-03')).toBe(true);
    expect(recordMatches(record, {}, queryWordsOf('duong lang moi'), '2027-03')).toBe(false);
  });
});

describe('filters', () => {
  const entry = {
    zoneId: 'khu-2',
    communeId: 'gia-tan',
    cellId: 'gia-tan-thon-ha',
    field: 'land',
    addressee: 'district',
  };

  it('test what never changes on the entry', () => {
    expect(entryMatches(entry, { zoneId: 'khu-2', field: 'land', addressee: 'district' })).toBe(true);
    expect(entryMatches(entry, { communeId: 'gia-luong' })).toBe(false);
  });

  it('test state, level and overdue on the record', () => {
    const routed = { ...record, status: 'routed-commune' as const, level: 'commune' as const, dueMonth: '2027-04' };

    expect(recordMatches(routed, { status: 'routed-commune', level: 'commune', overdue: false }, [], '2027-04')).toBe(
      true,
    );
    expect(recordMatches(routed, { overdue: true }, [], '2027-05')).toBe(true);
    expect(recordMatches(routed, { level: 'district' }, [], '2027-04')).toBe(false);
    expect(isOverdue({ ...routed, status: 'routed-district' }, '2027-09')).toBe(false);
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
});

/** The proposal lifecycle as issue 7 states it. */
const ROUTERS: Role[] = ['office', 'zone-head', 'zone-deputy'];
const OPEN: ProposalState[] = ['raised', 'routed-commune', 'routed-district'];
const specification: Record<ProposalAction, { from: ProposalState[]; to?: ProposalState; roles: Role[] }> = {
  raise: { from: ['submitted'], to: 'raised', roles: ['office', 'zone-deputy'] },
  withdraw: { from: ['submitted'], to: 'withdrawn', roles: ['cell-secretary'] },
  'route-to-commune': { from: ['raised', 'routed-district'], to: 'routed-commune', roles: ROUTERS },
  'route-to-district': { from: ['raised', 'routed-commune'], to: 'routed-district', roles: ROUTERS },
  merge: { from: OPEN, to: 'merged', roles: ROUTERS },
  absorb: { from: OPEN, roles: ROUTERS },
};
const LOCKED: ProposalState[] = ['closed', 'withdrawn', 'merged'];

describe('the proposal transition table', () => {
  const roles: Role[] = ['office', 'standing-board', 'zone-head', 'zone-deputy', 'commune-secretary', 'cell-secretary'];
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
