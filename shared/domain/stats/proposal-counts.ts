/**
 * How proposals are counted, exactly and at a cost independent of how many there are: every
 * proposal counts in the counters of its month and zone, under named counters (attributes of the
 * month-and-zone item) that say what the statistics group, filter and measure by. Each change of a
 * record moves its counts from the record as it was to the record as it is, in the same transaction.
 *
 * The counter families (`countsOf`), each bounded by the district's units, fields, states and day
 * counts, never by its proposals:
 * - `c|<commune>|<field>|<status>|<level>|<addressee>`: one per proposal (the total, by field,
 *   commune, state; closed and answered shares), in a zone's item;
 * - `t|<field>|<status>`: the same without the commune, in the district's item instead of `c|`, so
 *   that item's size follows the fields and states, never the district's communes or zones;
 * - `d|<department>|<field>`: one per department assigned to answer it, `d|_none|<field>` when none is;
 * - `s|<field>`: closed because the raising cell confirmed it solved in fact;
 * - per department's accepted answer: `a|<field>|on-time|late` (given by its due day or after),
 *   `r|<field>` (its review rounds, summed) and `h|<field>|<days>` (whole days from raising to
 *   acceptance: a histogram, so the median is exact).
 * `revision` (not a counter) grows with every change that moves the item's counts or the
 * proposals' overdue entries: the recount compares only items that held still while it read them.
 */
import type { DepartmentAssignment } from '../answers/answers';
import { daysBetween } from '../answers/due-dates';
import type { ProposalRecord } from '../proposals/proposal';
import { addresseeKey, type ProposalField } from '../proposals/proposal-fields';
import type { ProposalState } from '../proposals/proposal-lifecycle';
import { vietnamDate } from '../time';

const PREFIX = 'c|';
const DISTRICT_PREFIX = 't|';
/** The counter families; any other attribute of a counts item is not a count. */
const FAMILIES = [PREFIX, DISTRICT_PREFIX, 'd|', 's|', 'a|', 'r|', 'h|'] as const;
/** The department key of a proposal assigned to none: never a department's id (ids start with a letter or digit). */
export const NO_DEPARTMENT = '_none';
/** The zone of a month's district counters (every zone's summed): never a zone's id (ids start with a letter or digit). */
export const DISTRICT = '_district';
/** The attribute that grows with every change of a counts item (see the module comment). */
export const REVISION = 'revision';

/**
 * The items counts are kept in: a month and zone's (`zone`), and a month's summed over the zones
 * (`district`), which counts the same proposals without their communes (`t|` for `c|`).
 */
export type CountScope = 'zone' | 'district';

/** What a count says of the proposals it counts, besides their month and zone: only field and state for a district's `t|`. */
export interface CountedFacts {
  readonly field: ProposalField;
  readonly status: ProposalState;
  readonly communeId?: string;
  readonly level?: 'commune' | 'district' | null;
  /** `district`, `commune:<id>` or `department:<id>`. */
  readonly addressee?: string;
}

/** One month and zone's counts: counter → number. */
export interface MonthZoneCounts {
  readonly month: string;
  readonly zoneId: string;
  readonly counts: ReadonlyMap<string, number>;
}

/** A count to add to one counter of a month and zone. */
export interface CountDelta {
  readonly month: string;
  readonly zoneId: string;
  readonly combination: string;
  readonly delta: number;
}

/** True for an attribute of a counts item that counts proposals. */
export function isCounter(name: string): boolean {
  return FAMILIES.some((family) => name.startsWith(family));
}

/** The attribute a record counts under in its month and zone's item. */
export function combinationOf(record: ProposalRecord): string {
  const addressee = addresseeKey(record.addressee, record.communeId);
  return `${PREFIX}${[record.communeId, record.field, record.status, record.level ?? '-', addressee].join('|')}`;
}

/** What a combination (`c|` or `t|`) counts, or undefined for an attribute that is not one. */
export function factsOf(combination: string): CountedFacts | undefined {
  if (combination.startsWith(DISTRICT_PREFIX)) {
    const [field, status] = combination.slice(DISTRICT_PREFIX.length).split('|');
    return field && status ? { field: field as ProposalField, status: status as ProposalState } : undefined;
  }
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

/** A department's accepted answer as the figures measure it; undefined while its answer is not accepted. */
export function acceptedAnswer(
  record: Pick<ProposalRecord, 'raisedAt'>,
  assignment: DepartmentAssignment,
): { onTime: boolean; days: number; rounds: number } | undefined {
  const { status, answeredAt, acceptedAt } = assignment;
  if (status !== 'accepted' || answeredAt === undefined || acceptedAt === undefined) return undefined;
  const day = (instant: string) => vietnamDate(new Date(instant));
  return {
    // due by the end of its due day, in Vietnam.
    onTime: day(answeredAt) <= assignment.dueDate,
    days: daysBetween(day(record.raisedAt), day(acceptedAt)),
    rounds: assignment.rounds,
  };
}

/** Every counter a record adds to in an item of `scope`, with how much (see the module comment). */
export function countsOf(record: ProposalRecord, scope: CountScope = 'zone'): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string, n = 1) => counts.set(name, (counts.get(name) ?? 0) + n);
  const { field } = record;
  add(scope === 'zone' ? combinationOf(record) : `${DISTRICT_PREFIX}${field}|${record.status}`);
  const assignments = record.assignments ?? [];
  if (assignments.length === 0) add(`d|${NO_DEPARTMENT}|${field}`);
  for (const assignment of assignments) {
    add(`d|${assignment.departmentId}|${field}`);
    const answer = acceptedAnswer(record, assignment);
    if (answer) {
      add(`a|${field}|${answer.onTime ? 'on-time' : 'late'}`);
      add(`r|${field}`, answer.rounds);
      add(`h|${field}|${answer.days}`);
    }
  }
  if (record.status === 'closed' && record.confirmation?.solved === true) add(`s|${field}`);
  return counts;
}

/** The zone a record counts under in an item of `scope`. */
const zoneIn = (record: Pick<ProposalRecord, 'zoneId'>, scope: CountScope) =>
  scope === 'zone' ? record.zoneId : DISTRICT;

/**
 * The counts a change moves in the items of `scope`: off the record as it was (absent for a new
 * one), onto it as it is; none that cancel out.
 */
export function countDeltas(
  before: ProposalRecord | undefined,
  after: ProposalRecord | undefined,
  scope: CountScope = 'zone',
): CountDelta[] {
  const deltas = new Map<string, CountDelta>();
  const move = (record: ProposalRecord | undefined, sign: number) => {
    if (!record) return;
    const zoneId = zoneIn(record, scope);
    for (const [combination, n] of countsOf(record, scope)) {
      const id = `${record.month} ${zoneId} ${combination}`;
      const delta = (deltas.get(id)?.delta ?? 0) + sign * n;
      deltas.set(id, { month: record.month, zoneId, combination, delta });
    }
  };
  move(before, -1);
  move(after, 1);
  return [...deltas.values()].filter((d) => d.delta !== 0);
}

/** The counts of records, per month and zone (per month for `district`), as the counters should hold them: what a recount compares with. */
export function countRecords(records: Iterable<ProposalRecord>, scope: CountScope = 'zone'): MonthZoneCounts[] {
  const items = new Map<string, { month: string; zoneId: string; counts: Map<string, number> }>();
  for (const record of records) {
    const zoneId = zoneIn(record, scope);
    const id = `${record.month} ${zoneId}`;
    let item = items.get(id);
    if (!item) {
      item = { month: record.month, zoneId, counts: new Map() };
      items.set(id, item);
    }
    for (const [combination, n] of countsOf(record, scope)) {
      item.counts.set(combination, (item.counts.get(combination) ?? 0) + n);
    }
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
        if (!isCounter(combination)) continue;
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
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.zoneId.localeCompare(b.zoneId) ||
        a.combination.localeCompare(b.combination),
    );
}
