/** The monthly cycle's read routes: hosting wishes, rotations, cycles, meetings, agendas and announcements. */
import * as z from 'zod/mini';
import { meetingFilterSchema } from '../../shared/domain/cycle/cycle-requests';
import {
  agendaView,
  announcementPageView,
  cycleView,
  hostingWishListView,
  meetingPageView,
  meetingView,
  rotationView,
} from '../../shared/domain/cycle/cycle-views';
import { ZONE_MEMBERS } from '../../shared/domain/cycle/meeting-lifecycle';
import { roles } from '../../shared/domain/structure/roles';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { pageQuery } from '../../shared/http/page-query';
import { meetingPath, monthPath, tag, zoneYearPath } from './route-parts';

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

/** The routes cycleRead serves. */
export const cycleReadRoutes = defineRoutes([
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
