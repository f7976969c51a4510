/**
 * What the monthly cycle's items hold, as schemas its stores parse every read with: a record that
 * does not hold what the cycle relies on fails as it is read, not later as a wrong answer. Loose
 * objects: attributes a later version adds are carried through, not dropped on the next write.
 */
import * as z from 'zod/mini';
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

export const meetingRecordSchema = z.looseObject({
  ...meetingSummaryView.shape,
  amendmentCount: z.number(),
  floorProposalCount: z.optional(z.number()),
  openedAt: instant,
  heldAt: z.optional(instant),
  closedAt: z.optional(instant),
  cancelledAt: z.optional(instant),
  cancelReason: z.optional(z.string()),
});

export const meetingRosterSchema = z.looseObject({
  minutesSecretary: z.nullable(personView),
  expectedAttendees: z.array(attendeeView),
  expectedReports: z.array(expectedReportView),
});

export const meetingAttendanceSchema = z.looseObject({
  entries: z.array(attendanceEntrySchema),
  recordedAt: instant,
  recordedBy: personView,
});

export const meetingMinutesSchema = z.looseObject({
  text: z.string(),
  decisions: z.array(z.string()),
  writtenAt: instant,
  writtenBy: personView,
});

export const cycleRecordSchema = z.looseObject({
  month: z.string(),
  zoneIds: z.array(z.string()),
  openedAt: instant,
  openedBy: z.string(),
  window: z.optional(monthWindowView),
});

export const officeWindowRecordSchema = z.looseObject({
  month: z.string(),
  firstDay: z.number(),
  lastDay: z.number(),
  reason: z.string(),
});

export const amendmentRecordSchema = z.looseObject(amendmentView.shape);
export const rotationRecordSchema = z.looseObject(rotationView.shape);
export const hostingWishRecordSchema = z.looseObject(hostingWishView.shape);

/** An assignment as the cycle reads it to list a zone's expected attendees. */
export const zoneAssignmentSchema = z.looseObject({
  officialId: z.string(),
  role: z.enum(roles),
  scopeId: z.optional(z.string()),
  zoneId: z.optional(z.string()),
});

/** The structure's units and calendar as the cycle reads them (the entity schemas, loose). */
export const unitRecordSchemas = {
  zone: z.looseObject(zoneSchema.shape),
  commune: z.looseObject(communeSchema.shape),
  cell: z.looseObject(cellSchema.shape),
  official: z.looseObject(officialSchema.shape),
} as const;
export const calendarRecordSchema = z.looseObject(calendarSchema.shape);

export const announcementRecordSchema = z.looseObject(announcementView.shape);
