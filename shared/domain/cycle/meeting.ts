/**
 * A zone's monthly briefing meeting as it is stored and read: who hosts it, when, who is expected,
 * who came, what was decided. The expected attendees and reports are snapshotted when the cycle
 * opens, so later changes to the structure do not rewrite a past meeting.
 */
import * as z from 'zod/mini';
import { BadRequestError, type FieldProblem } from '../errors';
import { dateSchema, idSchema, lazy, text } from '../schema-kit';
import type { Role } from '../structure/roles';
import { DEFAULT_MEETING_WINDOW, type MeetingWindow, type MonthWindow } from './meeting-calendar';
import type { Session } from './meeting-dates';
import type { MeetingState } from './meeting-lifecycle';

export interface Person {
  readonly officialId: string;
  readonly name: string;
}

/** One reason an official is expected: a role in a unit of the zone. */
export interface AttendeeRole {
  readonly role: Role;
  readonly unitId: string;
}

export interface Attendee extends Person {
  readonly roles: readonly AttendeeRole[];
}

/** A cell whose monthly report the meeting expects. */
export interface ExpectedReport {
  readonly cellId: string;
  readonly cellName: string;
  readonly communeId: string;
  readonly communeName: string;
  readonly secretaries: readonly Person[];
}

export const attendanceStatuses = ['present', 'absent', 'delegated'] as const;

export const attendanceEntrySchema = lazy(() =>
  z.strictObject({
    officialId: idSchema,
    status: z.enum(attendanceStatuses),
    /** Why an official was absent; required for `absent`. */
    reason: z.optional(text(500)),
    /** Who came in the official's place; required for `delegated`. */
    delegateName: z.optional(text(120)),
  }),
);
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

export const attendanceBodySchema = lazy(() =>
  z.strictObject({
    entries: z.array(attendanceEntrySchema).check(z.maxLength(500)),
  }),
);

export const minutesBodySchema = lazy(() =>
  z.strictObject({
    text: text(50_000),
    decisions: z.array(text(2_000)).check(z.maxLength(100)),
  }),
);
export type MinutesInput = z.infer<typeof minutesBodySchema>;

export const rescheduleBodySchema = lazy(() =>
  z.strictObject({
    date: dateSchema,
    session: z.enum(['morning', 'afternoon']),
    reason: text(500),
    /** Required, from the office only, to date the meeting outside its month's window: why it is held then. */
    outsideWindowReason: z.optional(text(500)),
  }),
);

export const cancelBodySchema = lazy(() => z.strictObject({ reason: text(500) }));

export const amendmentBodySchema = lazy(() =>
  z.strictObject({
    text: text(20_000),
    reason: text(500),
  }),
);

/** A date the office chose outside the month's window, and why: a decision, not the rule. */
export interface DateDecision {
  readonly outsideWindow: true;
  readonly reason: string;
  readonly by: Person;
  readonly at: string;
}

/**
 * A meeting without its large parts: what its own item holds, what lists read. The expected
 * attendees and reports, the attendance and the minutes grow with the zone and the meeting, so
 * each lives in an item of its own, read only with the whole meeting (`Meeting`).
 */
export interface MeetingRecord {
  /** `<month>.<zoneId>`, see `meeting-id.ts`. */
  readonly id: string;
  readonly month: string;
  readonly zoneId: string;
  readonly zoneName: string;
  readonly status: MeetingState;
  /** Null while the meeting `needs-date`. */
  readonly date: string | null;
  readonly session: Session | null;
  /** Present while the meeting is dated outside its month's window by the office's decision. */
  readonly dateDecision?: DateDecision;
  /** Null only for a zone without communes. */
  readonly host: { readonly communeId: string; readonly name: string } | null;
  readonly venue: string | null;
  readonly amendmentCount: number;
  /** How many proposals were raised from the floor while it was held (absent: none). */
  readonly floorProposalCount?: number;
  readonly openedAt: string;
  readonly heldAt?: string;
  readonly closedAt?: string;
  readonly cancelledAt?: string;
  readonly cancelReason?: string;
}

/** Who and what the meeting expects, snapshotted when the cycle opens and never changed after. */
export interface MeetingRoster {
  /** The zone deputy, who keeps the minutes. */
  readonly minutesSecretary: Person | null;
  readonly expectedAttendees: readonly Attendee[];
  readonly expectedReports: readonly ExpectedReport[];
}

export interface MeetingAttendance {
  readonly entries: readonly AttendanceEntry[];
  readonly recordedAt: string;
  readonly recordedBy: Person;
}

export type MeetingMinutes = MinutesInput & { readonly writtenAt: string; readonly writtenBy: Person };

/** A whole meeting: its record and its parts. */
export interface Meeting extends MeetingRecord, MeetingRoster {
  readonly attendance: MeetingAttendance | null;
  readonly minutes: MeetingMinutes | null;
}

/**
 * The most a whole meeting may weigh, in bytes of its JSON (which DynamoDB's item size does not
 * exceed). The audit record of a change carries the changed parts before and after it, and
 * DynamoDB refuses items over 400 KB, so a meeting must stay under half of that with room to spare.
 */
export const MAX_MEETING_BYTES = 180_000;

/** Refuses (400 `meeting_too_large`) a meeting too large to store with the audit record of a change. */
export function requireStorableSize(meeting: Meeting): void {
  const bytes = new TextEncoder().encode(JSON.stringify(meeting)).byteLength;
  if (bytes > MAX_MEETING_BYTES) {
    throw new BadRequestError(
      'meeting_too_large',
      `Biên bản và điểm danh của cuộc họp sẽ vượt quá ${MAX_MEETING_BYTES / 1000} KB; hãy rút gọn nội dung.`,
    );
  }
}

/** A later correction of a closed meeting's minutes; the original minutes stay as they were. */
export interface Amendment {
  readonly number: number;
  readonly meetingId: string;
  readonly text: string;
  readonly reason: string;
  readonly amendedBy: Person;
  readonly at: string;
}

/** A month's cycle: which zones it covers and when it was opened. */
export interface CycleRecord {
  readonly month: string;
  readonly zoneIds: readonly string[];
  readonly openedAt: string;
  readonly openedBy: string;
  /**
   * The window the month was opened with; it stays fixed while the month runs. Absent on cycles
   * opened before windows could change, which all used the default 5th to 10th.
   */
  readonly window?: MonthWindow;
}

/** The window a month's meetings keep to (the default for a cycle opened before windows could change). */
export function windowOfCycle(cycle: CycleRecord | undefined): MeetingWindow {
  return cycle?.window ?? DEFAULT_MEETING_WINDOW;
}

/** What lists show of a meeting. */
export function meetingSummary(meeting: MeetingRecord) {
  const { id, month, zoneId, zoneName, status, date, session, dateDecision, host, venue } = meeting;
  return { id, month, zoneId, zoneName, status, date, session, ...(dateDecision && { dateDecision }), host, venue };
}

/** The host commune's hall, or the usual name of its people's committee hall. */
export function defaultVenue(commune: { readonly name: string; readonly hall?: string }): string {
  return commune.hall ?? `Hội trường UBND ${commune.name}`;
}

/**
 * Checks attendance entries against the meeting's expected list: every official must be
 * expected and listed once; an absence needs a reason and a delegation the delegate's name.
 */
export function checkAttendance(entries: readonly AttendanceEntry[], expected: readonly Person[]): FieldProblem[] {
  const expectedIds = new Set(expected.map((person) => person.officialId));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  entries.forEach((entry, index) => {
    const at = (field: string) => `/entries/${index}/${field}`;
    if (!expectedIds.has(entry.officialId)) {
      problems.push({
        path: at('officialId'),
        code: 'not_expected',
        message: `Cán bộ "${entry.officialId}" không có trong danh sách triệu tập`,
      });
    } else if (seen.has(entry.officialId)) {
      problems.push({
        path: at('officialId'),
        code: 'duplicate',
        message: `Cán bộ "${entry.officialId}" được ghi hai lần`,
      });
    }
    seen.add(entry.officialId);
    if (entry.status === 'absent' && entry.reason === undefined) {
      problems.push({ path: at('reason'), code: 'required', message: 'Vắng mặt cần ghi lý do' });
    }
    if (entry.status === 'delegated' && entry.delegateName === undefined) {
      problems.push({
        path: at('delegateName'),
        code: 'required',
        message: 'Cử người đi thay cần ghi tên người dự thay',
      });
    }
    if (entry.status !== 'delegated' && entry.delegateName !== undefined) {
      problems.push({
        path: at('delegateName'),
        code: 'not_allowed',
        message: 'Chỉ ghi người dự thay khi cử người đi thay',
      });
    }
  });
  return problems;
}

/** The span an agenda covers: from the zone's previous closed meeting to this meeting's close. */
export interface AgendaWindow {
  /** Absent when the zone has no earlier closed meeting. */
  readonly since?: string;
  readonly until: string;
}

/**
 * An agenda reports what happened since the zone's last closed meeting (an announcement made
 * there is not repeated) up to this meeting's close; while the meeting is open, up to now. A
 * closed meeting's window is fixed, so its agenda reads the same later.
 * @param earlier the zone's earlier meetings, in any order.
 */
export function agendaWindow(
  meeting: Pick<Meeting, 'closedAt'>,
  earlier: readonly Pick<Meeting, 'closedAt'>[],
  now: Date,
): AgendaWindow {
  const until = meeting.closedAt ?? now.toISOString();
  const since = earlier
    .map((m) => m.closedAt)
    .filter((at): at is string => at !== undefined && at < until)
    .sort()
    .at(-1);
  return since === undefined ? { until } : { since, until };
}
