/**
 * The proposal counters (see `shared/domain/stats/proposal-counts.ts`) and the overdue entries
 * (`shared/domain/stats/overdue-watch.ts`) as stored: moved in the transaction of every change of a
 * proposal record, read by month range (the counters) or up to today (the overdue) for the
 * statistics, and recounted from the records to prove them exact.
 */
import * as z from 'zod/mini';
import { getItems } from '../../db/batch';
import type { ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { getItem, parseStored, parseValues, queryAll, queryPage } from '../../db/store';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import { type OverdueWatch, watchChanges, watchSortKey } from '../../domain/stats/overdue-watch';
import { countDeltas, DISTRICT, type MonthZoneCounts, REVISION } from '../../domain/stats/proposal-counts';

/** What the overdue entries' readers check each entry against. */
const overdueWatchRecord: z.ZodMiniType<OverdueWatch> = z.looseObject({
  overdueFrom: z.string(),
  proposalId: z.string(),
  holder: z.enum(['department', 'commune']),
  unitId: z.string(),
  month: z.string(),
  zoneId: z.string(),
  field: z.string(),
});

/**
 * Adds to `changes` the counts a record's change moves and its overdue entries: `before` absent for
 * a new record. Every write of a proposal record calls this (`addProposal`, `addTransition`), so
 * the counters and entries change in the same transaction as the records they count; the record's
 * month and zone's `revision` grows with any of them.
 */
export function countProposalChange(
  changes: ChangeSet,
  before: ProposalRecord | undefined,
  after: ProposalRecord | undefined,
): void {
  const { removed, added } = watchChanges(before, after);
  for (const watch of removed) changes.release(keys.overdueWatch(watchSortKey(watch)));
  for (const watch of added) changes.putEntry(keys.overdueWatch(watchSortKey(watch)), watch);
  const deltas = countDeltas(before, after);
  for (const { month, zoneId, combination, delta } of deltas) {
    changes.count(keys.proposalCounts(month, zoneId), { [combination]: delta }, { month, zoneId });
  }
  for (const { month, combination, delta } of countDeltas(before, after, 'district')) {
    changes.count(keys.districtCounts(month), { [combination]: delta }, { month, zoneId: DISTRICT });
  }
  const record = after ?? before;
  if (record && deltas.length + removed.length + added.length > 0) {
    const { month, zoneId } = record;
    changes.count(keys.proposalCounts(month, zoneId), { [REVISION]: 1 }, { month, zoneId });
    changes.count(keys.districtCounts(month), { [REVISION]: 1 }, { month, zoneId: DISTRICT });
  }
}

/** The overdue entries a change of a record adds or removes: the transaction actions they take besides the counters. */
export function watchActions(before: ProposalRecord | undefined, after: ProposalRecord | undefined): number {
  const { removed, added } = watchChanges(before, after);
  return removed.length + added.length;
}

/** How many counted items one change of records touches at most (its months and zones', its months' district ones): a transaction keeps room for them. */
export function countedItems(records: readonly Pick<ProposalRecord, 'month' | 'zoneId'>[]): number {
  const zones = new Set(records.map((record) => `${record.month} ${record.zoneId}`)).size;
  return zones + new Set(records.map((record) => record.month)).size;
}

/** A counts item as read: its counts and its revision. */
export interface StoredCounts extends MonthZoneCounts {
  readonly revision: number;
}

/** A month and zone's counter item: its names, then any number of counters. */
const countsRecord = z.looseObject({ month: z.string(), zoneId: z.string(), [REVISION]: z.optional(z.number()) });

function storedCounts(item: Record<string, unknown>): StoredCounts {
  const { month, zoneId, [REVISION]: revision } = parseStored(countsRecord, item).value;
  return {
    month,
    zoneId,
    revision: revision ?? 0,
    counts: new Map(Object.entries(item).filter((entry): entry is [string, number] => typeof entry[1] === 'number')),
  };
}

/**
 * The counters of the months `from` to `to`, each month's summed over the district's zones without
 * their communes (`t|`): one query of one item a month, whose size does not grow with the district.
 */
export async function readDistrictCounts(from: string, to: string): Promise<StoredCounts[]> {
  const items = await queryAll({ partition: keys.districtCountsPartition, between: [from, to] });
  return items.map(storedCounts);
}

/** The counters of the months `from` to `to`, every zone: one query of at most months × zones small items. */
export async function readProposalCounts(from: string, to: string): Promise<StoredCounts[]> {
  const items = await queryAll({
    partition: keys.proposalCountsPartition,
    between: keys.proposalCountsRange(from, to),
  });
  return items.map(storedCounts);
}

/** One month and zone's counters (the district's for `DISTRICT`), read alone (a strongly consistent read of one item). */
export async function readMonthZoneCounts(month: string, zoneId: string): Promise<StoredCounts> {
  const item = await getItem(zoneId === DISTRICT ? keys.districtCounts(month) : keys.proposalCounts(month, zoneId));
  return item ? storedCounts(item) : { month, zoneId, revision: 0, counts: new Map() };
}

/** What is overdue on `today`: the entries up to that day, so the read costs the overdue items only. */
export async function readOverdueWatches(today: string): Promise<OverdueWatch[]> {
  const items = await queryAll({ partition: keys.overdueWatchPartition, between: keys.overdueUpTo(today) });
  return parseValues(overdueWatchRecord, items);
}

/** Every overdue entry, due or not yet: what the recount compares with. */
export async function readAllOverdueWatches(): Promise<OverdueWatch[]> {
  const items = await queryAll({ partition: keys.overdueWatchPartition });
  return parseValues(overdueWatchRecord, items);
}

/** Entries read per query while recounting; each page's records are then read in batches. */
const RECOUNT_PAGE = 1_000;

/**
 * Every proposal record of the district, page by page through the district's list (a query, never
 * a scan): what a recount counts. Its cost grows with the proposals, so only the office's
 * verification and the `verify` command use it.
 */
export async function* allProposalRecords(): AsyncGenerator<ProposalRecord[]> {
  let cursor: string | undefined;
  do {
    const page = await queryPage({
      partition: keys.proposalLists.district,
      limit: RECOUNT_PAGE,
      cursor,
      attributes: ['PK', 'SK', 'id'],
    });
    const records = await getItems(page.items.map((entry) => keys.proposal(String(entry.id))));
    yield parseValues(proposalRecordSchema, records);
    cursor = page.nextCursor;
  } while (cursor);
}

/** The records of one month and zone (of every zone for `DISTRICT`), through the zone's or the district's list (a query, then batch reads): what a re-check recounts. */
export async function monthZoneRecords(month: string, zoneId: string): Promise<ProposalRecord[]> {
  const entries = await queryAll({
    partition: zoneId === DISTRICT ? keys.proposalLists.district : keys.proposalLists.zone(zoneId),
    between: keys.proposalMonthRange(month, month),
    attributes: ['id'],
  });
  const items = await getItems(entries.map((entry) => keys.proposal(String(entry.id))));
  return parseValues(proposalRecordSchema, items);
}
