/**
 * Reads time-ordered feeds (sort key `<ISO time>#<id>`, see `keys.timelineSortKey`) from one or
 * more partitions as one list, newest first: an announcement feed merges `ALL` with the caller's
 * zones; an agenda section merges what concerns one zone.
 */

import { queryPage } from '../../db/store';
import type { IndexName } from '../../db/table-definition';

export interface TimelinePartition {
  /** Omit for the base table. */
  readonly index?: IndexName;
  readonly partition: string;
}

/** Sort-key bounds above every `<ISO time>#<id>` (ids are lower-case slugs or UUIDs). */
export const TIMELINE_END = '~';
export const TIMELINE_START = '0';

export interface TimelinePage {
  /** Newest first, each entry once even when several partitions hold it. */
  readonly items: { readonly sortKey: string; readonly item: Record<string, unknown> }[];
  /** Whether older entries remain inside the range. */
  readonly more: boolean;
}

/**
 * The newest `limit` entries with sort keys in `[from, to]` across the partitions; an entry whose
 * sort key is `exclude` (the last one of the previous page) is left out.
 */
export async function readTimeline(
  partitions: readonly TimelinePartition[],
  range: { readonly from: string; readonly to: string; readonly exclude?: string },
  limit: number,
): Promise<TimelinePage> {
  const pages = await Promise.all(
    partitions.map(async (p) => {
      const page = await queryPage({ ...p, between: [range.from, range.to], descending: true, limit: limit + 1 });
      const sortKeyAttribute = p.index ? `${p.index}SK` : 'SK';
      return { page, entries: page.items.map((item) => ({ sortKey: String(item[sortKeyAttribute]), item })) };
    }),
  );
  const merged = new Map<string, { sortKey: string; item: Record<string, unknown> }>();
  for (const { entries } of pages)
    for (const entry of entries) if (entry.sortKey !== range.exclude) merged.set(entry.sortKey, entry);
  const sorted = [...merged.values()].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const more = sorted.length > limit || pages.some(({ page }) => page.nextCursor !== undefined);
  return { items: sorted.slice(0, limit), more };
}
