/**
 * The resolution figures of a range, from the same counters as the counts (`proposal-counts.ts`)
 * and, for what is overdue today, the overdue entries (`overdue-watch.ts`): how many proposals are
 * closed, answered, solved in fact; of the departments' accepted answers, how many on time, the
 * median days from raising to acceptance (exact, from the histogram of whole days) and the review
 * rounds per answer; and who holds overdue proposals, per department and per commune.
 */

import { naturalOrder } from '../natural-order';
import type { ProposalState } from '../proposals/proposal-lifecycle';
import type { OverdueWatch } from './overdue-watch';
import { factsOf, type MonthZoneCounts } from './proposal-counts';
import type { StatsQuery, UnitNames } from './proposal-stats';

/** Answered: the commune's result reported or the district's answer complete, and every state after. */
export const ANSWERED_STATES: readonly ProposalState[] = [
  'result-reported',
  'answered',
  'responded',
  'announced',
  'closed',
];

type Filter = Pick<StatsQuery, 'zoneId' | 'field'>;

/** A part of a whole: the count and its share (rounded to 4 decimals; null when the whole is 0). */
function part(count: number, of: number) {
  return { count, share: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000 };
}

/** The median of a histogram (value → how many), exact: the mean of the two middle values of an even count. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const values = [...histogram].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [value, n] of values) {
      seen += n;
      if (index < seen) return value;
    }
    return Number.NaN;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

/** Sums the resolution counters the filters keep. */
function sumCounters(items: readonly MonthZoneCounts[], filter: Filter) {
  const sums = { total: 0, closed: 0, answered: 0, solved: 0, onTime: 0, late: 0, rounds: 0 };
  const days = new Map<number, number>();
  for (const { zoneId, counts } of items) {
    if (filter.zoneId !== undefined && zoneId !== filter.zoneId) continue;
    for (const [name, n] of counts) {
      const facts = factsOf(name);
      if (facts) {
        if (filter.field !== undefined && facts.field !== filter.field) continue;
        sums.total += n;
        if (facts.status === 'closed') sums.closed += n;
        if (ANSWERED_STATES.includes(facts.status)) sums.answered += n;
        continue;
      }
      const [family, field, detail] = name.split('|');
      if (filter.field !== undefined && field !== filter.field) continue;
      if (family === 's') sums.solved += n;
      else if (family === 'a' && detail === 'on-time') sums.onTime += n;
      else if (family === 'a' && detail === 'late') sums.late += n;
      else if (family === 'r') sums.rounds += n;
      else if (family === 'h') days.set(Number(detail), (days.get(Number(detail)) ?? 0) + n);
    }
  }
  return { ...sums, days };
}

/** The overdue entries of the range and filters: what the figures count, and whose holders they name. */
export function keptWatches(
  watches: readonly OverdueWatch[],
  range: { from: string; to: string },
  filter: Filter,
): OverdueWatch[] {
  return watches.filter(
    (w) =>
      w.month >= range.from &&
      w.month <= range.to &&
      (filter.zoneId === undefined || w.zoneId === filter.zoneId) &&
      (filter.field === undefined || w.field === filter.field),
  );
}

/** Counts the overdue entries of the range and filters, per holder; `proposals` counts each proposal once. */
function overdueOf(
  watches: readonly OverdueWatch[],
  range: { from: string; to: string },
  filter: Filter,
  names: UnitNames,
) {
  const kept = keptWatches(watches, range, filter);
  const holders = (holder: OverdueWatch['holder'], labels: ReadonlyMap<string, string>) => {
    const counts = new Map<string, number>();
    for (const w of kept) if (w.holder === holder) counts.set(w.unitId, (counts.get(w.unitId) ?? 0) + 1);
    return [...counts]
      .sort(([a], [b]) => naturalOrder(a, b))
      .map(([key, count]) => ({ key, label: labels.get(key) ?? key, count }));
  };
  return {
    proposals: new Set(kept.map((w) => w.proposalId)).size,
    departments: holders('department', names.departments),
    communes: holders('commune', names.communes),
  };
}

/** The resolution figures of the range's counters and today's overdue entries, with the query's filters. */
export function resolutionFigures(
  items: readonly MonthZoneCounts[],
  overdue: { readonly asOf: string; readonly watches: readonly OverdueWatch[] },
  range: { from: string; to: string },
  filter: Filter,
  names: UnitNames,
) {
  const sums = sumCounters(items, filter);
  const accepted = sums.onTime + sums.late;
  return {
    closed: part(sums.closed, sums.total),
    answered: part(sums.answered, sums.total),
    solvedInFact: part(sums.solved, sums.total),
    answers: {
      accepted,
      onTime: part(sums.onTime, accepted),
      medianDaysToAccept: histogramMedian(sums.days),
      reviewRoundsPerAnswer: accepted === 0 ? null : Math.round((sums.rounds / accepted) * 100) / 100,
    },
    overdue: { asOf: overdue.asOf, ...overdueOf(overdue.watches, range, filter, names) },
  };
}
