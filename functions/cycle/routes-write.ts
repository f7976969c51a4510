/** The monthly cycle's write routes: hosting wishes, rotations, opening cycles, running meetings, announcements. */
import * as z from 'zod/mini';
import {
  announcementBodySchema,
  hostingWishesBodySchema,
  rotationSwapBodySchema,
} from '../../shared/domain/cycle/cycle-requests';
import {
  amendmentView,
  announcementView,
  hostingWishView,
  meetingView,
  officeWindowView,
  openedCycleView,
  rotationView,
} from '../../shared/domain/cycle/cycle-views';
import {
  amendmentBodySchema,
  attendanceBodySchema,
  cancelBodySchema,
  minutesBodySchema,
  rescheduleBodySchema,
} from '../../shared/domain/cycle/meeting';
import { monthWindowBodySchema } from '../../shared/domain/cycle/meeting-calendar';
import { type MeetingAction, meetingLifecycle } from '../../shared/domain/cycle/meeting-lifecycle';
import { pathIdSchema, yearParamSchema } from '../../shared/domain/schema-kit';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { meetingPath, monthPath, tag, zoneYearPath } from './route-parts';

const OFFICE = allow(['office']);

/** Who may take a lifecycle action on the path's meeting: the meeting table's own grants. */
function meetingActors(action: MeetingAction) {
  return allow(meetingLifecycle.grantsFor(action), { zone: 'meeting.path.meetingId' });
}

const communeYearPath = z.strictObject({ communeId: pathIdSchema, year: yearParamSchema });

const meetingProblems = { 404: ['meeting_not_found'], 409: ['invalid_transition', 'meeting_closed'] } as const;

/** The routes cycleWrite serves. */
export const cycleWriteRoutes = defineRoutes([
  {
    method: 'PUT',
    path: '/communes/{communeId}/hosting-wishes/{year}',
    fn: 'cycleWrite',
    operation: 'hostingWishes.put',
    access: allow(['office', { role: 'commune-secretary', within: 'commune' }], { commune: 'path.communeId' }),
    tag,
    summary: 'Register the months a commune wishes to host',
    description: 'The first registration needs no `If-Match`; replacing one does.',
    request: { path: communeYearPath, body: hostingWishesBodySchema, ifMatch: 'to-replace' },
    response: { status: 201, alsoOk: true, description: 'The registration', body: hostingWishView, etag: true },
    problems: { 404: ['commune_not_found', 'zone_not_found'], 409: ['hosting_wishes_exist'] },
  },
  {
    method: 'PUT',
    path: '/zones/{zoneId}/rotations/{year}',
    fn: 'cycleWrite',
    operation: 'rotations.generate',
    access: OFFICE,
    tag,
    summary: 'Generate or regenerate a zone’s rotation',
    description: 'Regenerating an existing plan needs `If-Match`; months whose meetings exist are kept.',
    request: { path: zoneYearPath, ifMatch: 'to-replace' },
    response: { status: 201, alsoOk: true, description: 'The rotation plan', body: rotationView, etag: true },
    problems: { 404: ['zone_not_found'], 409: ['zone_has_no_communes', 'rotation_exists', 'concurrent_change'] },
  },
  {
    method: 'POST',
    path: '/zones/{zoneId}/rotations/{year}/swaps',
    fn: 'cycleWrite',
    operation: 'rotations.swap',
    access: OFFICE,
    tag,
    summary: 'Swap the hosts of two months',
    request: { path: zoneYearPath, body: rotationSwapBodySchema, ifMatch: true },
    response: { status: 200, description: 'The rotation plan after the swap', body: rotationView, etag: true },
    problems: { 404: ['rotation_not_found'], 409: ['month_has_meeting'] },
  },
  {
    method: 'POST',
    path: '/cycles/{month}/open',
    fn: 'cycleWrite',
    operation: 'cycles.open',
    access: OFFICE,
    tag,
    summary: 'Open a month’s cycle by hand',
    description: 'The scheduler opens each month; opening an open month changes nothing and answers 200.',
    request: { path: monthPath, idempotent: true },
    response: { status: 201, alsoOk: true, description: 'The cycle and its meetings', body: openedCycleView },
  },
  {
    method: 'PUT',
    path: '/cycles/{month}/window',
    fn: 'cycleWrite',
    operation: 'cycles.window',
    access: OFFICE,
    tag,
    summary: 'Set the meeting window of a month not yet open (audited)',
    description: 'The first window of a month needs no `If-Match`; changing it does. Refused once the month is open.',
    request: { path: monthPath, body: monthWindowBodySchema, ifMatch: 'to-replace' },
    response: { status: 201, alsoOk: true, description: 'The month’s window', body: officeWindowView, etag: true },
    problems: { 409: ['cycle_already_open', 'month_window_exists'] },
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/reschedule',
    fn: 'cycleWrite',
    operation: 'meetings.reschedule',
    access: meetingActors('reschedule'),
    tag,
    summary: 'Date or move a meeting; outside the window only the office, with a reason',
    request: { path: meetingPath, body: rescheduleBodySchema, ifMatch: true },
    response: { status: 200, description: 'The meeting', body: meetingView, etag: true },
    problems: { ...meetingProblems, 409: [...meetingProblems[409], 'slot_taken'] },
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/hold',
    fn: 'cycleWrite',
    operation: 'meetings.hold',
    access: meetingActors('hold'),
    tag,
    summary: 'Mark a meeting held',
    request: { path: meetingPath, ifMatch: true },
    response: { status: 200, description: 'The meeting', body: meetingView, etag: true },
    problems: meetingProblems,
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/close',
    fn: 'cycleWrite',
    operation: 'meetings.close',
    access: meetingActors('close'),
    tag,
    summary: 'Close a meeting, locking its minutes',
    request: { path: meetingPath, ifMatch: true },
    response: { status: 200, description: 'The meeting', body: meetingView, etag: true },
    problems: meetingProblems,
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/cancel',
    fn: 'cycleWrite',
    operation: 'meetings.cancel',
    access: meetingActors('cancel'),
    tag,
    summary: 'Cancel a meeting',
    request: { path: meetingPath, body: cancelBodySchema, ifMatch: true },
    response: { status: 200, description: 'The meeting', body: meetingView, etag: true },
    problems: meetingProblems,
  },
  {
    method: 'PUT',
    path: '/meetings/{meetingId}/attendance',
    fn: 'cycleWrite',
    operation: 'meetings.attendance',
    access: meetingActors('record-attendance'),
    tag,
    summary: 'Record attendance',
    request: { path: meetingPath, body: attendanceBodySchema, ifMatch: true },
    response: { status: 200, description: 'The meeting', body: meetingView, etag: true },
    problems: meetingProblems,
  },
  {
    method: 'PUT',
    path: '/meetings/{meetingId}/minutes',
    fn: 'cycleWrite',
    operation: 'meetings.minutes',
    access: meetingActors('write-minutes'),
    tag,
    summary: 'Write the minutes',
    request: { path: meetingPath, body: minutesBodySchema, ifMatch: true },
    response: { status: 200, description: 'The meeting', body: meetingView, etag: true },
    problems: { ...meetingProblems, 400: ['meeting_too_large'] },
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/amendments',
    fn: 'cycleWrite',
    operation: 'meetings.amend',
    access: meetingActors('amend'),
    tag,
    summary: 'Amend a closed meeting’s minutes (audited)',
    request: { path: meetingPath, body: amendmentBodySchema, ifMatch: true, idempotent: true },
    response: { status: 201, description: 'The amendment', body: amendmentView },
    problems: meetingProblems,
  },
  {
    method: 'POST',
    path: '/announcements',
    fn: 'cycleWrite',
    operation: 'announcements.create',
    access: OFFICE,
    tag,
    summary: 'Post an announcement to zones',
    request: { body: announcementBodySchema, idempotent: true },
    response: { status: 201, description: 'The announcement', body: announcementView },
    problems: { 400: ['unknown_reference'] },
  },
]);
