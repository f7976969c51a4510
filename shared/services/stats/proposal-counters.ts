/**
 * The proposal counters (see `shared/domain/stats/proposal-counts.ts`) and the overdue entries
 * (`shared/domain/stats/overdue-watch.ts`) as stored: moved in the transaction of every change of a
 * proposal record, read by month range (the counters) or up to today (the overdue) for the
 * statistics, and recounted from the records to prove them exact.
 */
import * as z from 'zod/mini';
import { getItems } from '../../db/batch';
import type { ChangeSet } from '../../db/change-set';
import { type ItemKey, keys } from '../../db/keys';
import { getItem, parseStored, parseValues, queryAll, queryPage } from '../../db/store';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import { lazy } from '../../domain/schema-kit';
import { type OverdueWatch, watchChanges, watchSortKey } from '../../domain/stats/overdue-watch';
import {
  type CountCopy,
  copiesOf,
  countDeltas,
  DISTRICT,
  type MonthZoneCounts,
  REVISION,
} from '../../domain/stats/proposal-counts';

/** What the overdue entries' readers check each entry against. */
const overdueWatchRecord: z.ZodMiniType<OverdueWatch> = lazy(() =>
  z.looseObject({
    overdueFrom: z.string(),
    proposalId: z.string(),
    holder: z.enum(['department', 'commune']),
    unitId: z.string(),
    month: z.string(),
    zoneId: z.string(),
    field: z.string(),
  }),
);

/** Where an overdue entry is kept: the district's, sorted by day, and its zone's copy, sorted by zone then day. */
function watchKeys(watch: OverdueWatch): ItemKey[] {
  const sortKey = watchSortKey(watch);
  return [keys.overdueWatch(sortKey), keys.zoneOverdueWatch(watch.zoneId, sortKey)];
}

/** The key of an overdue entry's zone copy, as the recount names it: `<zone>#<first overdue day>#…`. */
export function zoneWatchKey(watch: OverdueWatch): string {
  return keys.zoneOverdueWatch(watch.zoneId, watchSortKey(watch)).SK;
}

/** Where a copy of a month and zone's counters (the district's for `DISTRICT`) is kept. */
function countsKey(copy: CountCopy, month: string, zoneId: string): ItemKey {
  if (zoneId === DISTRICT) return keys.districtCounts(month);
  return copy === 'by-month' ? keys.proposalCounts(month, zoneId) : keys.zoneCounts(zoneId, month);
}

/** Adds `deltas` to every copy of a month and zone's counters. */
function countInCopies(changes: ChangeSet, month: string, zoneId: string, deltas: Record<string, number>): void {
  for (const copy of copiesOf(zoneId)) changes.count(countsKey(copy, month, zoneId), deltas, { month, zoneId });
}

/**
 * Adds to `changes` the counts a record's change moves and its overdue entries: `before` absent for
 * a new record. Every write of a proposal record calls this (`addProposal`, `addTransition`), so
 * the counters (both copies of a zone's, and the district's) and entries change in the same
 * transaction as the records they count; the `revision` of the record's month and zone, and of its
 * month's district item, grows with any of them.
 */
export function countProposalChange(
  changes: ChangeSet,
  before: ProposalRecord | undefined,
  after: ProposalRecord | undefined,
): void {
  const { removed, added } = watchChanges(before, after);
  for (const watch of removed) for (const key of watchKeys(watch)) changes.release(key);
  for (const watch of added) for (const key of watchKeys(watch)) changes.putEntry(key, watch);
  const deltas = countDeltas(before, after);
  for (const { month, zoneId, combination, delta } of [...deltas, ...countDeltas(before, after, 'district')]) {
    countInCopies(changes, month, zoneId, { [combination]: delta });
  }
  const record = after ?? before;
  if (record && deltas.length + removed.length + added.length > 0) {
    for (const zoneId of [record.zoneId, DISTRICT]) countInCopies(changes, record.month, zoneId, { [REVISION]: 1 });
  }
}

/** The transaction actions of the overdue entries a change of a record adds or removes, both copies, besides the counters. */
export function watchActions(before: ProposalRecord | undefined, after: ProposalRecord | undefined): number {
  const { removed, added } = watchChanges(before, after);
  return 2 * (removed.length + added.length);
}

/** How many counted items one change of records touches at most (its months and zones' two copies, its months' district ones): a transaction keeps room for them. */
export function countedItems(records: readonly Pick<ProposalRecord, 'month' | 'zoneId'>[]): number {
  const zones = new Set(records.map((record) => `${record.month} ${record.zoneId}`)).size;
  return 2 * zones + new Set(records.map((record) => record.month)).size;
}

/** A counts item as read: which copy it is, its counts and its revision. */
export interface StoredCounts extends MonthZoneCounts {
  readonly copy: CountCopy;
  readonly revision: number;
}

/** A month and zone's counter item: its names, then any number of counters. */
const countsRecord = lazy(() =>
  z.looseObject({ month: z.string(), zoneId: z.string(), [REVISION]: z.optional(z.number()) }),
);

function storedCounts(copy: CountCopy, item: Record<string, unknown>): StoredCounts {
  const { month, zoneId, [REVISION]: revision } = parseStored(countsRecord, item).value;
  return {
    month,
    zoneId,
    copy,
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
  return items.map((item) => storedCounts('by-month', item));
}

/**
 * The counters of the months `from` to `to`, every zone: one query of at most months × zones small
 * items, which grows with the zones. Only what needs every zone reads it: district-wide figures by
 * zone or commune, and the recount.
 */
export async function readProposalCounts(from: string, to: string): Promise<StoredCounts[]> {
  const items = await queryAll({
    partition: keys.proposalCountsPartition,
    between: keys.proposalCountsRange(from, to),
  });
  return items.map((item) => storedCounts('by-month', item));
}

/** One zone's counters of the months `from` to `to` (its own copy): one query of at most one item a month, whatever the number of zones. */
export async function readZoneCounts(zoneId: string, from: string, to: string): Promise<StoredCounts[]> {
  const items = await queryAll({
    partition: keys.zoneCountsPartition,
    between: keys.zoneCountsRange(zoneId, from, to),
  });
  return items.map((item) => storedCounts('by-zone', item));
}

/** Every zone's own copy of its counters, every month: what the recount compares besides the month's items. */
export async function readAllZoneCounts(): Promise<StoredCounts[]> {
  const items = await queryAll({ partition: keys.zoneCountsPartition });
  return items.map((item) => storedCounts('by-zone', item));
}

/** A copy of a month and zone's counters that holds nothing yet. */
export function emptyCounts(copy: CountCopy, month: string, zoneId: string): StoredCounts {
  return { month, zoneId, copy, revision: 0, counts: new Map() };
}

/** Every copy of one month and zone's counters (the district's for `DISTRICT`), read alone (strongly consistent reads of one item each). */
export async function readMonthZoneCounts(month: string, zoneId: string): Promise<StoredCounts[]> {
  return Promise.all(
    copiesOf(zoneId).map(async (copy) => {
      const item = await getItem(countsKey(copy, month, zoneId));
      return item ? storedCounts(copy, item) : emptyCounts(copy, month, zoneId);
    }),
  );
}

/**
 * What is overdue on `today`, in the district or in one zone: the entries up to that day (of that
 * zone's copy alone for a zone), so the read costs the overdue items it counts only.
 */
export async function readOverdueWatches(today: string, zoneId?: string): Promise<OverdueWatch[]> {
  const items = await queryAll(
    zoneId === undefined
      ? { partition: keys.overdueWatchPartition, between: keys.overdueUpTo(today) }
      : { partition: keys.zoneOverdueWatchPartition, between: keys.zoneOverdueUpTo(zoneId, today) },
  );
  return parseValues(overdueWatchRecord, items);
}

/** Every overdue entry, due or not yet, the district's and the zones' copies: what the recount compares with. */
export async function readAllOverdueWatches(): Promise<{ district: OverdueWatch[]; zones: OverdueWatch[] }> {
  const all = async (partition: string) => parseValues(overdueWatchRecord, await queryAll({ partition }));
  const [district, zones] = await Promise.all([all(keys.overdueWatchPartition), all(keys.zoneOverdueWatchPartition)]);
  return { district, zones };
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
