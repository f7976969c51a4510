/**
 * Opens a month's cycle: one meeting per zone with its host, date, venue and expected attendees.
 * Used by the scheduled opener and by `POST /cycles/{month}/open`.
 *
 * The month's window is fixed here: the office's window for the month (set before it opened),
 * else the district config's, else the 5th to the 10th. The cycle item keeps it, and the same
 * transaction checks that the office's window is still the one read, so a window set while the
 * opener was planning is either refused (the month is open) or used (the opener plans again).
 *
 * Idempotency: the cycle item `CYCLE#<month>` is created (attribute_not_exists) in the same
 * transaction as the meetings, their audit records, their slots and the in-use marks of the
 * zones and host communes. Of two openers racing for a month exactly one transaction commits;
 * the other fails on the cycle item (or with a transaction conflict), re-reads, finds the cycle
 * and returns it unchanged. The key is the month, never an invocation id, so scheduler retries
 * and hand-made openings meet on the same item.
 */
import { type Actor, ChangeSet, MAX_TRANSACTION_ITEMS } from '../../db/change-set';
import { keys } from '../../db/keys';
import type { Stored } from '../../db/store';
import { expectedReports, selectAttendees } from '../../domain/cycle/attendees';
import {
  type CycleRecord,
  defaultVenue,
  type Meeting,
  type MeetingRecord,
  windowOfCycle,
} from '../../domain/cycle/meeting';
import { type MeetingWindow, type OfficeWindowRecord, resolveMonthWindow } from '../../domain/cycle/meeting-calendar';
import { allocateMeetingSlots } from '../../domain/cycle/meeting-dates';
import { meetingId } from '../../domain/cycle/meeting-id';
import { AppError, ConflictError } from '../../domain/errors';
import type { Zone } from '../../domain/structure/entities';
import { monthNumber, monthYear } from '../../domain/time';
import { mapBounded } from '../bounded';
import {
  createMeeting,
  cycleRef,
  MEETING_CREATE_OPERATIONS,
  readCycleMeetings,
  readMonth,
  slotKeyOf,
  slotTaken,
} from './cycle-store';
import { type DistrictData, districtAssignments, loadDistrict } from './district-data';
import { ensureRotations } from './rotations';

export interface OpenCycleResult {
  /** False when the cycle was already open: nothing was written for it. */
  readonly created: boolean;
  readonly cycle: CycleRecord;
  readonly meetings: readonly MeetingRecord[];
}

/** The actor of scheduled openings in the audit trail. */
export const CYCLE_OPENER: Actor = { id: 'system:cycle-opener' };

/** Enough for a racing opener to see the winner's cycle; beyond that the failure is real. */
const MAX_ATTEMPTS = 4;
/** The cycle item, its audit record and the check of the office's window. */
const CYCLE_OPERATIONS = 3;

/** Opens `month`'s cycle, or returns it unchanged when it is already open. */
export async function openCycle(month: string, actor: Actor): Promise<OpenCycleResult> {
  for (let attempt = 1; ; attempt++) {
    // The month and the structure at once: opening needs both; only a month already open (a
    // retry) reads the structure for nothing.
    const [{ cycle: existing, window }, district] = await Promise.all([readMonth(month), loadDistrict()]);
    if (existing) return { created: false, ...(await completeCycle(existing.value, district, actor)) };
    try {
      return { created: true, ...(await createCycle(month, window, district, actor)) };
    } catch (error) {
      if (!lostTheRace(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * Another opener committed first (its cycle item exists) or was committing at the same time, or
 * the office changed the month's window after it was read.
 */
function lostTheRace(error: unknown): boolean {
  return (
    error instanceof ConflictError &&
    ['cycle_already_open', 'concurrent_change', 'month_window_changed'].includes(error.code)
  );
}

async function createCycle(
  month: string,
  officeWindow: Stored<OfficeWindowRecord> | undefined,
  district: DistrictData,
  actor: Actor,
): Promise<Omit<OpenCycleResult, 'created'>> {
  if (district.zones.length === 0) {
    throw new ConflictError('no_zones', 'Huyện chưa có khu nào; hãy nhập cơ cấu tổ chức trước khi mở kỳ giao ban.');
  }
  const first = new ChangeSet(actor);
  const window = resolveMonthWindow(month, district.calendar, officeWindow?.value);
  const cycle: CycleRecord = {
    month,
    zoneIds: district.zones.map((zone) => zone.id),
    openedAt: first.at,
    openedBy: actor.id,
    window,
  };
  const meetings = await planMeetings(month, district.zones, district, window, actor, first.at);
  first.create(
    cycleRef(month),
    keys.cycle(month),
    cycle,
    () => new ConflictError('cycle_already_open', `Kỳ giao ban tháng ${month} đã được mở.`),
  );
  first.check(
    keys.monthWindow(month),
    officeWindow
      ? { expression: '#version = :read', names: { '#version': 'version' }, values: { ':read': officeWindow.version } }
      : { expression: 'attribute_not_exists(PK)' },
    () => new ConflictError('month_window_changed', `Khung ngày họp tháng ${month} vừa được thay đổi.`),
  );
  // The first transaction carries the cycle and as many meetings as fit; a district with more
  // zones than one transaction holds gets the rest in later transactions, each keyed on its meetings.
  const fitting = countFitting(meetings, MAX_TRANSACTION_ITEMS - CYCLE_OPERATIONS);
  for (const meeting of meetings.slice(0, fitting)) addMeeting(first, meeting);
  await first.commit();
  await createMeetings(meetings.slice(fitting), actor);
  return { cycle, meetings };
}

/**
 * An open cycle is returned as it is. Should an opener have stopped between the cycle's first
 * transaction and a later one, the retry creates the meetings still missing.
 */
async function completeCycle(
  cycle: CycleRecord,
  district: DistrictData,
  actor: Actor,
): Promise<Omit<OpenCycleResult, 'created'>> {
  const meetings = await readCycleMeetings(cycle.month);
  const present = new Set(meetings.map((m) => m.zoneId));
  if (cycle.zoneIds.every((zoneId) => present.has(zoneId))) return { cycle, meetings };
  const zones = cycle.zoneIds.flatMap((id) => district.zones.filter((zone) => zone.id === id));
  const missing = zones.filter((zone) => !present.has(zone.id));
  const at = new Date().toISOString();
  const window = windowOfCycle(cycle);
  await createMeetings(await planMeetings(cycle.month, zones, district, window, actor, at, missing), actor);
  return { cycle, meetings: await readCycleMeetings(cycle.month) };
}

/**
 * The meetings of `month` for `only` (default: every zone), with the slots of the month's window
 * allocated over all `zones` in order, so a zone gets the same slot whichever opener plans it.
 */
async function planMeetings(
  month: string,
  zones: readonly Zone[],
  district: DistrictData,
  window: MeetingWindow,
  actor: Actor,
  openedAt: string,
  only: readonly Zone[] = zones,
): Promise<Meeting[]> {
  const slots = allocateMeetingSlots(
    month,
    zones.map((zone) => zone.id),
    district.calendar,
    window,
  );
  const communesOf = (zone: Zone) => district.communes.filter((commune) => commune.zoneId === zone.id);
  // Every zone's plan in one batch read and every assignment in one query, not a read and a query per zone.
  const [rotations, assignments] = await Promise.all([
    ensureRotations(
      only.map((zone) => ({ zoneId: zone.id, communes: communesOf(zone) })).filter((zone) => zone.communes.length > 0),
      monthYear(month),
      actor,
    ),
    districtAssignments(),
  ]);
  return only.map((zone): Meeting => {
    const communes = communesOf(zone);
    const hostId = rotations.get(zone.id)?.hosts[monthNumber(month) - 1];
    // A plan naming a commune that has since left the zone leaves the meeting without a host
    // rather than blocking the whole district's cycle; the office sets it right by hand.
    const host = communes.find((commune) => commune.id === hostId);
    const attendance = selectAttendees(zone.id, assignments, (id) => district.officialNames.get(id));
    const slot = slots.get(zone.id) ?? null;
    return {
      id: meetingId(month, zone.id),
      month,
      zoneId: zone.id,
      zoneName: zone.name,
      status: slot ? 'scheduled' : 'needs-date',
      date: slot?.date ?? null,
      session: slot?.session ?? null,
      host: host ? { communeId: host.id, name: host.name } : null,
      venue: host ? defaultVenue(host) : null,
      minutesSecretary: attendance.minutesSecretary,
      expectedAttendees: attendance.expected,
      expectedReports: expectedReports(communes, district.cells, attendance.expected),
      attendance: null,
      minutes: null,
      amendmentCount: 0,
      openedAt,
    };
  });
}

/** Transaction actions one meeting takes: its items and audit, slot, in-use marks of zone and host. */
function operationsOf(meeting: Meeting): number {
  return MEETING_CREATE_OPERATIONS + 1 + (slotKeyOf(meeting) ? 1 : 0) + (meeting.host ? 1 : 0);
}

function countFitting(meetings: readonly Meeting[], room: number): number {
  let used = 0;
  let count = 0;
  for (const meeting of meetings) {
    used += operationsOf(meeting);
    if (used > room) break;
    count++;
  }
  return count;
}

function addMeeting(changes: ChangeSet, meeting: Meeting): void {
  createMeeting(changes, meeting, () => new ConflictError('meeting_exists', `Cuộc họp "${meeting.id}" đã có.`));
  const slot = slotKeyOf(meeting);
  if (slot)
    changes.reserve(slot, { meetingId: meeting.id }, () =>
      slotTaken(meeting.date as string, meeting.session as string),
    );
  changes.markInUse(keys.unit('zone', meeting.zoneId));
  if (meeting.host) changes.markInUse(keys.unit('commune', meeting.host.communeId));
}

/** How many of an opening's transactions are in flight at once. */
const TRANSACTIONS_AT_ONCE = 4;

/**
 * Creates meetings beyond the first transaction, in transactions as large as allowed, a few at
 * once (they share no item). When one fails (another opener completing the same cycle), its
 * meetings are retried one by one: a meeting that exists is skipped, and one whose slot was
 * taken meanwhile waits for a date instead.
 */
async function createMeetings(meetings: readonly Meeting[], actor: Actor): Promise<void> {
  const batches: Meeting[][] = [];
  for (let rest = meetings; rest.length > 0; ) {
    const fitting = countFitting(rest, MAX_TRANSACTION_ITEMS);
    batches.push(rest.slice(0, fitting));
    rest = rest.slice(fitting);
  }
  await mapBounded(batches, TRANSACTIONS_AT_ONCE, async (batch) => {
    const changes = new ChangeSet(actor);
    for (const meeting of batch) addMeeting(changes, meeting);
    try {
      await changes.commit();
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      for (const meeting of batch) await createOneMeeting(meeting, actor);
    }
  });
}

async function createOneMeeting(meeting: Meeting, actor: Actor): Promise<void> {
  const undated: Meeting = { ...meeting, status: 'needs-date', date: null, session: null };
  for (const candidate of [meeting, undated]) {
    try {
      await addAndCommit(candidate, actor);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || !['meeting_exists', 'slot_taken'].includes(error.code)) throw error;
      if (error.code === 'meeting_exists') return;
    }
  }
}

function addAndCommit(meeting: Meeting, actor: Actor): Promise<void> {
  const changes = new ChangeSet(actor);
  addMeeting(changes, meeting);
  return changes.commit();
}
