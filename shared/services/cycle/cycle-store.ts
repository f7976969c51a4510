/**
 * How the monthly cycle is stored and read back: a month's cycle item and its meetings share the
 * partition `CYCLE#<month>`; each meeting is also listed in its zone's GSI1 partition by month.
 */
import type { EntityRef } from '../../db/change-set';
import { type IndexKeys, type ItemKey, keys } from '../../db/keys';
import { findStored, type Page, type QuerySpec, queryAll, queryPage, type Stored, toStored } from '../../db/store';
import type { Amendment, CycleRecord, Meeting } from '../../domain/cycle/meeting';
import type { OfficeWindowRecord } from '../../domain/cycle/meeting-calendar';
import { parseMeetingId } from '../../domain/cycle/meeting-id';
import { ConflictError, NotFoundError } from '../../domain/errors';

/** Audit entity of a meeting: `GET /audit?entity=meeting:<meetingId>`. */
export function meetingRef(meetingId: string): EntityRef {
  return { type: 'meeting', id: meetingId };
}

export function cycleRef(month: string): EntityRef {
  return { type: 'cycle', id: month };
}

export function meetingItemKeys(meeting: Pick<Meeting, 'month' | 'zoneId'>): ItemKey & IndexKeys {
  return {
    ...keys.meeting(meeting.month, meeting.zoneId),
    GSI1PK: keys.zoneMeetings(meeting.zoneId),
    GSI1SK: keys.zoneMeetingSortKey(meeting.month),
  };
}

/** The slot item a dated meeting holds, so no other meeting of the month takes its day and session. */
export function slotKeyOf(meeting: Pick<Meeting, 'month' | 'date' | 'session'>): ItemKey | undefined {
  return meeting.date && meeting.session ? keys.meetingSlot(meeting.month, meeting.date, meeting.session) : undefined;
}

export function slotTaken(date: string, session: string): ConflictError {
  const label = session === 'morning' ? 'buổi sáng' : 'buổi chiều';
  return new ConflictError('slot_taken', `${label} ngày ${date} đã có cuộc họp của khu khác.`);
}

export function readCycle(month: string): Promise<Stored<CycleRecord> | undefined> {
  return findStored<CycleRecord>(keys.cycle(month));
}

/** A month before and after it opens: its cycle (once open) and the office's window (if set). */
export interface MonthItems {
  readonly cycle?: Stored<CycleRecord>;
  readonly window?: Stored<OfficeWindowRecord>;
}

/** The month's cycle item and the office's window for it, in one query. */
export async function readMonth(month: string): Promise<MonthItems> {
  const items = await queryAll({ partition: keys.cyclePartition(month), prefix: keys.cycleItemsPrefix });
  const find = <T>(key: { SK: string }) => {
    const item = items.find((candidate) => candidate.SK === key.SK);
    return item ? toStored<T>(item) : undefined;
  };
  return { cycle: find<CycleRecord>(keys.cycle(month)), window: find<OfficeWindowRecord>(keys.monthWindow(month)) };
}

/** Every meeting of a month, in zone order of the cycle partition. */
export async function readCycleMeetings(month: string): Promise<Meeting[]> {
  const items = await queryAll({ partition: keys.cyclePartition(month), prefix: keys.meetingPrefix });
  return items.map((item) => toStored<Meeting>(item).value);
}

/** A meeting by id; 404 when the id is malformed or the meeting does not exist. */
export async function loadMeeting(meetingId: string): Promise<Stored<Meeting>> {
  const parsed = parseMeetingId(meetingId);
  const stored = parsed ? await findStored<Meeting>(keys.meeting(parsed.month, parsed.zoneId)) : undefined;
  if (!stored) throw meetingNotFound(meetingId);
  return stored;
}

export function meetingNotFound(meetingId: string): NotFoundError {
  return new NotFoundError(`Không có cuộc họp "${meetingId}".`, 'meeting_not_found');
}

/** A meeting's amendments, oldest first (none are read while there are none). */
export async function readAmendments(meeting: Meeting): Promise<Amendment[]> {
  if (meeting.amendmentCount === 0) return [];
  const items = await queryAll({
    partition: keys.cyclePartition(meeting.month),
    prefix: keys.amendmentPrefix(meeting.zoneId),
  });
  // Numbered under the meeting's version lock; the number, not a server clock, gives the order.
  return items.map((item) => toStored<Amendment>(item).value).sort((a, b) => a.number - b.number);
}

/** A meeting as the API shows it: the original minutes, then every amendment in order. */
export function presentMeeting(meeting: Meeting, amendments: readonly Amendment[]) {
  return { ...meeting, amendments };
}

/**
 * A page of meetings: a zone's, newest first (optionally of one month), or a month's in zone
 * order. At least one of the filters is given.
 */
export async function listMeetings(
  filter: { readonly month?: string; readonly zoneId?: string },
  limit: number,
  cursor: string | undefined,
): Promise<Page<Meeting>> {
  const { month, zoneId } = filter;
  const source: Omit<QuerySpec, 'limit' | 'cursor'> =
    zoneId !== undefined
      ? {
          index: 'GSI1',
          partition: keys.zoneMeetings(zoneId),
          descending: true,
          ...(month === undefined ? {} : { between: [keys.zoneMeetingSortKey(month), keys.zoneMeetingSortKey(month)] }),
        }
      : { partition: keys.cyclePartition(month ?? ''), prefix: keys.meetingPrefix };
  const page = await queryPage({ ...source, limit, cursor });
  const items = page.items.map((item) => toStored<Meeting>(item).value);
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}
