/**
 * What the cycle's routes answer, as schemas: the route table declares them, the OpenAPI document
 * is generated from them and the API tests check every reply against them.
 */
import * as z from 'zod/mini';
import { reportStatusView } from '../proposals/report-status-view';
import { lazy, named, namedPageOf, shapeOf } from '../schema-kit';
import { roles } from '../structure/roles';
import { attendanceEntrySchema } from './meeting';
import { WINDOW_SOURCES } from './meeting-calendar';
import { meetingStates } from './meeting-lifecycle';

const instant = z.string();
const nullable = z.nullable;

export const personView = named(
  lazy(() => z.strictObject({ officialId: z.string(), name: z.string() })),
  'Person',
);

const sessionView = z.enum(['morning', 'afternoon']);

const dateDecisionView = named(
  lazy(() => z.strictObject({ outsideWindow: z.literal(true), reason: z.string(), by: personView, at: instant })),
  'DateDecision',
);

const windowFields = { firstDay: z.number(), lastDay: z.number() };

export const monthWindowView = named(
  lazy(() => z.strictObject({ ...windowFields, source: z.enum(WINDOW_SOURCES) })),
  'MonthWindow',
);

export const officeWindowView = named(
  lazy(() => z.strictObject({ month: z.string(), ...windowFields, reason: z.string() })),
  'OfficeWindow',
);
const hostView = lazy(() => z.strictObject({ communeId: z.string(), name: z.string() }));

export const meetingSummaryView = named(
  lazy(() =>
    z.strictObject({
      id: z.string(),
      month: z.string(),
      zoneId: z.string(),
      zoneName: z.string(),
      status: z.enum(meetingStates),
      date: nullable(z.string()),
      session: nullable(sessionView),
      dateDecision: z.optional(dateDecisionView),
      host: nullable(hostView),
      venue: nullable(z.string()),
    }),
  ),
  'MeetingSummary',
);

export const attendeeView = lazy(() =>
  z.strictObject({
    officialId: z.string(),
    name: z.string(),
    roles: z.array(z.strictObject({ role: z.enum(roles), unitId: z.string() })),
  }),
);

export const expectedReportView = named(
  lazy(() =>
    z.strictObject({
      cellId: z.string(),
      cellName: z.string(),
      communeId: z.string(),
      communeName: z.string(),
      secretaries: z.array(personView),
    }),
  ),
  'ExpectedReport',
);

export const amendmentView = named(
  lazy(() =>
    z.strictObject({
      number: z.number(),
      meetingId: z.string(),
      text: z.string(),
      reason: z.string(),
      amendedBy: personView,
      at: instant,
    }),
  ),
  'Amendment',
);

/** Who a meeting expects, and who keeps its minutes: stored apart from the meeting's record, shown in it. */
export function meetingRosterShape() {
  return {
    minutesSecretary: nullable(personView),
    expectedAttendees: z.array(attendeeView),
    expectedReports: z.array(expectedReportView),
  };
}

/** Who came to a meeting, as recorded: stored apart from the meeting's record, shown in it. */
export function meetingAttendanceShape() {
  return { entries: z.array(attendanceEntrySchema), recordedAt: instant, recordedBy: personView };
}

/** A meeting's minutes: stored apart from the meeting's record, shown in it. */
export function meetingMinutesShape() {
  return { text: z.string(), decisions: z.array(z.string()), writtenAt: instant, writtenBy: personView };
}

/** What a meeting's record keeps after its summary's fields: its counts and the moments of its course. */
export function meetingProgressShape() {
  return {
    amendmentCount: z.number(),
    floorProposalCount: z.optional(z.number()),
    openedAt: instant,
    heldAt: z.optional(instant),
    closedAt: z.optional(instant),
    cancelledAt: z.optional(instant),
    cancelReason: z.optional(z.string()),
  };
}

export const meetingView = named(
  lazy(() =>
    z.strictObject({
      ...shapeOf(meetingSummaryView),
      ...meetingRosterShape(),
      attendance: nullable(z.strictObject(meetingAttendanceShape())),
      minutes: nullable(z.strictObject(meetingMinutesShape())),
      ...meetingProgressShape(),
      window: z.optional(monthWindowView),
      amendments: z.array(amendmentView),
    }),
  ),
  'Meeting',
);

/** A month's cycle as stored and as shown (`cycleView` adds its meetings). */
export function cycleShape() {
  return {
    month: z.string(),
    zoneIds: z.array(z.string()),
    openedAt: instant,
    openedBy: z.string(),
    window: z.optional(monthWindowView),
  };
}

export const cycleView = named(
  lazy(() => z.strictObject({ ...cycleShape(), meetings: z.array(meetingSummaryView) })),
  'Cycle',
);

export const openedCycleView = named(
  lazy(() => z.strictObject({ created: z.boolean(), ...cycleShape(), meetings: z.array(meetingSummaryView) })),
  'OpenedCycle',
);

export const meetingPageView = namedPageOf(meetingSummaryView, 'MeetingPage');

/** An agenda entry is whatever its source keeps (proposals, results, responses, announcements). */
const agendaEntry = lazy(() => z.record(z.string(), z.unknown()));

export const agendaView = named(
  lazy(() =>
    z.strictObject({
      meetingId: z.string(),
      month: z.string(),
      zoneId: z.string(),
      status: z.enum(meetingStates),
      date: nullable(z.string()),
      session: nullable(sessionView),
      dateDecision: z.optional(dateDecisionView),
      window: z.strictObject({ since: z.optional(instant), until: instant }),
      expectedReports: z.array(expectedReportView),
      /** Each expected cell with its report's state: which have submitted and which have not. */
      reports: z.array(reportStatusView),
      sections: z.record(z.string(), z.array(agendaEntry)),
    }),
  ),
  'Agenda',
);

export const rotationView = named(
  lazy(() =>
    z.strictObject({
      zoneId: z.string(),
      year: z.number(),
      hosts: z.array(z.string()),
      previousHost: nullable(z.string()),
      keptMonths: z.array(z.number()),
      generatedAt: instant,
    }),
  ),
  'Rotation',
);

export const hostingWishView = named(
  lazy(() =>
    z.strictObject({ communeId: z.string(), zoneId: z.string(), year: z.number(), months: z.array(z.number()) }),
  ),
  'HostingWishes',
);

export const hostingWishListView = named(
  lazy(() => z.strictObject({ items: z.array(hostingWishView) })),
  'HostingWishList',
);

export const announcementView = named(
  lazy(() =>
    z.strictObject({
      id: z.string(),
      title: z.string(),
      body: z.string(),
      zoneIds: z.union([z.literal('all'), z.array(z.string())]),
      createdAt: instant,
      createdBy: personView,
    }),
  ),
  'Announcement',
);

export const announcementPageView = namedPageOf(announcementView, 'AnnouncementPage');
