/** The statistics use cases: figures from the counters, and the recount that proves them. */
import { keys } from '../../db/keys';
import { queryAll } from '../../db/store';
import { countRecords, differences, type MonthZoneCounts } from '../../domain/stats/proposal-counts';
import {
  type StatsQuery,
  statsRange,
  summarise,
  type Tally,
  tally,
  type UnitNames,
} from '../../domain/stats/proposal-stats';
import { allProposalRecords, readProposalCounts } from './proposal-counters';

async function namesOf(kind: 'zone' | 'commune'): Promise<Map<string, string>> {
  const items = await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind), attributes: ['id', 'name'] });
  return new Map(items.map((item) => [String(item.id), String(item.name)]));
}

/** The names the labels use: the district's zones and communes as they are now. */
export async function loadUnitNames(): Promise<UnitNames> {
  const [zones, communes] = await Promise.all([namesOf('zone'), namesOf('commune')]);
  return { zones, communes };
}

/** The counts of the query's range, summed by month and group: at most one query of months × zones items. */
export async function tallyProposals(
  query: StatsQuery,
  currentMonth: string,
): Promise<{ from: string; to: string; counted: Tally }> {
  const { from, to } = statsRange(query, currentMonth);
  return { from, to, counted: tally(await readProposalCounts(from, to), query) };
}

/** `GET /stats/proposals`: the figures of the query. */
export async function proposalStats(query: StatsQuery, currentMonth: string) {
  const [{ from, to, counted }, names] = await Promise.all([tallyProposals(query, currentMonth), loadUnitNames()]);
  return {
    from,
    to,
    by: query.by,
    ...(query.zoneId !== undefined && { zoneId: query.zoneId }),
    ...(query.field !== undefined && { field: query.field }),
    ...summarise(counted, query.by, names),
  };
}

/**
 * Recounts every proposal record and compares the counts with the counters: the proof that they
 * are exact. Reads every record (through the district's list, never a scan), so it is for the
 * office's occasional check and the `verify` command, not for the figures themselves.
 */
export async function verifyProposalCounts() {
  const recounted: MonthZoneCounts[] = [];
  let proposals = 0;
  for await (const records of allProposalRecords()) {
    recounted.push(...countRecords(records));
    proposals += records.length;
  }
  const stored = await readProposalCounts('0000-01', '9999-12');
  const found = differences(stored, recounted);
  return { proposals, exact: found.length === 0, differences: found };
}
