/**
 * How proposal records are stored: the record (`keys.proposal`) with its history entries in the
 * same partition, and one index entry in every list it belongs to (`keys.proposalLists`). The
 * entries of the lists by district, zone, commune, cell and addressee never change, since what
 * they sort and filter by never changes; the entry in the list of its state moves with the state,
 * in the same transaction as the record. The word lists are written before the record, as derived
 * entries (see `raise-proposals.ts`). While open, the record also sits in its zone's carry-over
 * (GSI2 `keys.zoneOpenProposals`), which the agenda reads.
 */
import type { ChangeSet, EntityRef } from '../../db/change-set';
import { type IndexKeys, type ItemKey, keys } from '../../db/keys';
import { findStored, queryAll, type Stored, toStored } from '../../db/store';
import type { Answer, AnswerReview, CommuneResult } from '../../domain/answers/answers';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { type HistoryEntry, type ProposalRecord, proposalWords } from '../../domain/proposals/proposal';
import { addresseeKey } from '../../domain/proposals/proposal-fields';
import { isOpen } from '../../domain/proposals/proposal-lifecycle';
import type { ProposalTrail } from '../../domain/proposals/proposal-views';
import { countProposalChange, watchActions } from '../stats/proposal-counters';

/** Audit entity of a proposal: `GET /audit?entity=proposal:<id>`. */
export function proposalRef(id: string): EntityRef {
  return { type: 'proposal', id };
}

/** The record's keys; an open proposal is also in its zone's carry-over. */
export function proposalItemKeys(record: ProposalRecord): ItemKey & IndexKeys {
  const sortKey = keys.proposalEntrySortKey(record.month, record.number);
  return isOpen(record.status)
    ? { ...keys.proposal(record.id), GSI2PK: keys.zoneOpenProposals(record.zoneId), GSI2SK: sortKey }
    : keys.proposal(record.id);
}

/** What an index entry repeats of its proposal: what a list is filtered by before the records are read. */
export interface ProposalEntry {
  readonly id: string;
  readonly month: string;
  readonly number: string;
  readonly zoneId: string;
  readonly communeId: string;
  readonly cellId?: string;
  readonly field: string;
  /** `addresseeKey`: `district`, `commune:<id>` or `department:<id>`. */
  readonly addressee: string;
}

export function entryOf(record: ProposalRecord): ProposalEntry {
  const { id, month, number, zoneId, communeId, cellId, field } = record;
  return { id, month, number, zoneId, communeId, cellId, field, addressee: addresseeKey(record.addressee, communeId) };
}

/**
 * The lists whose membership never changes: the district's, its zone's, commune's, cell's, and its
 * addressee's; a department it is assigned to later joins its department's list the same way.
 */
function fixedLists(record: ProposalRecord): string[] {
  const lists = keys.proposalLists;
  const { addressee } = record;
  return [
    lists.district,
    lists.zone(record.zoneId),
    lists.commune(record.communeId),
    ...(record.cellId !== undefined ? [lists.cell(record.cellId)] : []),
    ...(addressee.kind === 'commune' && addressee.id !== undefined && addressee.id !== record.communeId
      ? [lists.commune(addressee.id)]
      : []),
    ...(addressee.kind === 'department' && addressee.id !== undefined ? [lists.department(addressee.id)] : []),
  ];
}

function entryKey(list: string, record: ProposalRecord): ItemKey {
  return keys.proposalEntry(list, record.month, record.number);
}

/**
 * How many transaction actions `addProposal` takes for a record, besides the counters of its month
 * and zone (one action for all the records of a month and zone in a transaction, `countedItems`).
 */
export function actionsToAdd(record: ProposalRecord): number {
  // the record and its audit, the first history entry, the fixed lists, the state's list and its overdue entries.
  return 3 + fixedLists(record).length + 1 + watchActions(undefined, record);
}

/** Adds a new record, its first history entry, its list entries and its count to `changes`. */
export function addProposal(changes: ChangeSet, record: ProposalRecord, first: HistoryEntry): void {
  const exists = new ConflictError('proposal_exists', `Kiến nghị "${record.id}" đã được nêu; hãy tải lại.`);
  changes.create(proposalRef(record.id), proposalItemKeys(record), record, exists);
  addHistory(changes, record.id, first);
  for (const list of [...fixedLists(record), keys.proposalLists.status(record.status)]) {
    changes.putEntry(entryKey(list, record), entryOf(record));
  }
  countProposalChange(changes, undefined, record);
}

/** Puts the record in the list of a department it is assigned to (written again, the same, when already there). */
export function addDepartmentEntry(changes: ChangeSet, record: ProposalRecord, departmentId: string): void {
  changes.putEntry(entryKey(keys.proposalLists.department(departmentId), record), entryOf(record));
}

/** Adds a history entry; its number is the record's `historyCount`, taken under the record's version. */
export function addHistory(changes: ChangeSet, proposalId: string, entry: HistoryEntry): void {
  changes.reserve(
    keys.proposalHistory(proposalId, entry.seq),
    entry,
    new ConflictError(
      'concurrent_change',
      'Lịch sử kiến nghị vừa được ghi bởi thao tác khác; hãy tải lại rồi thử lại.',
    ),
  );
}

/** Moves the record's entry from the list of its old state to that of its new one. */
export function moveStateEntry(changes: ChangeSet, before: ProposalRecord, after: ProposalRecord): void {
  if (before.status === after.status) return;
  changes.release(entryKey(keys.proposalLists.status(before.status), before));
  changes.putEntry(entryKey(keys.proposalLists.status(after.status), after), entryOf(after));
}

/** The word entries of a record: written before it, as derived entries. */
export function wordEntries(record: ProposalRecord): (ItemKey & Record<string, unknown>)[] {
  const entry = entryOf(record);
  return proposalWords(record).map((word) => ({ ...entryKey(keys.proposalLists.word(word), record), ...entry }));
}

export function proposalNotFound(id: string): NotFoundError {
  return new NotFoundError(`Không có kiến nghị "${id}".`, 'proposal_not_found');
}

export function findProposal(id: string): Promise<Stored<ProposalRecord> | undefined> {
  return findStored<ProposalRecord>(keys.proposal(id));
}

/** A record with its history, answers, reviews and results, in one query of its partition. */
export async function readProposalWithHistory(
  id: string,
): Promise<{ record: Stored<ProposalRecord>; trail: ProposalTrail }> {
  const items = await queryAll({ partition: keys.proposalPartition(id) });
  const recordItem = items.find((item) => item.SK === keys.proposal(id).SK);
  if (!recordItem) throw proposalNotFound(id);
  const withPrefix = <T>(prefix: string) =>
    items.filter((item) => String(item.SK).startsWith(prefix)).map((item) => toStored<T>(item).value);
  return {
    record: toStored<ProposalRecord>(recordItem),
    trail: {
      history: withPrefix<HistoryEntry>(keys.proposalHistoryPrefix),
      answers: withPrefix<Answer>(keys.proposalAnswerPrefix),
      reviews: withPrefix<AnswerReview>(keys.answerReviewPrefix),
      results: withPrefix<CommuneResult>(keys.communeResultPrefix),
    },
  };
}
