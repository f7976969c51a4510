/**
 * How proposals are counted, exactly and at a cost independent of how many there are: every
 * proposal counts once in the counters of its month and zone, under the combination of what the
 * statistics group and filter by (commune, field, state, level, addressee). Each change of a
 * record moves one count from its old combination to its new one, in the same transaction.
 *
 * A combination is one attribute of the month-and-zone item: `c|<commune>|<field>|<status>|<level>|<addressee>`
 * (`-` for no level; the addressee as `addresseeKey` writes it). The attributes a month can hold
 * are bounded by the district's communes, fields, states and addressees, not by its proposals.
 * Later figures (by department, answered on time, days to answer, review rounds) add their own
 * attribute families beside these in the same items, e.g. `a|<department>|<on-time>` counted by
 * the answers' transitions.
 */
import type { ProposalRecord } from '../proposals/proposal';
import { addresseeKey, type ProposalField } from '../proposals/proposal-fields';
import type { ProposalState } from '../proposals/proposal-lifecycle';

const PREFIX = 'c|';

/** What a count says of the proposals it counts, besides their month and zone. */
export interface CountedFacts {
  readonly communeId: string;
  readonly field: ProposalField;
  readonly status: ProposalState;
  readonly level: 'commune' | 'district' | null;
  /** `district`, `commune:<id>` or `department:<id>`. */
  readonly addressee: string;
}

/** One month and zone's counts: combination → number of proposals. */
export interface MonthZoneCounts {
  readonly month: string;
  readonly zoneId: string;
  readonly counts: ReadonlyMap<string, number>;
}

/** A count to add to one combination of a month and zone. */
export interface CountDelta {
  readonly month: string;
  readonly zoneId: string;
  readonly combination: string;
  readonly delta: number;
}

/** The attribute a record counts under in its month and zone's item. */
export function combinationOf(record: ProposalRecord): string {
  const addressee = addresseeKey(record.addressee, record.communeId);
  return `${PREFIX}${[record.communeId, record.field, record.status, record.level ?? '-', addressee].join('|')}`;
}

/** What a combination counts, or undefined for an attribute that is not one. */
export function factsOf(combination: string): CountedFacts | undefined {
  if (!combination.startsWith(PREFIX)) return undefined;
  const [communeId, field, status, level, addressee] = combination.slice(PREFIX.length).split('|');
  if (!communeId || !field || !status || !level || !addressee) return undefined;
  return {
    communeId,
    field: field as ProposalField,
    status: status as ProposalState,
    level: level === '-' ? null : (level as 'commune' | 'district'),
    addressee,
  };
}

/** The counts a change moves: one off the record as it was (absent for a new one), one onto it as it is. */
export function countDeltas(before: ProposalRecord | undefined, after: ProposalRecord | undefined): CountDelta[] {
  const deltas: CountDelta[] = [];
  if (before)
    deltas.push({ month: before.month, zoneId: before.zoneId, combination: combinationOf(before), delta: -1 });
  if (after) deltas.push({ month: after.month, zoneId: after.zoneId, combination: combinationOf(after), delta: 1 });
  return deltas;
}

/** The counts of records, per month and zone, as the counters should hold them: what a recount compares with. */
export function countRecords(records: Iterable<ProposalRecord>): MonthZoneCounts[] {
  const items = new Map<string, { month: string; zoneId: string; counts: Map<string, number> }>();
  for (const record of records) {
    const id = `${record.month} ${record.zoneId}`;
    let item = items.get(id);
    if (!item) {
      item = { month: record.month, zoneId: record.zoneId, counts: new Map() };
      items.set(id, item);
    }
    const combination = combinationOf(record);
    item.counts.set(combination, (item.counts.get(combination) ?? 0) + 1);
  }
  return [...items.values()];
}

/** A counter that differs from the recount of the records. */
export interface CountDifference {
  readonly month: string;
  readonly zoneId: string;
  readonly combination: string;
  readonly stored: number;
  readonly recounted: number;
}

/** Every counter whose stored value differs from the recount (a missing counter is 0). */
export function differences(
  stored: readonly MonthZoneCounts[],
  recounted: readonly MonthZoneCounts[],
): CountDifference[] {
  const values = new Map<
    string,
    { month: string; zoneId: string; combination: string; stored: number; recounted: number }
  >();
  const add = (items: readonly MonthZoneCounts[], side: 'stored' | 'recounted') => {
    for (const { month, zoneId, counts } of items) {
      for (const [combination, count] of counts) {
        if (factsOf(combination) === undefined) continue;
        const id = `${month} ${zoneId} ${combination}`;
        const value = values.get(id) ?? { month, zoneId, combination, stored: 0, recounted: 0 };
        value[side] += count;
        values.set(id, value);
      }
    }
  };
  add(stored, 'stored');
  add(recounted, 'recounted');
  return [...values.values()]
    .filter((value) => value.stored !== value.recounted)
    .sort((a, b) => a.month.localeCompare(b.month) || a.zoneId.localeCompare(b.zoneId));
}
