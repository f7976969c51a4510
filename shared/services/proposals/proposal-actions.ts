/**
 * Every change to a proposal record goes through `applyProposalAction`: read it, hide it (404) from
 * a caller who may not see it, check the client's version, ask the transition table, then replace
 * it (audited), add the history entry, move its state's list entry and its count in the
 * statistics, all in one transaction. Changes to many records at once (a close announcing a zone's
 * answers, a response taking in its proposals) go through `commitTransitions`, in as many
 * transactions as they need. Both write through `addTransition`, the one writer of a transition,
 * so the counters follow every step of every record.
 */
import { type Actor, ChangeSet, MAX_TRANSACTION_ITEMS } from '../../db/change-set';
import type { Stored } from '../../db/store';
import type { ResourceUnits } from '../../domain/access/caller';
import type { Person } from '../../domain/cycle/meeting';
import { PreconditionFailedError, ValidationError } from '../../domain/errors';
import { actingUnits, communeDueMonth, type HistoryEntry, type ProposalRecord } from '../../domain/proposals/proposal';
import {
  isOpen,
  type ProposalAction,
  type ProposalState,
  proposalLifecycle,
} from '../../domain/proposals/proposal-lifecycle';
import type { Role } from '../../domain/structure/roles';
import { countProposalChange, watchActions } from '../stats/proposal-counters';
import {
  addHistory,
  findProposal,
  moveStateEntry,
  proposalItemKeys,
  proposalNotFound,
  proposalRef,
} from './proposal-store';

/** Who acts on proposals: the audit actor, the person the history names, and the roles held over a record. */
export interface ProposalActor {
  readonly actor: Actor;
  readonly person: Person;
  /** The caller's roles over a resource's units: a record's zone, commune and cell, a department it is assigned to… */
  rolesOver(units: ResourceUnits): ReadonlySet<Role>;
  /** Whether the caller may see the record at all; others are told it does not exist. */
  sees(record: ProposalRecord): boolean;
}

/** How an action changes a record: the record after it (state and history count set by the caller) and the history note. */
export interface ProposalChange {
  readonly after: ProposalRecord;
  readonly note?: string;
  /** The answer the step gave or reviewed, named in the history entry. */
  readonly answerId?: string;
}

/** Builds the change; may add further operations (answers, results, queue entries) to `changes`. */
export type ProposalBuilder = (
  record: ProposalRecord,
  to: ProposalState,
  changes: ChangeSet,
) => ProposalChange | Promise<ProposalChange>;

/** A record the caller may see; undefined when there is none or it is hidden from them. */
async function findVisible(id: string, by: ProposalActor): Promise<Stored<ProposalRecord> | undefined> {
  const stored = await findProposal(id);
  return stored && by.sees(stored.value) ? stored : undefined;
}

/** One transition of one record, as `addTransition` writes it. */
export interface Transition extends ProposalChange {
  readonly action: ProposalAction;
  readonly to: ProposalState;
  readonly by: Person;
}

/**
 * Adds a transition of `record` to `changes`: the replaced record (audited), its history entry, its
 * state's list and its count. Every transition of a record is written here, so the counters follow.
 */
export function addTransition(changes: ChangeSet, stored: Stored<ProposalRecord>, change: Transition): ProposalRecord {
  const before = stored.value;
  const seq = before.historyCount + 1;
  const after = withEnd({ ...change.after, status: change.to, historyCount: seq }, before, changes.at);
  changes.replace(proposalRef(before.id), proposalItemKeys(after), {
    before,
    after,
    expectedVersion: stored.version,
    action: change.action,
    reason: change.note,
  });
  const entry: HistoryEntry = {
    seq,
    at: changes.at,
    by: change.by,
    action: change.action,
    from: before.status,
    to: change.to,
    ...(change.note !== undefined && { note: change.note }),
    ...(change.answerId !== undefined && { answerId: change.answerId }),
  };
  addHistory(changes, before.id, entry);
  moveStateEntry(changes, before, after);
  countProposalChange(changes, before, after);
  return after;
}

/** The record with `endedAt` set when this transition ends it (closed, merged), and kept only while it stays ended. */
function withEnd(after: ProposalRecord, before: ProposalRecord, at: string): ProposalRecord {
  const { endedAt, ...rest } = after;
  if (isOpen(after.status)) return rest;
  const end = isOpen(before.status) ? at : before.endedAt;
  return end === undefined ? rest : { ...rest, endedAt: end };
}

/** How many transaction actions a transition of `before` takes (see `addTransition`). */
export function transitionActions(before: ProposalRecord, transition: Transition): number {
  // the record and its audit, the history entry, moving the state's list entry when the state
  // changes, at most two new counter items (its month and zone's and its month's district one,
  // shared by the transaction's records) and the overdue entries it moves.
  const after = { ...transition.after, status: transition.to };
  return 3 + (before.status === transition.to ? 0 : 2) + 2 + watchActions(before, after);
}

/**
 * Applies `action` to the record at `expectedVersion`; returns it as stored, with its version. The
 * action may depend on the record (the last accepted answer completes the district's answer); it is
 * taken with the roles held over `unitsOf(record)`: its zone, commune and cell unless said otherwise.
 */
export async function applyProposalAction(
  id: string,
  action: ProposalAction | ((record: ProposalRecord) => ProposalAction),
  by: ProposalActor,
  expectedVersion: number,
  build: ProposalBuilder,
  unitsOf: (record: ProposalRecord) => ResourceUnits = actingUnits,
): Promise<{ record: ProposalRecord; version: number }> {
  const stored = await findVisible(id, by);
  if (!stored) throw proposalNotFound(id);
  if (stored.version !== expectedVersion) throw new PreconditionFailedError();
  const taken = typeof action === 'function' ? action(stored.value) : action;
  const to = proposalLifecycle.require(stored.value.status, taken, by.rolesOver(unitsOf(stored.value)));
  const changes = new ChangeSet(by.actor);
  const change = await build(stored.value, to, changes);
  const record = addTransition(changes, stored, { ...change, action: taken, to, by: by.person });
  await changes.commit();
  return { record, version: expectedVersion + 1 };
}

/** One step of the answers work: its action (maybe decided by the record), the units acted on, and the change. */
export interface ProposalStep {
  readonly action: ProposalAction | ((record: ProposalRecord) => ProposalAction);
  readonly unitsOf: (record: ProposalRecord) => ResourceUnits;
  readonly build: ProposalBuilder;
}

export function applyProposalStep(
  id: string,
  step: ProposalStep,
  by: ProposalActor,
  expectedVersion: number,
): Promise<{ record: ProposalRecord; version: number }> {
  return applyProposalAction(id, step.action, by, expectedVersion, step.build, step.unitsOf);
}

/** A transition planned for a record read earlier, committed at the version it was read at. */
export interface PlannedTransition {
  readonly stored: Stored<ProposalRecord>;
  readonly transition: Transition;
}

/**
 * Commits transitions of many records in consecutive transactions of at most 100 actions, each all
 * or nothing, at `at`; `closing` adds the changes that follow them (a response locked once its
 * proposals are in it) to the last transaction when they fit, else to one of their own. A record
 * changed since it was read fails its transaction (412); the callers plan only what is still to
 * do, so running them again completes what a failure left.
 */
export async function commitTransitions(
  planned: readonly PlannedTransition[],
  actor: Actor,
  at: string,
  closing?: (changes: ChangeSet) => void,
): Promise<void> {
  let changes = new ChangeSet(actor, new Date(at));
  const startAnother = async (actions: number) => {
    if (changes.size + actions <= MAX_TRANSACTION_ITEMS) return;
    await changes.commit();
    changes = new ChangeSet(actor, new Date(at));
  };
  for (const { stored, transition } of planned) {
    await startAnother(transitionActions(stored.value, transition));
    addTransition(changes, stored, transition);
  }
  if (closing) {
    const alone = new ChangeSet(actor, new Date(at));
    closing(alone);
    await startAnother(alone.size);
    closing(changes);
  }
  await changes.commit();
}

/**
 * Adds the transitions to `changes` when they fit there with `room` actions to spare (what is still
 * to join it), so they commit with it, all or nothing; else commits them first, in transactions of
 * their own (`commitTransitions`).
 */
export async function joinTransitions(
  planned: readonly PlannedTransition[],
  changes: ChangeSet,
  actor: Actor,
  room: number,
): Promise<void> {
  const actions = planned.reduce((sum, { stored, transition }) => sum + transitionActions(stored.value, transition), 0);
  if (changes.size + actions + room > MAX_TRANSACTION_ITEMS) return commitTransitions(planned, actor, changes.at);
  for (const { stored, transition } of planned) addTransition(changes, stored, transition);
}

/**
 * Routes a proposal to the commune (which must resolve it and report at the zone's next meeting,
 * `communeDueMonth`) or to the district (the office's queue). Routing it again needs a reason, and
 * starts afresh: an earlier routing's due month and lateness do not follow it.
 */
export function routeProposal(level: 'commune' | 'district', reason: string | undefined): ProposalBuilder {
  return (record, _to, changes) => {
    if (record.level !== null && reason === undefined) {
      throw new ValidationError([
        { path: '/reason', code: 'required', message: 'Chuyển lại kiến nghị đã được chuyển cần ghi lý do' },
      ]);
    }
    const { assignedCommuneId: _commune, dueMonth: _due, overdueSince: _late, ...rest } = record;
    const after: ProposalRecord =
      level === 'commune'
        ? {
            ...rest,
            level,
            assignedCommuneId: (record.addressee.kind === 'commune' && record.addressee.id) || record.communeId,
            dueMonth: communeDueMonth(record.month, new Date(changes.at)),
          }
        : { ...rest, level };
    const to =
      level === 'commune' ? 'xã giải quyết, báo cáo kết quả tại hội nghị tháng sau' : 'Văn phòng Huyện uỷ tổng hợp';
    return { after, note: reason ?? `Chuyển ${to}` };
  };
}

/** The action a routing to `level` takes in the transition table. */
export function routeAction(level: 'commune' | 'district'): ProposalAction {
  return level === 'commune' ? 'route-to-commune' : 'route-to-district';
}

/**
 * Folds the duplicate into `intoId`: the duplicate becomes `merged` and names the other; the other
 * stays as it is and records the merge in its own history. Both histories are kept, in one
 * transaction with both records' versions checked.
 */
export async function mergeProposal(
  id: string,
  intoId: string,
  reason: string,
  by: ProposalActor,
  expectedVersion: number,
): Promise<{ record: ProposalRecord; version: number }> {
  if (intoId === id) {
    throw new ValidationError([
      { path: '/into', code: 'same_proposal', message: 'Không thể gộp kiến nghị vào chính nó' },
    ]);
  }
  const target = await findVisible(intoId, by);
  if (!target) {
    throw new ValidationError([
      { path: '/into', code: 'unknown_reference', message: `Không có kiến nghị "${intoId}"` },
    ]);
  }
  return applyProposalAction(id, 'merge', by, expectedVersion, (duplicate, _to, changes) => {
    const absorbTo = proposalLifecycle.require(target.value.status, 'absorb', by.rolesOver(actingUnits(target.value)));
    addTransition(changes, target, {
      action: 'absorb',
      to: absorbTo,
      after: target.value,
      note: `Gộp kiến nghị ${duplicate.number} vào kiến nghị này: ${reason}`,
      by: by.person,
    });
    return {
      after: { ...duplicate, mergedInto: target.value.id },
      note: `Gộp vào kiến nghị ${target.value.number}: ${reason}`,
    };
  });
}
