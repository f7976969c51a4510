/**
 * Every change to a meeting goes through `applyMeetingAction`: read it, check the client's
 * version, ask the transition table, then replace it (audited) in one transaction with whatever
 * else the action writes. The actions themselves only say how the meeting changes.
 */
import { type Actor, ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { type RequestedDate, requireDateAllowed } from '../../domain/cycle/date-decision';
import {
  type Amendment,
  type AttendanceEntry,
  checkAttendance,
  type Meeting,
  type MinutesInput,
  type Person,
  requireStorableSize,
  windowOfCycle,
} from '../../domain/cycle/meeting';
import { type MeetingAction, type MeetingState, meetingLifecycle } from '../../domain/cycle/meeting-lifecycle';
import { ConflictError, PreconditionFailedError, ValidationError } from '../../domain/errors';
import type { Role } from '../../domain/structure/roles';
import { loadMeeting, readCycle, replaceMeeting, slotKeyOf, slotTaken } from './cycle-store';
import { loadCalendar } from './district-data';
import { type MeetingClosedHook, meetingClosedHooks, runMeetingClosedHooks } from './meeting-close-hooks';

/** Who acts: the audit actor, the person recorded on the meeting and the roles held in its zone. */
export interface MeetingActor {
  readonly actor: Actor;
  readonly person: Person;
  readonly roles: ReadonlySet<Role>;
}

/** How an action changes a meeting: the meeting after it, the reason kept in the audit, and what else it made. */
interface MeetingChange<R> {
  readonly after: Meeting;
  readonly reason?: string;
  readonly made?: R;
}

/** Builds the change; may add further operations (slots, amendments, hooks) to `changes`. */
export type ChangeBuilder<R = undefined> = (
  meeting: Meeting,
  to: MeetingState,
  changes: ChangeSet,
) => Promise<MeetingChange<R>> | MeetingChange<R>;

/** Applies `action` to the meeting at `expectedVersion`; returns the stored meeting and its version. */
export async function applyMeetingAction<R = undefined>(
  meetingId: string,
  action: MeetingAction,
  by: MeetingActor,
  expectedVersion: number,
  build: ChangeBuilder<R>,
): Promise<{ meeting: Meeting; version: number; made?: R }> {
  const { value: meeting, version } = await loadMeeting(meetingId);
  // A stale client is told so first: the state it would be refused for may be news to it.
  if (version !== expectedVersion) throw new PreconditionFailedError();
  const to = meetingLifecycle.require(meeting.status, action, by.roles);
  const changes = new ChangeSet(by.actor);
  const change = await build(meeting, to, changes);
  requireStorableSize(change.after);
  replaceMeeting(changes, { before: meeting, after: change.after, expectedVersion, action, reason: change.reason });
  await changes.commit();
  return { meeting: change.after, version: expectedVersion + 1, made: change.made };
}

/**
 * Dates a meeting, or moves it, to a free slot of its month, releasing the one it held: a working
 * day in the window the month opened with, or, by the office's decision with a reason, outside it
 * (kept on the meeting as `dateDecision` until it moves back inside).
 */
export function reschedule(slot: RequestedDate & { readonly reason: string }, by: MeetingActor): ChangeBuilder {
  return async (meeting, to, changes) => {
    const [cycle, calendar] = await Promise.all([readCycle(meeting.month), loadCalendar()]);
    const window = windowOfCycle(cycle?.value);
    const outsideWindowReason = requireDateAllowed(meeting.month, slot, calendar, window, by.roles.has('office'));
    const { dateDecision: _previous, ...undecided } = meeting;
    const after: Meeting = {
      ...undecided,
      status: to,
      date: slot.date,
      session: slot.session,
      ...(outsideWindowReason !== undefined && {
        dateDecision: { outsideWindow: true, reason: outsideWindowReason, by: by.person, at: changes.at },
      }),
    };
    const [previous, next] = [slotKeyOf(meeting), slotKeyOf(after)];
    if (previous?.SK !== next?.SK) {
      if (previous) changes.release(previous);
      if (next) changes.reserve(next, { meetingId: meeting.id }, slotTaken(slot.date, slot.session));
    }
    return { after, reason: slot.reason };
  };
}

export function hold(): ChangeBuilder {
  return (meeting, to, changes) => ({ after: { ...meeting, status: to, heldAt: changes.at } });
}

/** Closes the meeting, locking its record, and runs the close hooks in the same transaction. */
export function close(by: MeetingActor, hooks: readonly MeetingClosedHook[] = meetingClosedHooks): ChangeBuilder {
  return async (meeting, to, changes) => {
    const after: Meeting = { ...meeting, status: to, closedAt: changes.at };
    await runMeetingClosedHooks(hooks, { meeting: after, changes, by });
    return { after };
  };
}

/** Cancels the meeting and frees its slot for another zone. */
export function cancel(reason: string): ChangeBuilder {
  return (meeting, to, changes) => {
    const slot = slotKeyOf(meeting);
    if (slot) changes.release(slot);
    return { after: { ...meeting, status: to, cancelledAt: changes.at, cancelReason: reason }, reason };
  };
}

/** Replaces the attendance record; every entry must name an expected attendee. */
export function recordAttendance(entries: readonly AttendanceEntry[], by: MeetingActor): ChangeBuilder {
  return (meeting, _to, changes) => {
    const problems = checkAttendance(entries, meeting.expectedAttendees);
    if (problems.length > 0) throw new ValidationError(problems);
    return { after: { ...meeting, attendance: { entries, recordedAt: changes.at, recordedBy: by.person } } };
  };
}

export function writeMinutes(minutes: MinutesInput, by: MeetingActor): ChangeBuilder {
  return (meeting, _to, changes) => ({
    after: { ...meeting, minutes: { ...minutes, writtenAt: changes.at, writtenBy: by.person } },
  });
}

/**
 * Adds an amendment to a closed meeting. The amendment is its own item; the meeting counts its
 * amendments, so the replace (and its audit under `meeting:<id>`, with the reason) orders them
 * and two amendments never take the same number.
 */
export function amend(
  input: { readonly text: string; readonly reason: string },
  by: MeetingActor,
): ChangeBuilder<Amendment> {
  return (meeting, _to, changes) => {
    const amendment: Amendment = {
      number: meeting.amendmentCount + 1,
      meetingId: meeting.id,
      text: input.text,
      reason: input.reason,
      amendedBy: by.person,
      at: changes.at,
    };
    changes.reserve(
      keys.amendment(meeting.month, meeting.zoneId, changes.at, String(amendment.number).padStart(4, '0')),
      amendment,
      new ConflictError('amendment_exists', 'Đính chính này đã được ghi.'),
    );
    return { after: { ...meeting, amendmentCount: amendment.number }, reason: input.reason, made: amendment };
  };
}
