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
  cycleShape,
  hostingWishView,
  meetingAttendanceShape,
  meetingMinutesShape,
  meetingProgressShape,
  meetingRosterShape,
  meetingSummaryView,
  officeWindowView,
  rotationView,
} from './cycle-views';

export const meetingRecordSchema = lazy(() =>
  z.looseObject({ ...shapeOf(meetingSummaryView), ...meetingProgressShape() }),
);

export const meetingRosterSchema = lazy(() => z.looseObject(meetingRosterShape()));

export const meetingAttendanceSchema = lazy(() => z.looseObject(meetingAttendanceShape()));

export const meetingMinutesSchema = lazy(() => z.looseObject(meetingMinutesShape()));

export const cycleRecordSchema = lazy(() => z.looseObject(cycleShape()));

export const officeWindowRecordSchema = lazy(() => z.looseObject(shapeOf(officeWindowView)));

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
