/**
 * The meeting lifecycle as a transition table: one row per (from-state, action) that is allowed,
 * with the resulting state and the roles that may take it. Handlers ask `can` / `requireTransition`;
 * nothing else decides whether an action fits a meeting's state.
 *
 * ```
 * needs-date ──reschedule──▶ scheduled ──hold──▶ held ──close──▶ closed (amend)
 *      └──cancel──▶ cancelled ◀──cancel──┘
 * ```
 * Attendance and minutes may be recorded while `scheduled` (drafted ahead) or `held`; closing
 * locks them, and a closed meeting only takes audited amendments.
 */
import { ConflictError, ForbiddenError } from '../errors';
import { type Role, scopeOfRole } from '../structure/roles';

export const meetingStates = ['needs-date', 'scheduled', 'held', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof meetingStates)[number];

export const meetingActions = [
  'reschedule',
  'hold',
  'close',
  'cancel',
  'record-attendance',
  'write-minutes',
  'amend',
] as const;
export type MeetingAction = (typeof meetingActions)[number];

export interface MeetingTransition {
  readonly from: MeetingState;
  readonly action: MeetingAction;
  readonly to: MeetingState;
  /** Roles (held in the meeting's zone, or district-wide) that may take the action. */
  readonly roles: readonly Role[];
}

const RUNNERS: readonly Role[] = ['office', 'zone-deputy'];
const MINUTES_KEEPER: readonly Role[] = ['zone-deputy'];

export const meetingTransitions: readonly MeetingTransition[] = [
  { from: 'needs-date', action: 'reschedule', to: 'scheduled', roles: RUNNERS },
  { from: 'scheduled', action: 'reschedule', to: 'scheduled', roles: RUNNERS },
  { from: 'scheduled', action: 'hold', to: 'held', roles: RUNNERS },
  { from: 'held', action: 'close', to: 'closed', roles: RUNNERS },
  { from: 'needs-date', action: 'cancel', to: 'cancelled', roles: ['office'] },
  { from: 'scheduled', action: 'cancel', to: 'cancelled', roles: ['office'] },
  { from: 'scheduled', action: 'record-attendance', to: 'scheduled', roles: MINUTES_KEEPER },
  { from: 'held', action: 'record-attendance', to: 'held', roles: MINUTES_KEEPER },
  { from: 'scheduled', action: 'write-minutes', to: 'scheduled', roles: MINUTES_KEEPER },
  { from: 'held', action: 'write-minutes', to: 'held', roles: MINUTES_KEEPER },
  { from: 'closed', action: 'amend', to: 'closed', roles: RUNNERS },
];

export const meetingStateLabels: Record<MeetingState, string> = {
  'needs-date': 'chưa xếp được ngày',
  scheduled: 'đã lên lịch',
  held: 'đã họp',
  closed: 'đã kết thúc',
  cancelled: 'đã huỷ',
};

export type TransitionDecision =
  | { readonly allowed: true; readonly to: MeetingState }
  /** `forbidden`: no role of the caller may take the action here; the others: not in this state. */
  | { readonly allowed: false; readonly refusal: 'forbidden' | 'invalid_transition' | 'meeting_closed' };

/**
 * Whether callers holding `roles` may take `action` on a meeting in `state`. A role that may take
 * the action in no state at all is refused as forbidden; a role that may, but not from this state,
 * is refused by state (`meeting_closed` once the meeting is closed: its record is locked).
 */
export function can(state: MeetingState, action: MeetingAction, roles: ReadonlySet<Role>): TransitionDecision {
  const holds = (row: MeetingTransition) => row.roles.some((role) => roles.has(role));
  const row = meetingTransitions.find((r) => r.from === state && r.action === action);
  if (row) return holds(row) ? { allowed: true, to: row.to } : { allowed: false, refusal: 'forbidden' };
  if (!meetingTransitions.some((r) => r.action === action && holds(r))) return { allowed: false, refusal: 'forbidden' };
  return { allowed: false, refusal: state === 'closed' ? 'meeting_closed' : 'invalid_transition' };
}

/** Like `can`, but throws the refusal as a 403 or 409 and returns the state the action leads to. */
export function requireTransition(state: MeetingState, action: MeetingAction, roles: ReadonlySet<Role>): MeetingState {
  const decision = can(state, action, roles);
  if (decision.allowed) return decision.to;
  switch (decision.refusal) {
    case 'forbidden':
      throw new ForbiddenError(`Vai trò của bạn không được thực hiện "${action}" với cuộc họp này.`);
    case 'meeting_closed':
      throw new ConflictError(
        'meeting_closed',
        'Cuộc họp đã kết thúc nên biên bản và điểm danh đã khoá; hãy ghi đính chính (amendment).',
      );
    case 'invalid_transition':
      throw new ConflictError(
        'invalid_transition',
        `Cuộc họp đang ở trạng thái "${state}" (${meetingStateLabels[state]}); không thể thực hiện "${action}".`,
      );
  }
}

/**
 * The roles a caller holds for a meeting of `zoneId`: district-wide roles, and roles whose
 * assignment lies in that zone (a zone deputy of another zone holds nothing here).
 */
export function rolesInZone(
  assignments: readonly { readonly role: Role; readonly zoneId?: string }[],
  zoneId: string,
): Set<Role> {
  return new Set(assignments.filter((a) => scopeOfRole(a.role) === null || a.zoneId === zoneId).map((a) => a.role));
}
