/**
 * The proposal counters (see `shared/domain/stats/proposal-counts.ts`) as stored: moved in the
 * transaction of every change of a proposal record, read by month range for the statistics, and
 * recounted from the records to prove them exact.
 */
import { getItems } from '../../db/batch';
import type { ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { parseValues, queryAll, queryPage } from '../../db/store';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import { countDeltas, type MonthZoneCounts } from '../../domain/stats/proposal-counts';

/**
 * Adds to `changes` the counts a record's change moves: `before` absent for a new record. Every
 * write of a proposal record calls this (`addProposal`, `addTransition`), so the counters change
 * in the same transaction as the records they count.
 */
export function countProposalChange(
  changes: ChangeSet,
  before: ProposalRecord | undefined,
  after: ProposalRecord | undefined,
): void {
  for (const { month, zoneId, combination, delta } of countDeltas(before, after)) {
    changes.count(keys.proposalCounts(month, zoneId), { [combination]: delta }, { month, zoneId });
  }
}

/** How many counted items one change of records touches at most: a transaction keeps room for them. */
export function countedItems(records: readonly Pick<ProposalRecord, 'month' | 'zoneId'>[]): number {
  return new Set(records.map((record) => `${record.month} ${record.zoneId}`)).size;
}

/** The counters of the months `from` to `to`, every zone: one query of at most months × zones small items. */
export async function readProposalCounts(from: string, to: string): Promise<MonthZoneCounts[]> {
  const items = await queryAll({
    partition: keys.proposalCountsPartition,
    between: keys.proposalCountsRange(from, to),
  });
  return items.map((item) => ({
    month: String(item.month),
    zoneId: String(item.zoneId),
    counts: new Map(Object.entries(item).filter((entry): entry is [string, number] => typeof entry[1] === 'number')),
  }));
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
