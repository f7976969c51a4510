/** The arithmetic of the bench's figures: percentiles and what overlapping calls add up to. */

/** The value below which `p` percent of `values` lie (nearest rank); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** A call in flight from `start` to `end` (milliseconds on one clock). */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * How many times the caller waited on the database: calls sent while others are in flight share
 * their wait, so `Promise.all` of ten reads is one round trip and ten reads one after another are ten.
 */
export function roundTrips(calls: readonly Interval[]): number {
  let trips = 0;
  let busyUntil = Number.NEGATIVE_INFINITY;
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    if (call.start >= busyUntil) trips++;
    busyUntil = Math.max(busyUntil, call.end);
  }
  return trips;
}

/** The time during which at least one call was in flight. */
export function busyMillis(calls: readonly Interval[]): number {
  let total = 0;
  let current: { from: number; until: number } | undefined;
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    if (current && call.start <= current.until) {
      current.until = Math.max(current.until, call.end);
      continue;
    }
    if (current) total += current.until - current.from;
    current = { from: call.start, until: call.end };
  }
  return current ? total + (current.until - current.from) : total;
}
