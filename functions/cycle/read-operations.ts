/**
 * The `cycleRead` operations: hosting wishes, rotation plans, cycles, meetings, agendas and
 * announcements. Who may call each is the route table's business; lists show only the zones the
 * caller's grants reach (`visibleZones`).
 */
import { meetingSummary } from '../../shared/domain/cycle/meeting';
import { NotFoundError, ValidationError } from '../../shared/domain/errors';
import { json, type OperationsOf } from '../../shared/http/contract';
import { listReply } from '../../shared/http/page-query';
import { buildAgenda } from '../../shared/services/cycle/agenda';
import { listAnnouncements } from '../../shared/services/cycle/announcement-feed';
import {
  listMeetings,
  loadMeeting,
  presentMeeting,
  readAmendments,
  readCycle,
  readCycleMeetings,
} from '../../shared/services/cycle/cycle-store';
import { readHostingWishes, readRotation, rotationMissing } from '../../shared/services/cycle/rotation-store';
import type { cycleReadRoutes } from './routes-read';

function isVisible(zones: 'all' | ReadonlySet<string>, zoneId: string): boolean {
  return zones === 'all' || zones.has(zoneId);
}

export const cycleReadOperations: OperationsOf<typeof cycleReadRoutes, 'cycleRead'> = {
  'hostingWishes.list': async ({ path }) => json({ items: await readHostingWishes(path.zoneId, path.year) }),

  'rotations.get': async ({ path: { zoneId, year } }) => {
    const rotation = await readRotation(zoneId, year);
    if (!rotation) throw rotationMissing(zoneId, year);
    return json(rotation.value, rotation.version);
  },

  'cycles.get': async ({ path: { month }, access }) => {
    const [cycle, meetings] = await Promise.all([readCycle(month), readCycleMeetings(month)]);
    if (!cycle) throw new NotFoundError(`Kỳ giao ban tháng ${month} chưa được mở.`, 'cycle_not_found');
    const zones = access.visibleZones();
    const visible = meetings.filter((meeting) => isVisible(zones, meeting.zoneId)).map(meetingSummary);
    return json({ ...cycle.value, meetings: visible }, cycle.version);
  },

  /** A zone's meetings, newest first (optionally one month), or a month's meetings of the visible zones. */
  'meetings.list': async ({ query: { limit, cursor, month, zoneId }, access }) => {
    if (month === undefined && zoneId === undefined) {
      throw new ValidationError([
        { path: '/query', code: 'filter_required', message: 'Cần lọc theo month hoặc zoneId' },
      ]);
    }
    if (zoneId !== undefined) access.require({ zone: zoneId });
    const page = await listMeetings({ month, zoneId }, limit, cursor);
    const zones = access.visibleZones();
    const items = page.items.filter((meeting) => isVisible(zones, meeting.zoneId)).map(meetingSummary);
    return json(listReply(items, page.nextCursor));
  },

  'meetings.get': async ({ path }) => {
    const { value: meeting, version } = await loadMeeting(path.meetingId);
    return json(presentMeeting(meeting, await readAmendments(meeting)), version);
  },

  'meetings.agenda': async ({ path }) => json(await buildAgenda(path.meetingId, new Date())),

  'announcements.list': async ({ query: { limit, cursor }, access }) =>
    json(await listAnnouncements(access.visibleZones(), limit, cursor)),
};
