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

/** What a hook writes once every hook has read (its own transactions, operations added to the close's). */
export type MeetingClosedWrite = () => Promise<void> | void;

/**
 * A hook reads what it needs, then returns what it writes (or adds its operations at once). The
 * hooks' reads go out together, so a close pays the longest hook's round trips, not their sum;
 * their writes follow one after another, in order. What one hook reads, another never writes.
 */
export type MeetingClosedHook = (
  event: MeetingClosedEvent,
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook that only adds operations to the close's change set returns nothing.
) => Promise<MeetingClosedWrite | undefined> | MeetingClosedWrite | void;

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

/** Runs the hooks' reads together, then their writes one after another, so their operations join the change set in order. */
export async function runMeetingClosedHooks(
  hooks: readonly MeetingClosedHook[],
  event: MeetingClosedEvent,
): Promise<void> {
  const writes = await Promise.all(hooks.map((hook) => hook(event)));
  for (const write of writes) if (write) await write();
}
