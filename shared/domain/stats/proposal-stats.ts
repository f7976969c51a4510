/**
 * `GET /stats/proposals`: the district's figures over a range of months ("since 2006, 1,002
 * proposals: agriculture 246, …; busiest month 29, quietest 7"), computed from the counters of
 * each month and zone (`proposal-counts.ts`), never from the proposals themselves.
 */
import * as z from 'zod/mini';
import { grants } from '../access/grants';
import { type FieldProblem, ValidationError } from '../errors';
import { naturalOrder } from '../natural-order';
import { type ProposalField, proposalFieldLabels, proposalFields } from '../proposals/proposal-fields';
import { type ProposalState, proposalStateLabels, proposalStates } from '../proposals/proposal-lifecycle';
import { idSchema, monthSchema } from '../schema-kit';
import { addMonths, monthNumber, monthYear } from '../time';
import { factsOf, type MonthZoneCounts, NO_DEPARTMENT } from './proposal-counts';

/**
 * What the figures are grouped by. By `department`, a proposal counts once for each department
 * assigned to answer it, and under `_none` while none is (so the groups may sum to more than the total).
 */
export const statsDimensions = ['field', 'month', 'zone', 'commune', 'status', 'department'] as const;
export type StatsDimension = (typeof statsDimensions)[number];

/** Who reads the figures: the office and the standing bodies all of them, a zone's head and deputy their zone's. */
export const STATS_READERS = grants(
  'office',
  'standing-board',
  'standing-committee',
  { role: 'zone-head', within: 'zone' },
  { role: 'zone-deputy', within: 'zone' },
);

/** The longest range one request may cover: 25 years, so a request reads at most 300 months' counters. */
export const MAX_STATS_MONTHS = 300;

export const statsQuerySchema = {
  /** First month (`YYYY-MM`); by default the 300th month before `to`. */
  from: z.optional(monthSchema),
  /** Last month; by default the current month. */
  to: z.optional(monthSchema),
  by: z._default(z.enum(statsDimensions), 'field'),
  /** Only the proposals of this zone (a zone's leaders see their own zone only). */
  zoneId: z.optional(idSchema),
  /** Only the proposals of this field. */
  field: z.optional(z.enum(proposalFields)),
};

export interface StatsQuery {
  readonly from?: string;
  readonly to?: string;
  readonly by: StatsDimension;
  readonly zoneId?: string;
  readonly field?: ProposalField;
}

/** Months since year 0, so ranges are differences. */
function monthIndex(month: string): number {
  return monthYear(month) * 12 + monthNumber(month) - 1;
}

/** The range a query covers, `current` being this month in Vietnam: checked, with its defaults. */
export function statsRange(query: Pick<StatsQuery, 'from' | 'to'>, current: string): { from: string; to: string } {
  const to = query.to ?? current;
  const from = query.from ?? addMonths(to, 1 - MAX_STATS_MONTHS);
  const problems: FieldProblem[] = [];
  if (from > to) {
    problems.push({
      path: query.to === undefined ? '/query/from' : '/query/to',
      code: 'before_from',
      message: 'Tháng cuối («to») không được trước tháng đầu («from»)',
    });
  } else if (monthIndex(to) - monthIndex(from) + 1 > MAX_STATS_MONTHS) {
    problems.push({
      path: '/query/from',
      code: 'range_too_long',
      message: `Một lần thống kê tối đa ${MAX_STATS_MONTHS} tháng (25 năm)`,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { from, to };
}

/** The names of the units the labels name; a unit no longer in the structure is labelled by its id. */
export interface UnitNames {
  readonly zones: ReadonlyMap<string, string>;
  readonly communes: ReadonlyMap<string, string>;
  readonly departments: ReadonlyMap<string, string>;
}

/** `Tháng 3/2027`. */
export function monthLabel(month: string): string {
  return `Tháng ${monthNumber(month)}/${monthYear(month)}`;
}

/** Counts per month (chronological), then per group key, of the proposals the filters keep. */
export type Tally = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A proposal's field and, by department, the department a `d|<department>|<field>` counter counts it for. */
function departmentCounter(name: string): { department: string; field: string } | undefined {
  const [family, department, field] = name.split('|');
  return family === 'd' && department && field ? { department, field } : undefined;
}

/**
 * Sums the counters into the query's groups, month by month; `by: 'month'` groups each month under
 * itself. By commune, `items` are zones' (the district's hold no commune).
 */
export function tally(items: readonly MonthZoneCounts[], query: Omit<StatsQuery, 'from' | 'to'>): Tally {
  const months = new Map<string, Map<string, number>>();
  const add = (month: string, key: string, count: number) => {
    const groups = months.get(month) ?? new Map<string, number>();
    groups.set(key, (groups.get(key) ?? 0) + count);
    months.set(month, groups);
  };
  for (const { month, zoneId, counts } of items) {
    if (query.zoneId !== undefined && zoneId !== query.zoneId) continue;
    for (const [name, count] of counts) {
      if (count === 0) continue;
      if (query.by === 'department') {
        const counted = departmentCounter(name);
        if (counted && (query.field === undefined || counted.field === query.field)) {
          add(month, counted.department, count);
        }
        continue;
      }
      const facts = factsOf(name);
      if (!facts || (query.field !== undefined && facts.field !== query.field)) continue;
      const key = { field: facts.field, month, zone: zoneId, commune: facts.communeId, status: facts.status }[query.by];
      // only a zone's items name communes: by commune, the figures are summed from those.
      if (key !== undefined) add(month, key, count);
    }
  }
  return new Map([...months].sort(([a], [b]) => a.localeCompare(b)));
}

function groupOrder(by: StatsDimension): (a: string, b: string) => number {
  const listed = (order: readonly string[]) => (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
  if (by === 'field') return listed(proposalFields);
  if (by === 'status') return listed(proposalStates);
  // proposals assigned to no department last.
  if (by === 'department')
    return (a, b) => Number(a === NO_DEPARTMENT) - Number(b === NO_DEPARTMENT) || naturalOrder(a, b);
  return naturalOrder;
}

export function groupLabel(by: StatsDimension, key: string, names: UnitNames): string {
  switch (by) {
    case 'field':
      return proposalFieldLabels[key as ProposalField] ?? key;
    case 'status':
      return proposalStateLabels[key as ProposalState] ?? key;
    case 'month':
      return monthLabel(key);
    case 'zone':
      return names.zones.get(key) ?? key;
    case 'commune':
      return names.communes.get(key) ?? key;
    case 'department':
      return key === NO_DEPARTMENT ? 'Chưa giao ban, ngành trả lời' : (names.departments.get(key) ?? key);
  }
}

interface MonthCount {
  readonly month: string;
  readonly count: number;
}

/**
 * The figures of a range: each group of `counted` (a tally by `by`) with its label, and the total
 * and the busiest and quietest months with any proposal from `monthly` (a tally by month, where
 * every proposal counts once whatever `by` is).
 */
export function summarise(counted: Tally, monthly: Tally, by: StatsDimension, names: UnitNames) {
  const groups = new Map<string, number>();
  for (const counts of counted.values()) {
    for (const [key, n] of counts) groups.set(key, (groups.get(key) ?? 0) + n);
  }
  const months: MonthCount[] = [...monthly]
    .map(([month, counts]) => ({ month, count: [...counts.values()].reduce((sum, n) => sum + n, 0) }))
    .filter((m) => m.count > 0);
  // the earliest month wins a tie, in both directions.
  const busiest = months.reduce<MonthCount | null>(
    (best, m) => (best === null || m.count > best.count ? m : best),
    null,
  );
  const quietest = months.reduce<MonthCount | null>(
    (best, m) => (best === null || m.count < best.count ? m : best),
    null,
  );
  const order = groupOrder(by);
  return {
    total: months.reduce((sum, m) => sum + m.count, 0),
    groups: [...groups]
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => order(a, b))
      .map(([key, count]) => ({ key, label: groupLabel(by, key, names), count })),
    busiestMonth: busiest,
    quietestMonth: quietest,
  };
}
