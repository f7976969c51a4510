/**
 * The `cycleRead` operations: hosting wishes, rotation plans, cycles, meetings, agendas and
 * announcements. Who may call each is the route table's business; lists show only the zones the
 * caller's grants reach (`visibleZones`).
 */
import * as z from 'zod/mini';
import { keys } from '../../db/keys';
import { type QuerySpec, queryPage, toStored } from '../../db/store';
import { meetingFilterSchema } from '../../domain/cycle/cycle-requests';
import { type Meeting, meetingSummary } from '../../domain/cycle/meeting';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { listReply, pageQuery } from '../../http/page-query';
import { json, type Operations } from '../../http/route-handler';
import { buildAgenda } from './agenda';
import { listAnnouncements } from './announcement-feed';
import { loadMeeting, presentMeeting, readAmendments, readCycle, readCycleMeetings } from './cycle-store';
import { monthParam, yearParam } from './request-parts';
import { readHostingWishes, readRotation, rotationMissing } from './rotation-store';

const meetingListQuery = z.strictObject({ ...pageQuery, ...meetingFilterSchema });
const announcementListQuery = z.strictObject(pageQuery);

function isVisible(zones: 'all' | ReadonlySet<string>, zoneId: string): boolean {
  return zones === 'all' || zones.has(zoneId);
}

export const cycleReadOperations: Operations = {
  'hostingWishes.list': async (context) => {
    const items = await readHostingWishes(context.path('zoneId'), yearParam(context));
    return json({ items });
  },

  'rotations.get': async (context) => {
    const [zoneId, year] = [context.path('zoneId'), yearParam(context)];
    const rotation = await readRotation(zoneId, year);
    if (!rotation) throw rotationMissing(zoneId, year);
    return json(rotation.value, rotation.version);
  },

  'cycles.get': async (context) => {
    const month = monthParam(context);
    const [cycle, meetings] = await Promise.all([readCycle(month), readCycleMeetings(month)]);
    if (!cycle) throw new NotFoundError(`Kỳ giao ban tháng ${month} chưa được mở.`, 'cycle_not_found');
    const zones = context.access.visibleZones();
    const visible = meetings.filter((meeting) => isVisible(zones, meeting.zoneId)).map(meetingSummary);
    return json({ ...cycle.value, meetings: visible }, cycle.version);
  },

  /** A zone's meetings, newest first (optionally one month), or a month's meetings of the visible zones. */
  'meetings.list': async (context) => {
    const { limit, cursor, month, zoneId } = context.query(meetingListQuery);
    if (month === undefined && zoneId === undefined) {
      throw new ValidationError([
        { path: '/query', code: 'filter_required', message: 'Cần lọc theo month hoặc zoneId' },
      ]);
    }
    if (zoneId !== undefined) context.access.require({ zone: zoneId });
    const source: Omit<QuerySpec, 'limit' | 'cursor'> =
      zoneId !== undefined
        ? {
            index: 'GSI1',
            partition: keys.zoneMeetings(zoneId),
            descending: true,
            ...(month === undefined
              ? {}
              : { between: [keys.zoneMeetingSortKey(month), keys.zoneMeetingSortKey(month)] }),
          }
        : { partition: keys.cyclePartition(month as string), prefix: keys.meetingPrefix };
    const page = await queryPage({ ...source, limit, cursor });
    const zones = context.access.visibleZones();
    const items = page.items
      .map((item) => toStored<Meeting>(item).value)
      .filter((meeting) => isVisible(zones, meeting.zoneId))
      .map(meetingSummary);
    return json(listReply(items, page.nextCursor));
  },

  'meetings.get': async (context) => {
    const { value: meeting, version } = await loadMeeting(context.path('meetingId'));
    return json(presentMeeting(meeting, await readAmendments(meeting)), version);
  },

  'meetings.agenda': async (context) => json(await buildAgenda(context.path('meetingId'), new Date())),

  'announcements.list': async (context) => {
    const { limit, cursor } = context.query(announcementListQuery);
    return json(await listAnnouncements(context.access.visibleZones(), limit, cursor));
  },
};
