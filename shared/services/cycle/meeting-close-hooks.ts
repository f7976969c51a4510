/**
 * The hook point of a meeting's close. Workflows that must react when a meeting closes (the
 * proposals whose responses were announced there are closed, the cells' reports are locked…)
 * register a hook; closing runs every hook with the close's own change set, so whatever a hook
 * adds commits in the same transaction as the close, or not at all.
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

const hooks: MeetingClosedHook[] = [];

/** Registers a hook run on every meeting close, in registration order; returns its removal. */
export function onMeetingClosed(hook: MeetingClosedHook): () => void {
  hooks.push(hook);
  return () => {
    const index = hooks.indexOf(hook);
    if (index >= 0) hooks.splice(index, 1);
  };
}

/** Runs the registered hooks one after another, so their operations join the change set in order. */
export async function runMeetingClosedHooks(event: MeetingClosedEvent): Promise<void> {
  for (const hook of hooks) await hook(event);
}
