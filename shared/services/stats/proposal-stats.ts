/** The statistics use cases: figures from the counters and overdue entries, and the recount that proves them. */
import { getItems } from '../../db/batch';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/store';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { type OverdueWatch, overdueWatches, watchSortKey } from '../../domain/stats/overdue-watch';
import {
  type CountDifference,
  countRecords,
  DISTRICT,
  differences,
  type MonthZoneCounts,
  NO_DEPARTMENT,
} from '../../domain/stats/proposal-counts';
import {
  type StatsQuery,
  statsRange,
  summarise,
  type Tally,
  tally,
  type UnitNames,
} from '../../domain/stats/proposal-stats';
import { resolutionFigures } from '../../domain/stats/resolution';
import {
  allProposalRecords,
  monthZoneRecords,
  readAllOverdueWatches,
  readDistrictCounts,
  readMonthZoneCounts,
  readOverdueWatches,
  readProposalCounts,
  type StoredCounts,
} from './proposal-counters';

async function namesOf(kind: 'zone' | 'commune' | 'department'): Promise<Map<string, string>> {
  const items = await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind), attributes: ['id', 'name'] });
  return new Map(items.map((item) => [String(item.id), String(item.name)]));
}

/** The names the labels use: the district's zones, communes and departments as they are now. */
export async function loadUnitNames(): Promise<UnitNames> {
  const [zones, communes, departments] = await Promise.all([
    namesOf('zone'),
    namesOf('commune'),
    namesOf('department'),
  ]);
  return { zones, communes, departments };
}

/** The units the figures of a query name: the groups it returns and the holders of what is overdue. */
function namedUnits(by: StatsQuery['by'], groups: Iterable<string>, watches: readonly OverdueWatch[]) {
  const ids = { zone: new Set<string>(), commune: new Set<string>(), department: new Set<string>() };
  if (by === 'zone' || by === 'commune' || by === 'department') for (const key of groups) ids[by].add(key);
  for (const watch of watches) ids[watch.holder].add(watch.unitId);
  return ids;
}

/**
 * The names of those units only, in one batch read of their ids and names: the cost follows what
 * the figures show, not the district's size (a unit removed since keeps its id as its label).
 */
async function namesOfUnits(ids: ReturnType<typeof namedUnits>): Promise<UnitNames> {
  const wanted = (['zone', 'commune', 'department'] as const).flatMap((kind) =>
    [...ids[kind]].filter((id) => id !== NO_DEPARTMENT).map((id) => ({ kind, key: keys.unit(kind, id) })),
  );
  const kindOf = new Map(wanted.map(({ kind, key }) => [key.PK, kind]));
  const items = await getItems(
    wanted.map(({ key }) => key),
    ['PK', 'id', 'name'],
  );
  const names = {
    zone: new Map<string, string>(),
    commune: new Map<string, string>(),
    department: new Map<string, string>(),
  };
  for (const item of items) {
    const kind = kindOf.get(String(item.PK));
    if (kind) names[kind].set(String(item.id), String(item.name));
  }
  return { zones: names.zone, communes: names.commune, departments: names.department };
}

/** One zone's name (its id once the zone is removed), in one read whatever the district's size. */
export async function zoneName(zoneId: string): Promise<string> {
  const names = await namesOfUnits({ zone: new Set([zoneId]), commune: new Set(), department: new Set() });
  return names.zones.get(zoneId) ?? zoneId;
}

/**
 * The counters of the query's range: one item a month (the district's, which holds no commune, so
 * its size is the same in any district) unless the query filters by zone or groups by zone or
 * commune: those need the zones' items (which hold their communes), one query of months × zones items.
 */
async function rangeCounts(query: StatsQuery, currentMonth: string) {
  const { from, to } = statsRange(query, currentMonth);
  const byZone = query.zoneId !== undefined || query.by === 'zone' || query.by === 'commune';
  return { from, to, items: await (byZone ? readProposalCounts : readDistrictCounts)(from, to) };
}

/** The counts of the query's range, summed by month and group. */
export async function tallyProposals(
  query: StatsQuery,
  currentMonth: string,
): Promise<{ from: string; to: string; counted: Tally }> {
  const { from, to, items } = await rangeCounts(query, currentMonth);
  return { from, to, counted: tally(items, query) };
}

/**
 * `GET /stats/proposals`: the figures of the query on `today` (Vietnam): the counters of its months,
 * and the overdue entries up to today, so the cost is that of the months and of what is overdue.
 */
export async function proposalStats(query: StatsQuery, today: string) {
  const [{ from, to, items }, watches] = await Promise.all([
    rangeCounts(query, today.slice(0, 7)),
    readOverdueWatches(today),
  ]);
  const counted = tally(items, query);
  const groups = [...counted.values()].flatMap((counts) => [...counts.keys()]);
  const names = await namesOfUnits(namedUnits(query.by, groups, watches));
  const filter = { zoneId: query.zoneId, field: query.field };
  return {
    from,
    to,
    by: query.by,
    ...(query.zoneId !== undefined && { zoneId: query.zoneId }),
    ...(query.field !== undefined && { field: query.field }),
    ...summarise(counted, tally(items, { ...filter, by: 'month' }), query.by, names),
    resolution: resolutionFigures(items, { asOf: today, watches }, { from, to }, filter, names),
  };
}

/** How often a month and zone written to during its re-check is tried again before it is reported unsettled. */
const RECHECKS = 3;

const itemId = (month: string, zoneId: string) => `${month} ${zoneId}`;

/** What one month and zone's comparison found. */
interface Found {
  readonly counts: CountDifference[];
  readonly overdue: { entry: string; kind: 'missing' | 'extra' }[];
}

/** What the records of one month and zone should have stored: their counts and their overdue entries' keys. */
interface Recount {
  readonly counts: MonthZoneCounts[];
  readonly watches: Set<string>;
}

function recountOf(records: readonly ProposalRecord[], into: Recount = { counts: [], watches: new Set() }): Recount {
  into.counts.push(...countRecords(records));
  for (const key of records.flatMap(overdueWatches).map(watchSortKey)) into.watches.add(key);
  return into;
}

/** What a month's district item should hold: its records' counts summed over zones, without communes (their overdue entries are the zones' to compare). */
function districtRecountOf(records: readonly ProposalRecord[], into: Recount = { counts: [], watches: new Set() }) {
  into.counts.push(...countRecords(records, 'district'));
  return into;
}

function compare(stored: MonthZoneCounts | undefined, recount: Recount, storedWatches: readonly OverdueWatch[]): Found {
  const present = new Set(storedWatches.map(watchSortKey));
  return {
    counts: differences(stored ? [stored] : [], recount.counts),
    overdue: [
      ...[...recount.watches]
        .filter((entry) => !present.has(entry))
        .map((entry) => ({ entry, kind: 'missing' as const })),
      ...[...present]
        .filter((entry) => !recount.watches.has(entry))
        .map((entry) => ({ entry, kind: 'extra' as const })),
    ],
  };
}

interface MonthZone {
  readonly month: string;
  readonly zoneId: string;
}

/**
 * Months and zones compared again, each alone between two reads of its counters item: when its
 * revision held still, no change of its records, counters or overdue entries came between (each
 * such change moves the revision in its own transaction), so what differs differs. Those that did
 * not hold still are tried again; those that never did are returned unsettled.
 */
async function recheck(pending: readonly MonthZone[]): Promise<{ found: Found[]; unsettled: readonly MonthZone[] }> {
  const found: Found[] = [];
  let left = pending;
  for (let attempt = 0; attempt < RECHECKS && left.length > 0; attempt++) {
    const first = await Promise.all(left.map((m) => readMonthZoneCounts(m.month, m.zoneId)));
    const [records, watches] = await Promise.all([
      Promise.all(left.map((m) => monthZoneRecords(m.month, m.zoneId))),
      readAllOverdueWatches(),
    ]);
    const last = await Promise.all(left.map((m) => readMonthZoneCounts(m.month, m.zoneId)));
    const moved: MonthZone[] = [];
    left.forEach((m, i) => {
      if (first[i]?.revision !== last[i]?.revision) {
        moved.push(m);
        return;
      }
      const own = watches.filter((w) => w.month === m.month && w.zoneId === m.zoneId);
      const recount = (m.zoneId === DISTRICT ? districtRecountOf : recountOf)(records[i] ?? []);
      found.push(compare(last[i], recount, own));
    });
    left = moved;
  }
  return { found, unsettled: left };
}

function grouped<T>(items: readonly T[], id: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(id(item));
    if (group) group.push(item);
    else groups.set(id(item), [item]);
  }
  return groups;
}

/**
 * Recounts every proposal record and compares the counters and the overdue entries with it: the
 * proof that they are exact. Reads every record (through the district's list, never a scan), so
 * it is for the office's occasional check and the `verify` command, not for the figures.
 *
 * Exact under concurrent writes: the counters are read before and after the records; a month and
 * zone whose revision held still is compared as read. One that moved, or that shows a difference,
 * is compared again alone (`recheck`), so a change made during the recount is neither reported as a
 * difference nor able to hide one; one written through every re-check is reported `unsettled`.
 */
/** Every counts item, the months and zones' and the district's, by month and zone. */
async function allCounts(): Promise<Map<string, StoredCounts>> {
  const [zones, district] = await Promise.all([
    readProposalCounts('0000-01', '9999-12'),
    readDistrictCounts('0000-01', '9999-12'),
  ]);
  return new Map([...zones, ...district].map((c) => [itemId(c.month, c.zoneId), c]));
}

export async function verifyProposalCounts() {
  const first = await allCounts();
  // the recount of each month and zone, page by page: the records themselves are not kept.
  const recounts = new Map<string, Recount>();
  let proposals = 0;
  for await (const page of allProposalRecords()) {
    proposals += page.length;
    for (const [id, records] of grouped(page, (r) => itemId(r.month, r.zoneId))) {
      recounts.set(id, recountOf(records, recounts.get(id)));
    }
    for (const [id, records] of grouped(page, (r) => itemId(r.month, DISTRICT))) {
      recounts.set(id, districtRecountOf(records, recounts.get(id)));
    }
  }
  // read together: a change between the two shows as a moved revision or as a mismatch, and is re-checked either way.
  const [watches, last] = await Promise.all([readAllOverdueWatches(), allCounts()]);
  const watchesByItem = grouped(watches, (w) => itemId(w.month, w.zoneId));
  const ids = new Set([...first.keys(), ...last.keys(), ...recounts.keys(), ...watchesByItem.keys()]);

  const doubtful: MonthZone[] = [];
  for (const id of [...ids].sort()) {
    const [month = '', zoneId = ''] = id.split(' ');
    const stored = last.get(id);
    const asRead = compare(stored, recounts.get(id) ?? recountOf([]), watchesByItem.get(id) ?? []);
    const held = (first.get(id)?.revision ?? 0) === (stored?.revision ?? 0);
    if (!held || asRead.counts.length > 0 || asRead.overdue.length > 0) doubtful.push({ month, zoneId });
  }
  const { found, unsettled } = await recheck(doubtful);
  const counted = found.flatMap((f) => f.counts);
  const overdue = found.flatMap((f) => f.overdue);
  return {
    proposals,
    exact: counted.length === 0 && overdue.length === 0 && unsettled.length === 0,
    differences: counted,
    overdueDifferences: overdue,
    unsettled,
  };
}
