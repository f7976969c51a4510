/**
 * How proposal records are stored: the record (`keys.proposal`) with its history entries in the
 * same partition, and one index entry in every list it belongs to (`keys.proposalLists`). The
 * entries of the lists by district, zone, commune, cell and addressee never change, since what
 * they sort and filter by never changes; the entry in the list of its state moves with the state,
 * in the same transaction as the record. While open, the record also sits in its zone's open
 * proposals (GSI2 `keys.zoneOpenProposals`), and once ended in its ended ones, which the agenda's
 * carry-over reads.
 *
 * The word lists (free-text search) are written in the record's own transaction too, so a failed
 * write leaves no entry behind. A text may hold hundreds of distinct words and a transaction at most
 * 100 actions, so only its first `WORDS_WITH_RECORD` words (the title's first) go with the record;
 * the words of a longer text beyond them (`remainingWordEntries`) are written just after the record
 * commits, never before it, and written again by a retry of the same write (the close of a meeting,
 * an import) for the records it finds already written: a meeting is closed only once all are there.
 * Those entries repeat only what never changes (a record's text is fixed once raised: routing,
 * merging and answers change its state only; edits and withdrawals happen before it is raised), so
 * no entry ever points at text that changed.
 */
import type * as z from 'zod/mini';
import type { ChangeSet, EntityRef } from '../../db/change-set';
import { type IndexKeys, type ItemKey, keys } from '../../db/keys';
import { getStored, parseStored, parseValues, queryAll, type Stored } from '../../db/store';
import { answerRecord, answerReviewRecord, communeResultRecord } from '../../domain/answers/answer-records';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { type HistoryEntry, type ProposalRecord, proposalWords } from '../../domain/proposals/proposal';
import { addresseeKey } from '../../domain/proposals/proposal-fields';
import { isOpen } from '../../domain/proposals/proposal-lifecycle';
import { historyEntryRecord, proposalRecordSchema } from '../../domain/proposals/proposal-records';
import type { ProposalTrail } from '../../domain/proposals/proposal-views';
import { countProposalChange, watchActions } from '../stats/proposal-counters';

/** Audit entity of a proposal: `GET /audit?entity=proposal:<id>`. */
export function proposalRef(id: string): EntityRef {
  return { type: 'proposal', id };
}

/**
 * The record's keys; an open proposal is also in its zone's open proposals, one that ended (closed
 * or merged) in its zone's ended ones by the time it ended: the two the carry-over reads.
 */
export function proposalItemKeys(record: ProposalRecord): ItemKey & IndexKeys {
  const key = keys.proposal(record.id);
  if (isOpen(record.status)) {
    const sortKey = keys.proposalEntrySortKey(record.month, record.number);
    return { ...key, GSI2PK: keys.zoneOpenProposals(record.zoneId), GSI2SK: sortKey };
  }
  if (record.endedAt === undefined) return key;
  const sortKey = keys.timelineSortKey(record.endedAt, record.id);
  return { ...key, GSI2PK: keys.zoneEndedProposals(record.zoneId), GSI2SK: sortKey };
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
 * Most words of a text indexed in its record's transaction: with the record's other actions (at
 * most 12) and those its transaction shares (counters, a meeting's checks), a record always fits.
 */
export const WORDS_WITH_RECORD = 60;

/**
 * How many transaction actions `addProposal` takes for a record, besides the counters of its month
 * and zone (two copies) and of its month (one action each for all the records of a transaction
 * that share them, `countedItems`).
 */
export function actionsToAdd(record: ProposalRecord): number {
  // the record and its audit, the first history entry, the fixed lists, the state's list, its first
  // words and its overdue entries.
  return (
    3 +
    fixedLists(record).length +
    1 +
    Math.min(proposalWords(record).length, WORDS_WITH_RECORD) +
    watchActions(undefined, record)
  );
}

/**
 * Adds a new record, its first history entry, its list entries (with its first words') and its
 * count to `changes`; once they are committed, `remainingWordEntries` must follow.
 */
export function addProposal(changes: ChangeSet, record: ProposalRecord, first: HistoryEntry): void {
  const exists = () => new ConflictError('proposal_exists', `Kiến nghị "${record.id}" đã được nêu; hãy tải lại.`);
  changes.create(proposalRef(record.id), proposalItemKeys(record), record, exists);
  addHistory(changes, record.id, first);
  const words = proposalWords(record).slice(0, WORDS_WITH_RECORD).map(keys.proposalLists.word);
  for (const list of [...fixedLists(record), keys.proposalLists.status(record.status), ...words]) {
    changes.putEntry(entryKey(list, record), entryOf(record));
  }
  countProposalChange(changes, undefined, record);
}

/**
 * The word entries of a committed record beyond those its transaction wrote (none for most texts):
 * derived entries, written after it (`putDerivedEntries`) and again, the same, by a retry.
 */
export function remainingWordEntries(record: ProposalRecord): (ItemKey & Record<string, unknown>)[] {
  const entry = entryOf(record);
  return proposalWords(record)
    .slice(WORDS_WITH_RECORD)
    .map((word) => ({ ...entryKey(keys.proposalLists.word(word), record), ...entry }));
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
    () =>
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

export function proposalNotFound(id: string): NotFoundError {
  return new NotFoundError(`Không có kiến nghị "${id}".`, 'proposal_not_found');
}

export function findProposal(id: string): Promise<Stored<ProposalRecord> | undefined> {
  return getStored(proposalRecordSchema, keys.proposal(id));
}

/** A record with its history, answers, reviews and results, in one query of its partition. */
export async function readProposalWithHistory(
  id: string,
): Promise<{ record: Stored<ProposalRecord>; trail: ProposalTrail }> {
  const items = await queryAll({ partition: keys.proposalPartition(id) });
  const recordItem = items.find((item) => item.SK === keys.proposal(id).SK);
  if (!recordItem) throw proposalNotFound(id);
  const withPrefix = <T>(schema: z.ZodMiniType<T>, prefix: string) =>
    parseValues(
      schema,
      items.filter((item) => String(item.SK).startsWith(prefix)),
    );
  return {
    record: parseStored(proposalRecordSchema, recordItem),
    trail: {
      history: withPrefix(historyEntryRecord, keys.proposalHistoryPrefix),
      answers: withPrefix(answerRecord, keys.proposalAnswerPrefix),
      reviews: withPrefix(answerReviewRecord, keys.answerReviewPrefix),
      results: withPrefix(communeResultRecord, keys.communeResultPrefix),
    },
  };
}
