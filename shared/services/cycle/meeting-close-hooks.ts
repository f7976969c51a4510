/**
 * What a meeting's close sets off. Workflows that must react when a meeting closes (the proposals
 * raised there, the responses announced there…) are listed in `meetingClosedHooks`; closing runs
 * each with the close's own change set, so whatever a hook adds commits in the same transaction as
 * the close, or not at all.
 */
import type { Actor, ChangeSet } from '../../db/change-set';
import type { Meeting } from '../../domain/cycle/meeting';

export interface MeetingClosedEvent {
  /** The meeting as it will be stored once closed (`closedAt` set). */
  readonly meeting: Meeting;
  /** The close's transaction; a hook adds its operations here and never commits. */
  readonly changes: ChangeSet;
  readonly actor: Actor;
}

export type MeetingClosedHook = (event: MeetingClosedEvent) => Promise<void> | void;

/** The hooks every close runs, in order. The workflows that react to a close add theirs here. */
export const meetingClosedHooks: readonly MeetingClosedHook[] = [];

/** Runs hooks one after another, so their operations join the change set in order. */
export async function runMeetingClosedHooks(
  hooks: readonly MeetingClosedHook[],
  event: MeetingClosedEvent,
): Promise<void> {
  for (const hook of hooks) await hook(event);
}
