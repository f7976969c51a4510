/** The monthly cycle's routes: hosting wishes, rotations, cycles, meetings and announcements. */
import * as z from 'zod/mini';
import {
  announcementBodySchema,
  hostingWishesBodySchema,
  meetingFilterSchema,
  rotationSwapBodySchema,
} from '../../shared/domain/cycle/cycle-requests';
import {
  agendaView,
  amendmentView,
  announcementPageView,
  announcementView,
  cycleView,
  hostingWishListView,
  hostingWishView,
  meetingPageView,
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
import { type MeetingAction, meetingLifecycle, ZONE_MEMBERS } from '../../shared/domain/cycle/meeting-lifecycle';
import { monthSchema, pathIdSchema, yearParamSchema } from '../../shared/domain/schema-kit';
import { roles } from '../../shared/domain/structure/roles';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { pageQuery } from '../../shared/http/page-query';

const tag = 'Kỳ giao ban';

const MEETING_READERS = allow(ZONE_MEMBERS);
const MEETING_READERS_OF_PATH_MEETING = allow(ZONE_MEMBERS, { zone: 'meeting.path.meetingId' });
const ZONE_READERS_OF_PATH_ZONE = allow(ZONE_MEMBERS, { zone: 'path.zoneId' });
/**
 * Announcements concern everyone they were sent to: the office and standing board read them all;
 * every other role reads those sent to all zones plus those of the zones its assignments reach
 * (a role without a zone, such as a department, reaches none and reads only the `ALL` ones).
 */
const ANNOUNCEMENT_READERS = allow(
  roles.map((role) => (role === 'office' || role === 'standing-board' ? { role } : { role, within: 'zone' as const })),
);
const OFFICE = allow(['office']);

/** Who may take a lifecycle action on the path's meeting: the meeting table's own grants. */
function meetingActors(action: MeetingAction) {
  return allow(meetingLifecycle.grantsFor(action), { zone: 'meeting.path.meetingId' });
}

const zoneYearPath = z.strictObject({ zoneId: pathIdSchema, year: yearParamSchema });
const communeYearPath = z.strictObject({ communeId: pathIdSchema, year: yearParamSchema });
const monthPath = z.strictObject({ month: monthSchema });
const meetingPath = z.strictObject({ meetingId: pathIdSchema });

const meetingProblems = { 404: ['meeting_not_found'], 409: ['invalid_transition', 'meeting_closed'] } as const;

export const cycleRoutes = defineRoutes([
  {
    method: 'GET',
    path: '/zones/{zoneId}/hosting-wishes/{year}',
    fn: 'cycleRead',
    operation: 'hostingWishes.list',
    access: ZONE_READERS_OF_PATH_ZONE,
    tag,
    summary: 'Hosting wishes of a zone’s communes',
    request: { path: zoneYearPath },
    response: { status: 200, description: 'The wishes registered for the year', body: hostingWishListView },
  },
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
    method: 'GET',
    path: '/zones/{zoneId}/rotations/{year}',
    fn: 'cycleRead',
    operation: 'rotations.get',
    access: ZONE_READERS_OF_PATH_ZONE,
    tag,
    summary: 'A zone’s host rotation for a year',
    request: { path: zoneYearPath },
    response: { status: 200, description: 'The rotation plan', body: rotationView, etag: true },
    problems: { 404: ['rotation_not_found'] },
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
    method: 'GET',
    path: '/cycles/{month}',
    fn: 'cycleRead',
    operation: 'cycles.get',
    access: MEETING_READERS,
    tag,
    summary: 'A month’s cycle and the meetings the caller may see',
    request: { path: monthPath },
    response: { status: 200, description: 'The cycle', body: cycleView, etag: true },
    problems: { 404: ['cycle_not_found'] },
  },
  {
    method: 'GET',
    path: '/meetings',
    fn: 'cycleRead',
    operation: 'meetings.list',
    access: MEETING_READERS,
    tag,
    summary: 'Meetings of a zone or of a month',
    description: 'Filter by `month`, `zoneId` or both; a zone’s meetings come newest first.',
    request: { query: z.strictObject({ ...pageQuery, ...meetingFilterSchema }) },
    response: { status: 200, description: 'A page of meetings', body: meetingPageView },
  },
  {
    method: 'GET',
    path: '/meetings/{meetingId}',
    fn: 'cycleRead',
    operation: 'meetings.get',
    access: MEETING_READERS_OF_PATH_MEETING,
    tag,
    summary: 'One meeting',
    request: { path: meetingPath },
    response: { status: 200, description: 'The meeting with its amendments', body: meetingView, etag: true },
    problems: { 404: ['meeting_not_found'] },
  },
  {
    method: 'GET',
    path: '/meetings/{meetingId}/agenda',
    fn: 'cycleRead',
    operation: 'meetings.agenda',
    access: MEETING_READERS_OF_PATH_MEETING,
    tag,
    summary: 'A meeting’s agenda',
    request: { path: meetingPath },
    response: { status: 200, description: 'The agenda as of now (fixed once closed)', body: agendaView },
    problems: { 404: ['meeting_not_found'] },
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
  {
    method: 'GET',
    path: '/announcements',
    fn: 'cycleRead',
    operation: 'announcements.list',
    access: ANNOUNCEMENT_READERS,
    tag,
    summary: 'Announcements that concern the caller',
    request: { query: z.strictObject(pageQuery) },
    response: { status: 200, description: 'A page of announcements, newest first', body: announcementPageView },
  },
]);
