/**
 * How the monthly cycle is stored and read back: a month's cycle item and its meetings share the
 * partition `CYCLE#<month>`; each meeting is also listed in its zone's GSI1 partition by month.
 * A meeting's item holds its record; its roster, attendance and minutes are items of their own
 * beside it (`keys.meetingPart`), written under the record's version and read only with the
 * whole meeting, so a month's list reads small items and a page of 100 always fits.
 */
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod/mini';
import { getItems } from '../../db/batch';
import type { ChangeSet, EntityRef, Refusal } from '../../db/change-set';
import { type IndexKeys, type ItemKey, keys } from '../../db/keys';
import {
  getItem,
  getStored,
  type Page,
  parseStored,
  type QuerySpec,
  queryAll,
  queryPage,
  type Stored,
  type StoredSchema,
} from '../../db/store';
import {
  amendmentRecordSchema,
  cycleRecordSchema,
  meetingAttendanceSchema,
  meetingMinutesSchema,
  meetingRecordSchema,
  meetingRosterSchema,
  officeWindowRecordSchema,
} from '../../domain/cycle/cycle-records';
import type {
  Amendment,
  CycleRecord,
  Meeting,
  MeetingAttendance,
  MeetingMinutes,
  MeetingRecord,
  MeetingRoster,
} from '../../domain/cycle/meeting';
import type { OfficeWindowRecord } from '../../domain/cycle/meeting-calendar';
import { parseMeetingId } from '../../domain/cycle/meeting-id';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { lazy, shapeOf } from '../../domain/schema-kit';

/** Audit entity of a meeting: `GET /audit?entity=meeting:<meetingId>`. */
export function meetingRef(meetingId: string): EntityRef {
  return { type: 'meeting', id: meetingId };
}

export function cycleRef(month: string): EntityRef {
  return { type: 'cycle', id: month };
}

export function meetingItemKeys(meeting: Pick<MeetingRecord, 'month' | 'zoneId'>): ItemKey & IndexKeys {
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
  return getStored(cycleRecordSchema, keys.cycle(month));
}

/** A month before and after it opens: its cycle (once open) and the office's window (if set). */
export interface MonthItems {
  readonly cycle?: Stored<CycleRecord>;
  readonly window?: Stored<OfficeWindowRecord>;
}

/** The month's cycle item and the office's window for it, in one query. */
export async function readMonth(month: string): Promise<MonthItems> {
  const items = await queryAll({ partition: keys.cyclePartition(month), prefix: keys.cycleItemsPrefix });
  const find = <T>(schema: StoredSchema<T>, key: { SK: string }) => {
    const item = items.find((candidate) => candidate.SK === key.SK);
    return item ? parseStored(schema, item) : undefined;
  };
  return {
    cycle: find(cycleRecordSchema, keys.cycle(month)),
    window: find(officeWindowRecordSchema, keys.monthWindow(month)),
  };
}

/** The record of every meeting of a month, in zone order of the cycle partition. */
export async function readCycleMeetings(month: string): Promise<MeetingRecord[]> {
  const items = await queryAll({ partition: keys.cyclePartition(month), prefix: keys.meetingPrefix });
  return items.map((item) => parseStored(meetingRecordSchema, item).value);
}

/** A meeting's items: its record and its large parts (null while the part was never written). */
interface MeetingItems {
  readonly record: MeetingRecord;
  readonly parts: {
    readonly roster: MeetingRoster;
    readonly attendance: MeetingAttendance | null;
    readonly minutes: MeetingMinutes | null;
  };
}

const partNames = ['roster', 'attendance', 'minutes'] as const;

function splitMeeting(meeting: Meeting): MeetingItems {
  const { minutesSecretary, expectedAttendees, expectedReports, attendance, minutes, ...record } = meeting;
  return { record, parts: { roster: { minutesSecretary, expectedAttendees, expectedReports }, attendance, minutes } };
}

/** A whole meeting by id, its record and parts in one batch read; 404 when the id is malformed or it does not exist. */
export async function loadMeeting(meetingId: string): Promise<Stored<Meeting>> {
  return (await loadMeetingWith(meetingId, () => [])).meeting;
}

/**
 * A whole meeting and the items `besides` names from its month and zone (those that exist), in the
 * same batch read: a use case that needs the meeting and items beside it pays one round trip.
 */
export async function loadMeetingWith(
  meetingId: string,
  besides: (month: string, zoneId: string) => readonly ItemKey[],
): Promise<{ meeting: Stored<Meeting>; items: readonly Record<string, unknown>[] }> {
  const { month, zoneId } = meetingPlace(meetingId);
  const recordKey = keys.meeting(month, zoneId);
  const partKeys = partNames.map((part) => keys.meetingPart(month, zoneId, part));
  const items = await getItems([recordKey, ...partKeys, ...besides(month, zoneId)]);
  const find = <T>(schema: StoredSchema<T>, key: ItemKey) => {
    const item = items.find((candidate) => candidate.PK === key.PK && candidate.SK === key.SK);
    return item ? parseStored(schema, item) : undefined;
  };
  const [rosterKey, attendanceKey, minutesKey] = partKeys as [ItemKey, ItemKey, ItemKey];
  const record = find(meetingRecordSchema, recordKey);
  const roster = find(meetingRosterSchema, rosterKey);
  if (!record || !roster) throw meetingNotFound(meetingId);
  const meeting: Meeting = {
    ...record.value,
    ...roster.value,
    attendance: find(meetingAttendanceSchema, attendanceKey)?.value ?? null,
    minutes: find(meetingMinutesSchema, minutesKey)?.value ?? null,
  };
  return { meeting: { value: meeting, version: record.version }, items };
}

/** Adds a new meeting to `changes`: its record (audited) and its roster, which the record's creation guards. */
export function createMeeting(changes: ChangeSet, meeting: Meeting, conflict: Refusal): void {
  const { record, parts } = splitMeeting(meeting);
  changes.create(meetingRef(meeting.id), meetingItemKeys(meeting), record, conflict);
  changes.putEntry(keys.meetingPart(meeting.month, meeting.zoneId, 'roster'), parts.roster);
}

/** Transaction actions `createMeeting` takes: the record, its audit and the roster. */
export const MEETING_CREATE_OPERATIONS = 3;

/** Transaction actions `replaceMeeting` takes at most: the record, its audit and its three parts. */
export const MEETING_REPLACE_OPERATIONS = 5;

/**
 * Adds a change of a meeting to `changes`: its record at `expectedVersion` (the version guards
 * every part) and only the parts that changed; the audit keeps what changed of the whole meeting.
 */
export function replaceMeeting(
  changes: ChangeSet,
  change: { before: Meeting; after: Meeting; expectedVersion: number; action: string; reason?: string },
): void {
  const was = splitMeeting(change.before);
  const is = splitMeeting(change.after);
  const { before, after, expectedVersion, action, reason } = change;
  changes.replace(meetingRef(before.id), meetingItemKeys(before), {
    before,
    after,
    item: is.record,
    expectedVersion,
    action,
    reason,
  });
  for (const part of partNames) {
    if (isDeepStrictEqual(was.parts[part], is.parts[part])) continue;
    const key = keys.meetingPart(before.month, before.zoneId, part);
    const value = is.parts[part];
    if (value === null) changes.release(key);
    else changes.putEntry(key, value);
  }
}

export function meetingNotFound(meetingId: string): NotFoundError {
  return new NotFoundError(`Không có cuộc họp "${meetingId}".`, 'meeting_not_found');
}

/** The month and zone a meeting id names; 404 for an id that names no meeting. */
export function meetingPlace(meetingId: string): { month: string; zoneId: string } {
  const parsed = parseMeetingId(meetingId);
  if (!parsed) throw meetingNotFound(meetingId);
  return { month: parsed.month, zoneId: parsed.zoneId };
}

const expectedReportsOnly = lazy(() =>
  z.looseObject({ expectedReports: shapeOf(meetingRosterSchema).expectedReports }),
);

/** The cells a meeting expects reports from: one field of its roster, read alone (404 when there is no such meeting). */
export async function readExpectedReports(meetingId: string): Promise<Meeting['expectedReports']> {
  const { month, zoneId } = meetingPlace(meetingId);
  const item = await getItem(keys.meetingPart(month, zoneId, 'roster'), ['PK', 'SK', 'expectedReports']);
  if (!item) throw meetingNotFound(meetingId);
  return parseStored(expectedReportsOnly, item).value.expectedReports;
}

/** A meeting's amendments, oldest first (none are read while there are none). */
export async function readAmendments(meeting: MeetingRecord): Promise<Amendment[]> {
  if (meeting.amendmentCount === 0) return [];
  const items = await queryAll({
    partition: keys.cyclePartition(meeting.month),
    prefix: keys.amendmentPrefix(meeting.zoneId),
  });
  // Numbered under the meeting's version lock; the number, not a server clock, gives the order.
  return items.map((item) => parseStored(amendmentRecordSchema, item).value).sort((a, b) => a.number - b.number);
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
): Promise<Page<MeetingRecord>> {
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
  const items = page.items.map((item) => parseStored(meetingRecordSchema, item).value);
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}
