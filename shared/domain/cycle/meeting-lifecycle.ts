/**
 * The meeting lifecycle as a transition table (see `../lifecycle.ts`).
 *
 * ```
 * needs-date ──reschedule──▶ scheduled ──hold──▶ held ──close──▶ closed (amend)
 *      └──cancel──▶ cancelled ◀──cancel──┘
 * ```
 * Attendance and minutes may be recorded while `scheduled` (drafted ahead) or `held`; closing
 * locks them, and a closed meeting only takes audited amendments. While it is held, the minutes
 * keeper adds the proposals raised from the floor (and corrects or removes them), which its close
 * raises with the cells' own. The grants below are the only
 * statement of who runs a meeting: the route table reads them through `grantsFor`.
 */
import { grants } from '../access/grants';
import { Lifecycle } from '../lifecycle';
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
  'add-floor-proposal',
  'edit-floor-proposal',
  'remove-floor-proposal',
] as const;
export type MeetingAction = (typeof meetingActions)[number];

/**
 * Everyone who takes part in a zone's meetings and may read them, their agendas and reports: the
 * office and standing board everywhere, the rest in their own zone.
 */
export const ZONE_MEMBERS = grants(
  'office',
  'standing-board',
  { role: 'zone-head', within: 'zone' },
  { role: 'zone-deputy', within: 'zone' },
  { role: 'commune-in-charge', within: 'zone' },
  { role: 'commune-secretary', within: 'zone' },
  { role: 'commune-chair', within: 'zone' },
  { role: 'cell-secretary', within: 'zone' },
);

/** The office anywhere, and the zone deputy in their own zone. */
const RUNNERS = grants('office', { role: 'zone-deputy', within: 'zone' });
/** The zone deputy keeps the minutes (thư ký ghi biên bản) of their own zone's meetings. */
const MINUTES_KEEPERS = grants({ role: 'zone-deputy', within: 'zone' });
const OFFICE = grants('office');

export const meetingStateLabels: Record<MeetingState, string> = {
  'needs-date': 'chưa xếp được ngày',
  scheduled: 'đã lên lịch',
  held: 'đã họp',
  closed: 'đã kết thúc',
  cancelled: 'đã huỷ',
};

export const meetingLifecycle = new Lifecycle<MeetingState, MeetingAction>({
  noun: 'cuộc họp',
  states: meetingStates,
  actions: meetingActions,
  stateLabels: meetingStateLabels,
  transitions: [
    { from: 'needs-date', action: 'reschedule', to: 'scheduled', who: RUNNERS },
    { from: 'scheduled', action: 'reschedule', to: 'scheduled', who: RUNNERS },
    { from: 'scheduled', action: 'hold', to: 'held', who: RUNNERS },
    { from: 'held', action: 'close', to: 'closed', who: RUNNERS },
    { from: 'needs-date', action: 'cancel', to: 'cancelled', who: OFFICE },
    { from: 'scheduled', action: 'cancel', to: 'cancelled', who: OFFICE },
    { from: 'scheduled', action: 'record-attendance', to: 'scheduled', who: MINUTES_KEEPERS },
    { from: 'held', action: 'record-attendance', to: 'held', who: MINUTES_KEEPERS },
    { from: 'scheduled', action: 'write-minutes', to: 'scheduled', who: MINUTES_KEEPERS },
    { from: 'held', action: 'write-minutes', to: 'held', who: MINUTES_KEEPERS },
    { from: 'closed', action: 'amend', to: 'closed', who: RUNNERS },
    { from: 'held', action: 'add-floor-proposal', to: 'held', who: MINUTES_KEEPERS },
    { from: 'held', action: 'edit-floor-proposal', to: 'held', who: MINUTES_KEEPERS },
    { from: 'held', action: 'remove-floor-proposal', to: 'held', who: MINUTES_KEEPERS },
  ],
  locked: {
    closed: {
      code: 'meeting_closed',
      message: 'Cuộc họp đã kết thúc nên biên bản và điểm danh đã khoá; hãy ghi đính chính (amendment).',
    },
  },
});

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
