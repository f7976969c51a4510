/**
 * Every change to a proposal record goes through `applyProposalAction`: read it, hide it (404) from
 * a caller who may not see it, check the client's version, ask the transition table, then replace
 * it (audited), add the history entry, move its state's list entry and its count in the
 * statistics, all in one transaction (`addTransition`, the one writer of a transition).
 */
import { type Actor, ChangeSet } from '../../db/change-set';
import type { Stored } from '../../db/store';
import type { Person } from '../../domain/cycle/meeting';
import { PreconditionFailedError, ValidationError } from '../../domain/errors';
import type { HistoryEntry, ProposalRecord } from '../../domain/proposals/proposal';
import { type ProposalAction, type ProposalState, proposalLifecycle } from '../../domain/proposals/proposal-lifecycle';
import type { Role } from '../../domain/structure/roles';
import { addMonths } from '../../domain/time';
import { countProposalChange } from '../stats/proposal-counters';
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
  /** The caller's roles over a record's units (its zone, commune and cell). */
  rolesOver(record: ProposalRecord): ReadonlySet<Role>;
  /** Whether the caller may see the record at all; others are told it does not exist. */
  sees(record: ProposalRecord): boolean;
}

/** How an action changes a record: the record after it (state and history count set by the caller) and the history note. */
interface ProposalChange {
  readonly after: ProposalRecord;
  readonly note?: string;
}

type ProposalBuilder = (
  record: ProposalRecord,
  to: ProposalState,
  changes: ChangeSet,
) => ProposalChange | Promise<ProposalChange>;

/** A record the caller may see; undefined when there is none or it is hidden from them. */
async function findVisible(id: string, by: ProposalActor): Promise<Stored<ProposalRecord> | undefined> {
  const stored = await findProposal(id);
  return stored && by.sees(stored.value) ? stored : undefined;
}

/**
 * Adds a transition of `record` to `changes`: the replaced record (audited), its history entry, its
 * state's list and its count. Every transition of a record is written here, so the counters follow.
 */
function addTransition(
  changes: ChangeSet,
  stored: Stored<ProposalRecord>,
  change: { action: ProposalAction; to: ProposalState; after: ProposalRecord; note?: string; by: Person },
): ProposalRecord {
  const before = stored.value;
  const seq = before.historyCount + 1;
  const after: ProposalRecord = { ...change.after, status: change.to, historyCount: seq };
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
  };
  addHistory(changes, before.id, entry);
  moveStateEntry(changes, before, after);
  countProposalChange(changes, before, after);
  return after;
}

/** Applies `action` to the record at `expectedVersion`; returns it as stored, with its version. */
export async function applyProposalAction(
  id: string,
  action: ProposalAction,
  by: ProposalActor,
  expectedVersion: number,
  build: ProposalBuilder,
): Promise<{ record: ProposalRecord; version: number }> {
  const stored = await findVisible(id, by);
  if (!stored) throw proposalNotFound(id);
  if (stored.version !== expectedVersion) throw new PreconditionFailedError();
  const to = proposalLifecycle.require(stored.value.status, action, by.rolesOver(stored.value));
  const changes = new ChangeSet(by.actor);
  const { after, note } = await build(stored.value, to, changes);
  const record = addTransition(changes, stored, { action, to, after, note, by: by.person });
  await changes.commit();
  return { record, version: expectedVersion + 1 };
}

/**
 * Routes a proposal to the commune (which must resolve it and report at the zone's next meeting)
 * or to the district (the office's queue). Routing it again needs a reason.
 */
export function routeProposal(level: 'commune' | 'district', reason: string | undefined): ProposalBuilder {
  return (record) => {
    if (record.level !== null && reason === undefined) {
      throw new ValidationError([
        { path: '/reason', code: 'required', message: 'Chuyển lại kiến nghị đã được chuyển cần ghi lý do' },
      ]);
    }
    const { assignedCommuneId: _commune, dueMonth: _due, ...rest } = record;
    const after: ProposalRecord =
      level === 'commune'
        ? {
            ...rest,
            level,
            assignedCommuneId: (record.addressee.kind === 'commune' && record.addressee.id) || record.communeId,
            dueMonth: addMonths(record.month, 1),
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
    const absorbTo = proposalLifecycle.require(target.value.status, 'absorb', by.rolesOver(target.value));
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
