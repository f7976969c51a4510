import { describe, expect, it } from 'vitest';
import {
  type MeetingAction,
  type MeetingState,
  meetingActions,
  meetingLifecycle,
  meetingStates,
  rolesInZone,
} from '../../shared/domain/cycle/meeting-lifecycle';
import type { Role } from '../../shared/domain/structure/roles';

/** The lifecycle as issue 3 states it: where each action may be taken, by whom, and where it leads. */
const specification: Record<MeetingAction, { from: MeetingState[]; to?: MeetingState; roles: Role[] }> = {
  reschedule: { from: ['needs-date', 'scheduled'], to: 'scheduled', roles: ['office', 'zone-deputy'] },
  hold: { from: ['scheduled'], to: 'held', roles: ['office', 'zone-deputy'] },
  close: { from: ['held'], to: 'closed', roles: ['office', 'zone-deputy'] },
  cancel: { from: ['needs-date', 'scheduled'], to: 'cancelled', roles: ['office'] },
  'record-attendance': { from: ['scheduled', 'held'], roles: ['zone-deputy'] },
  'write-minutes': { from: ['scheduled', 'held'], roles: ['zone-deputy'] },
  amend: { from: ['closed'], roles: ['office', 'zone-deputy'] },
  'add-floor-proposal': { from: ['held'], roles: ['zone-deputy'] },
  'edit-floor-proposal': { from: ['held'], roles: ['zone-deputy'] },
  'remove-floor-proposal': { from: ['held'], roles: ['zone-deputy'] },
};

const testedRoles: Role[] = [
  'office',
  'standing-board',
  'zone-head',
  'zone-deputy',
  'commune-secretary',
  'cell-secretary',
];

const cases = meetingStates.flatMap((state) =>
  meetingActions.flatMap((action) => testedRoles.map((role) => ({ state, action, role }))),
);

describe('the meeting transition table', () => {
  it.each(cases)('$role taking $action on a $state meeting', ({ state, action, role }) => {
    const rule = specification[action];

    const decision = meetingLifecycle.can(state, action, new Set([role]));

    if (!rule.roles.includes(role)) {
      expect(decision).toEqual({ allowed: false, refusal: 'forbidden' });
    } else if (!rule.from.includes(state)) {
      expect(decision).toEqual({
        allowed: false,
        refusal: state === 'closed' ? 'locked' : 'invalid_transition',
      });
    } else {
      expect(decision).toEqual({ allowed: true, to: rule.to ?? state });
    }
  });

  it('lets a caller holding several roles act through any of them', () => {
    expect(meetingLifecycle.can('held', 'write-minutes', new Set<Role>(['office', 'zone-deputy']))).toEqual({
      allowed: true,
      to: 'held',
    });
  });

  it('refuses every action to a caller without roles', () => {
    expect(meetingActions.every((action) => !meetingLifecycle.can('scheduled', action, new Set()).allowed)).toBe(true);
  });
});

describe('meetingLifecycle.require', () => {
  it('names the current state in a 409 invalid_transition', () => {
    expect(() => meetingLifecycle.require('held', 'hold', new Set(['office']))).toThrow(
      expect.objectContaining({ status: 409, code: 'invalid_transition', detail: expect.stringContaining('"held"') }),
    );
  });

  it('answers 409 meeting_closed to minutes or attendance on a closed meeting', () => {
    for (const action of ['write-minutes', 'record-attendance'] as const) {
      expect(() => meetingLifecycle.require('closed', action, new Set(['zone-deputy']))).toThrow(
        expect.objectContaining({ status: 409, code: 'meeting_closed' }),
      );
    }
  });

  it('answers 403 to a role the action is never open to', () => {
    expect(() => meetingLifecycle.require('held', 'close', new Set(['cell-secretary']))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('returns the state the action leads to', () => {
    expect(meetingLifecycle.require('needs-date', 'reschedule', new Set(['zone-deputy']))).toBe('scheduled');
  });
});

describe('rolesInZone', () => {
  const assignments = [
    { role: 'office' as const },
    { role: 'zone-deputy' as const, zoneId: 'khu-1' },
    { role: 'cell-secretary' as const, zoneId: 'khu-2' },
  ];

  it('keeps district-wide roles and the roles held inside the zone', () => {
    expect([...rolesInZone(assignments, 'khu-1')].sort()).toEqual(['office', 'zone-deputy']);
  });

  it('drops roles held in other zones', () => {
    expect([...rolesInZone(assignments, 'khu-3')]).toEqual(['office']);
  });
});
