/**
 * Reading announcements: a zone's agenda and a member's list are Queries of their own targets
 * (`ALL` and their zones, each entry a full copy), merged newest first; the office reads the
 * single feed of every announcement. No Scan, no follow-up reads.
 */
import { type CursorScope, decodeCursor, encodeCursor } from '../../db/cursor';
import { keys } from '../../db/keys';
import { toStored } from '../../db/store';
import { announcementRecordSchema } from '../../domain/cycle/cycle-records';
import type { Person } from '../../domain/cycle/meeting';
import { readTimeline, TIMELINE_END, TIMELINE_START, type TimelinePartition } from './timeline';

export interface Announcement {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly zoneIds: 'all' | readonly string[];
  readonly createdAt: string;
  readonly createdBy: Person;
}

/** The feeds that concern a reader: everything, or `ALL` plus the given zones. */
export function announcementFeeds(zones: 'all' | ReadonlySet<string>): TimelinePartition[] {
  if (zones === 'all') return [{ partition: keys.announcementsPartition }];
  const targets: ('ALL' | string)[] = ['ALL', ...zones];
  return targets.map((target) => ({ index: 'GSI1', partition: keys.announcementTarget(target) }));
}

/** A merged feed has no single `LastEvaluatedKey`; its cursor is the sort key of the last entry shown. */
const CURSOR_SCOPE: CursorScope = {
  partition: ['feed', 'announcements'],
  attributes: ['feed', 'before'],
  sortKey: 'before',
  between: [TIMELINE_START, TIMELINE_END],
};

/** A page of the announcements that concern a reader, newest first. */
export async function listAnnouncements(
  zones: 'all' | ReadonlySet<string>,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: Announcement[]; nextCursor?: string }> {
  const before = decodeCursor(cursor, CURSOR_SCOPE)?.before;
  const page = await readTimeline(
    announcementFeeds(zones),
    { from: TIMELINE_START, to: before ?? TIMELINE_END, exclude: before },
    limit,
  );
  const items: Announcement[] = page.items.map((entry) => toStored(announcementRecordSchema, entry.item).value);
  const last = page.items.at(-1);
  if (!page.more || !last) return { items };
  const [attribute, feed] = CURSOR_SCOPE.partition;
  return { items, nextCursor: encodeCursor({ [attribute]: feed, before: last.sortKey }) as string };
}
