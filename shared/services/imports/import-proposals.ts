/**
 * Importing the district's records from before this software (see
 * `shared/domain/imports/legacy-proposals.ts` for the file): every row is checked first and a bad
 * row rejects the whole file; a good file is written completely; importing it again adds nothing.
 *
 * Each record is written like a raised one (`addProposal`: the record, its history entry, its list
 * entries and its count in the statistics) together with the reservation of its legacy id, in
 * transactions of at most 100 actions, several at a time. A legacy id already reserved is skipped,
 * so an import that stopped midway is completed by running it again, and two imports of one
 * record cannot both write it.
 */
import { getItems, putDerivedEntries } from '../../db/batch';
import { type Actor, ChangeSet, MAX_TRANSACTION_ITEMS } from '../../db/change-set';
import { keys } from '../../db/keys';
import { queryAll, toStored } from '../../db/store';
import type { Person } from '../../domain/cycle/meeting';
import { ConflictError, ValidationError } from '../../domain/errors';
import {
  checkImport,
  type ImportRow,
  type ImportStructure,
  importedRecord,
} from '../../domain/imports/legacy-proposals';
import { type HistoryEntry, legacyKey, type ProposalRecord, proposalWords } from '../../domain/proposals/proposal';
import { actionsToAdd, addProposal, remainingWordEntries, WORDS_WITH_RECORD } from '../proposals/proposal-store';
import { countedItems } from '../stats/proposal-counters';

/** Transactions written at once: enough to keep DynamoDB busy, few enough not to be throttled. */
const CONCURRENT_TRANSACTIONS = 8;

export interface ImportSummary {
  /** Rows of the file. */
  readonly rows: number;
  /** Records written now. */
  readonly imported: number;
  /** Rows whose legacy id was imported before: nothing written for them. */
  readonly skipped: number;
}

export interface Importer {
  readonly actor: Actor;
  readonly person: Person;
}

async function collection<T>(kind: 'zone' | 'commune' | 'cell' | 'department'): Promise<T[]> {
  const items = await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind) });
  return items.map((item) => toStored<T>(item).value);
}

/** The structure the rows' names are resolved against: four queries. */
export async function loadImportStructure(): Promise<ImportStructure> {
  const [zones, communes, cells, departments] = await Promise.all([
    collection<ImportStructure['zones'][number]>('zone'),
    collection<ImportStructure['communes'][number]>('commune'),
    collection<ImportStructure['cells'][number]>('cell'),
    collection<ImportStructure['departments'][number]>('department'),
  ]);
  return { zones, communes, cells, departments };
}

/** The rows of a file, every one checked; one 400 listing every problem by line otherwise. */
export async function checkProposalFile(text: string, currentMonth: string): Promise<ImportRow[]> {
  const checked = checkImport(text, await loadImportStructure(), currentMonth);
  if ('problems' in checked) {
    throw new ValidationError(
      checked.problems,
      'Tệp có dòng không hợp lệ; chưa nhập dòng nào. Xem danh sách lỗi theo dòng.',
    );
  }
  return checked.rows;
}

interface Planned {
  readonly record: ProposalRecord;
  readonly first: HistoryEntry;
  readonly legacyId: string;
}

/** Consecutive groups (records sorted by month and zone) that each fit one transaction with their counters. */
function transactionGroups(planned: readonly Planned[]): Planned[][] {
  const groups: Planned[][] = [];
  let group: Planned[] = [];
  let actions = 0;
  for (const entry of planned) {
    // the record's own actions, its legacy reservation, and its month and zone's counters if new to the group.
    const needed = actionsToAdd(entry.record) + 1;
    const counters = countedItems([...group, entry].map((p) => p.record));
    if (group.length > 0 && actions + needed + counters > MAX_TRANSACTION_ITEMS) {
      groups.push(group);
      [group, actions] = [[], 0];
    }
    group.push(entry);
    actions += needed;
  }
  return group.length > 0 ? [...groups, group] : groups;
}

/** Runs `work` on every item, at most `limit` at once; the first failure stops the rest. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Keys read per round: ten batch reads at once, so 20,000 rows do not open 200 requests together. */
const RESERVATIONS_PER_ROUND = 1_000;

/** The legacy keys among the rows' that were imported before, each with the id of the record imported. */
async function reservedLegacyKeys(rows: readonly ImportRow[]): Promise<Map<string, string>> {
  const reserved = new Map<string, string>();
  for (let i = 0; i < rows.length; i += RESERVATIONS_PER_ROUND) {
    const round = rows.slice(i, i + RESERVATIONS_PER_ROUND);
    const items = await getItems(round.map((row) => keys.legacyProposal(legacyKey(row.legacyId))));
    for (const item of items) reserved.set(String(item.legacyKey), String(item.proposalId));
  }
  return reserved;
}

/**
 * Writes again the words beyond the first of the long texts imported before: an import stopped just
 * after a transaction may have left them out (see `proposal-store.ts`).
 */
async function completeWordEntries(rows: readonly ImportRow[], reserved: ReadonlyMap<string, string>): Promise<void> {
  const ids = rows.flatMap((row) => {
    const id = reserved.get(legacyKey(row.legacyId));
    return id !== undefined && proposalWords(row).length > WORDS_WITH_RECORD ? [id] : [];
  });
  const stored = await getItems(ids.map((id) => keys.proposal(id)));
  await putDerivedEntries(stored.flatMap((item) => remainingWordEntries(toStored<ProposalRecord>(item).value)));
}

const alreadyImported = (legacyId: string) =>
  new ConflictError('legacy_imported', `Hồ sơ cũ mã «${legacyId}» vừa được nhập bởi lần nhập khác; hãy gửi lại tệp.`);

/** Writes the checked rows not imported before; see the module comment. */
export async function writeImportedProposals(rows: readonly ImportRow[], by: Importer): Promise<ImportSummary> {
  const at = new Date();
  const reserved = await reservedLegacyKeys(rows);
  await completeWordEntries(rows, reserved);
  const planned = rows
    .filter((row) => !reserved.has(legacyKey(row.legacyId)))
    .map((row) => ({ ...importedRecord(row, at.toISOString(), by.person), legacyId: row.legacyId }))
    .sort((a, b) => a.record.month.localeCompare(b.record.month) || a.record.zoneId.localeCompare(b.record.zoneId));
  await eachLimited(transactionGroups(planned), CONCURRENT_TRANSACTIONS, async (group) => {
    const changes = new ChangeSet(by.actor, at);
    for (const { record, first, legacyId } of group) {
      addProposal(changes, record, first);
      changes.reserve(
        keys.legacyProposal(legacyKey(legacyId)),
        { legacyKey: legacyKey(legacyId), legacyId, proposalId: record.id, importedAt: changes.at },
        alreadyImported(legacyId),
      );
    }
    await changes.commit();
    await putDerivedEntries(group.flatMap(({ record }) => remainingWordEntries(record)));
  });
  return { rows: rows.length, imported: planned.length, skipped: rows.length - planned.length };
}
