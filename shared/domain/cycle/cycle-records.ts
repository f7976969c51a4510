/**
 * What the monthly cycle's items hold, as schemas its stores parse every read with: a record that
 * does not hold what the cycle relies on fails as it is read, not later as a wrong answer. Loose
 * objects: attributes a later version adds are carried through, not dropped on the next write.
 */
import * as z from 'zod/mini';
import { lazy, shapeOf } from '../schema-kit';
import { calendarSchema, cellSchema, communeSchema, officialSchema, zoneSchema } from '../structure/entities';
import { roles } from '../structure/roles';
import {
  amendmentView,
  announcementView,
  attendeeView,
  expectedReportView,
  hostingWishView,
  meetingSummaryView,
  monthWindowView,
  personView,
  rotationView,
} from './cycle-views';
import { attendanceEntrySchema } from './meeting';

const instant = z.string();

export const meetingRecordSchema = lazy(() =>
  z.looseObject({
    ...shapeOf(meetingSummaryView),
    amendmentCount: z.number(),
    floorProposalCount: z.optional(z.number()),
    openedAt: instant,
    heldAt: z.optional(instant),
    closedAt: z.optional(instant),
    cancelledAt: z.optional(instant),
    cancelReason: z.optional(z.string()),
  }),
);

export const meetingRosterSchema = lazy(() =>
  z.looseObject({
    minutesSecretary: z.nullable(personView),
    expectedAttendees: z.array(attendeeView),
    expectedReports: z.array(expectedReportView),
  }),
);

export const meetingAttendanceSchema = lazy(() =>
  z.looseObject({
    entries: z.array(attendanceEntrySchema),
    recordedAt: instant,
    recordedBy: personView,
  }),
);

export const meetingMinutesSchema = lazy(() =>
  z.looseObject({
    text: z.string(),
    decisions: z.array(z.string()),
    writtenAt: instant,
    writtenBy: personView,
  }),
);

export const cycleRecordSchema = lazy(() =>
  z.looseObject({
    month: z.string(),
    zoneIds: z.array(z.string()),
    openedAt: instant,
    openedBy: z.string(),
    window: z.optional(monthWindowView),
  }),
);

export const officeWindowRecordSchema = lazy(() =>
  z.looseObject({
    month: z.string(),
    firstDay: z.number(),
    lastDay: z.number(),
    reason: z.string(),
  }),
);

export const amendmentRecordSchema = lazy(() => z.looseObject(shapeOf(amendmentView)));
export const rotationRecordSchema = lazy(() => z.looseObject(shapeOf(rotationView)));
export const hostingWishRecordSchema = lazy(() => z.looseObject(shapeOf(hostingWishView)));

/** An assignment as the cycle reads it to list a zone's expected attendees (not lazy: its query projects its fields). */
export const zoneAssignmentSchema = z.looseObject({
  officialId: z.string(),
  role: z.enum(roles),
  scopeId: z.optional(z.string()),
  zoneId: z.optional(z.string()),
});

/**
 * The structure's units and calendar as the cycle reads them (the entity schemas, loose); not lazy:
 * queries project their fields.
 */
export const unitRecordSchemas = {
  zone: z.looseObject(zoneSchema.shape),
  commune: z.looseObject(communeSchema.shape),
  cell: z.looseObject(cellSchema.shape),
  official: z.looseObject(officialSchema.shape),
} as const;
export const calendarRecordSchema = lazy(() => z.looseObject(calendarSchema.shape));

export const announcementRecordSchema = lazy(() => z.looseObject(shapeOf(announcementView)));
