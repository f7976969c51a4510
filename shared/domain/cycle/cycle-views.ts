/**
 * What the cycle's routes answer, as schemas: the route table declares them, the OpenAPI document
 * is generated from them and the API tests check every reply against them.
 */
import * as z from 'zod/mini';
import { reportStatusView } from '../proposals/report-status-view';
import { named, pageOf } from '../schema-kit';
import { roles } from '../structure/roles';
import { attendanceEntrySchema } from './meeting';
import { WINDOW_SOURCES } from './meeting-calendar';
import { meetingStates } from './meeting-lifecycle';

const instant = z.string();
const nullable = z.nullable;

export const personView = named(z.strictObject({ officialId: z.string(), name: z.string() }), 'Person');

const sessionView = z.enum(['morning', 'afternoon']);

const dateDecisionView = named(
  z.strictObject({ outsideWindow: z.literal(true), reason: z.string(), by: personView, at: instant }),
  'DateDecision',
);

const windowFields = { firstDay: z.number(), lastDay: z.number() };

export const monthWindowView = named(
  z.strictObject({ ...windowFields, source: z.enum(WINDOW_SOURCES) }),
  'MonthWindow',
);

export const officeWindowView = named(
  z.strictObject({ month: z.string(), ...windowFields, reason: z.string() }),
  'OfficeWindow',
);
const hostView = z.strictObject({ communeId: z.string(), name: z.string() });

export const meetingSummaryView = named(
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
  'MeetingSummary',
);

export const attendeeView = z.strictObject({
  officialId: z.string(),
  name: z.string(),
  roles: z.array(z.strictObject({ role: z.enum(roles), unitId: z.string() })),
});

export const expectedReportView = named(
  z.strictObject({
    cellId: z.string(),
    cellName: z.string(),
    communeId: z.string(),
    communeName: z.string(),
    secretaries: z.array(personView),
  }),
  'ExpectedReport',
);

export const amendmentView = named(
  z.strictObject({
    number: z.number(),
    meetingId: z.string(),
    text: z.string(),
    reason: z.string(),
    amendedBy: personView,
    at: instant,
  }),
  'Amendment',
);

export const meetingView = named(
  z.strictObject({
    ...meetingSummaryView.shape,
    minutesSecretary: nullable(personView),
    expectedAttendees: z.array(attendeeView),
    expectedReports: z.array(expectedReportView),
    attendance: nullable(
      z.strictObject({ entries: z.array(attendanceEntrySchema), recordedAt: instant, recordedBy: personView }),
    ),
    minutes: nullable(
      z.strictObject({ text: z.string(), decisions: z.array(z.string()), writtenAt: instant, writtenBy: personView }),
    ),
    amendmentCount: z.number(),
    floorProposalCount: z.optional(z.number()),
    openedAt: instant,
    heldAt: z.optional(instant),
    closedAt: z.optional(instant),
    cancelledAt: z.optional(instant),
    cancelReason: z.optional(z.string()),
    window: z.optional(monthWindowView),
    amendments: z.array(amendmentView),
  }),
  'Meeting',
);

const cycleFields = {
  month: z.string(),
  zoneIds: z.array(z.string()),
  openedAt: instant,
  openedBy: z.string(),
  window: z.optional(monthWindowView),
};

export const cycleView = named(z.strictObject({ ...cycleFields, meetings: z.array(meetingSummaryView) }), 'Cycle');

export const openedCycleView = named(
  z.strictObject({ created: z.boolean(), ...cycleFields, meetings: z.array(meetingSummaryView) }),
  'OpenedCycle',
);

export const meetingPageView = named(pageOf(meetingSummaryView), 'MeetingPage');

/** An agenda entry is whatever its source keeps (proposals, results, responses, announcements). */
const agendaEntry = z.record(z.string(), z.unknown());

export const agendaView = named(
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
  'Agenda',
);

export const rotationView = named(
  z.strictObject({
    zoneId: z.string(),
    year: z.number(),
    hosts: z.array(z.string()),
    previousHost: nullable(z.string()),
    keptMonths: z.array(z.number()),
    generatedAt: instant,
  }),
  'Rotation',
);

export const hostingWishView = named(
  z.strictObject({ communeId: z.string(), zoneId: z.string(), year: z.number(), months: z.array(z.number()) }),
  'HostingWishes',
);

export const hostingWishListView = named(z.strictObject({ items: z.array(hostingWishView) }), 'HostingWishList');

export const announcementView = named(
  z.strictObject({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    zoneIds: z.union([z.literal('all'), z.array(z.string())]),
    createdAt: instant,
    createdBy: personView,
  }),
  'Announcement',
);

export const announcementPageView = named(pageOf(announcementView), 'AnnouncementPage');
