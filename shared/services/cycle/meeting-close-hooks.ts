/**
 * What a meeting's close sets off. Workflows that must react when a meeting closes (the proposals
 * raised there, the responses announced there…) are listed in `meetingClosedHooks`; closing runs
 * each with the close's own change set, so whatever a hook adds commits in the same transaction as
 * the close, or not at all.
 */
import type { ChangeSet } from '../../db/change-set';
import type { Meeting } from '../../domain/cycle/meeting';
import { announceAtClose, markOverdueAtClose } from '../answers/announce-at-close';
import { raiseProposalsAtClose } from '../proposals/raise-proposals';
import type { MeetingActor } from './meeting-actions';

export interface MeetingClosedEvent {
  /** The meeting as it will be stored once closed (`closedAt` set). */
  readonly meeting: Meeting;
  /**
   * The close's transaction; a hook adds its operations here and never commits it. A hook with
   * more to write than one transaction holds commits its own change sets first, idempotently, so
   * a close that fails after them is completed by retrying it (see `raise-proposals.ts`).
   */
  readonly changes: ChangeSet;
  /** Who closes the meeting. */
  readonly by: MeetingActor;
}

export type MeetingClosedHook = (event: MeetingClosedEvent) => Promise<void> | void;

/**
 * The hooks every close runs, in order: the meeting's proposals are raised; the results and
 * responses on its agenda are announced; the commune proposals it was to hear of and did not are
 * marked overdue.
 */
export const meetingClosedHooks: readonly MeetingClosedHook[] = [
  raiseProposalsAtClose,
  announceAtClose,
  markOverdueAtClose,
];

/** Runs hooks one after another, so their operations join the change set in order. */
export async function runMeetingClosedHooks(
  hooks: readonly MeetingClosedHook[],
  event: MeetingClosedEvent,
): Promise<void> {
  for (const hook of hooks) await hook(event);
}
