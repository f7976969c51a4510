/**
 * The `cycleWrite` operations: hosting wishes, rotation plans, opening a cycle by hand, the
 * meeting lifecycle and announcements. Every meeting change runs through `applyMeetingAction`,
 * which asks the transition table and writes with the client's `If-Match` version.
 */
import { keys } from '../../db/keys';
import { findStored } from '../../db/store';
import {
  announcementBodySchema,
  hostingWishesBodySchema,
  rotationSwapBodySchema,
} from '../../domain/cycle/cycle-requests';
import {
  amendmentBodySchema,
  attendanceBodySchema,
  cancelBodySchema,
  type Meeting,
  meetingSummary,
  minutesBodySchema,
  rescheduleBodySchema,
} from '../../domain/cycle/meeting';
import { monthWindowBodySchema } from '../../domain/cycle/meeting-calendar';
import { parseMeetingId } from '../../domain/cycle/meeting-id';
import type { MeetingAction } from '../../domain/cycle/meeting-lifecycle';
import { NotFoundError } from '../../domain/errors';
import type { Commune, Zone } from '../../domain/structure/entities';
import { json, type Operations, type Reply, type RequestContext } from '../../http/route-handler';
import { postAnnouncement } from './announcements';
import { presentMeeting } from './cycle-store';
import {
  amend,
  applyMeetingAction,
  type ChangeBuilder,
  cancel,
  close,
  hold,
  type MeetingActor,
  recordAttendance,
  reschedule,
  writeMinutes,
} from './meeting-actions';
import { setMonthWindow } from './month-window';
import { openCycle } from './open-cycle';
import { actorOf, meetingActorOf, monthParam, personOf, yearParam } from './request-parts';
import { generateRotation, putHostingWishes, swapRotation } from './rotations';

/** Runs a lifecycle action on the path's meeting at the `If-Match` version. */
function act<R>(context: RequestContext, action: MeetingAction, build: (by: MeetingActor) => ChangeBuilder<R>) {
  const meetingId = context.path('meetingId');
  const expectedVersion = context.expectedVersion();
  const by = meetingActorOf(context, parseMeetingId(meetingId)?.zoneId ?? '');
  return applyMeetingAction(meetingId, action, by, expectedVersion, build(by));
}

/** The meeting after an action; only a closed meeting has amendments, and these actions are not taken on one. */
function meetingReply(result: { meeting: Meeting; version: number }): Reply {
  return json(presentMeeting(result.meeting, []), result.version);
}

async function existing<T>(kind: 'zone' | 'commune', id: string): Promise<T> {
  const found = await findStored<T>(keys.unit(kind, id));
  if (!found) throw new NotFoundError(`Không có ${kind === 'zone' ? 'khu' : 'xã'} "${id}".`, `${kind}_not_found`);
  return found.value;
}

export const cycleWriteOperations: Operations = {
  'hostingWishes.put': async (context) => {
    const { months } = context.body(hostingWishesBodySchema);
    const year = yearParam(context);
    const commune = await existing<Commune>('commune', context.path('communeId'));
    const stored = await putHostingWishes(commune, year, months, actorOf(context), () => context.expectedVersion());
    return json(stored.record, stored.version, stored.created ? 201 : 200);
  },

  'rotations.generate': async (context) => {
    const year = yearParam(context);
    const zone = await existing<Zone>('zone', context.path('zoneId'));
    const stored = await generateRotation(zone.id, year, actorOf(context), () => context.expectedVersion());
    return json(stored.record, stored.version, stored.created ? 201 : 200);
  },

  'rotations.swap': async (context) => {
    const swap = context.body(rotationSwapBodySchema);
    const year = yearParam(context);
    const stored = await swapRotation(context.path('zoneId'), year, swap, context.expectedVersion(), actorOf(context));
    return json(stored.record, stored.version);
  },

  'cycles.open': async (context) => {
    const result = await openCycle(monthParam(context), actorOf(context));
    const body = { created: result.created, ...result.cycle, meetings: result.meetings.map(meetingSummary) };
    return json(body, undefined, result.created ? 201 : 200);
  },

  'cycles.window': async (context) => {
    const input = context.body(monthWindowBodySchema);
    const month = monthParam(context);
    const stored = await setMonthWindow(month, input, actorOf(context), () => context.expectedVersion());
    return json(stored.record, stored.version, stored.created ? 201 : 200);
  },

  'meetings.reschedule': async (context) => {
    const body = context.body(rescheduleBodySchema);
    return meetingReply(await act(context, 'reschedule', (by) => reschedule(body, by)));
  },

  'meetings.hold': async (context) => meetingReply(await act(context, 'hold', () => hold())),

  'meetings.close': async (context) => meetingReply(await act(context, 'close', (by) => close(by))),

  'meetings.cancel': async (context) => {
    const { reason } = context.body(cancelBodySchema);
    return meetingReply(await act(context, 'cancel', () => cancel(reason)));
  },

  'meetings.attendance': async (context) => {
    const { entries } = context.body(attendanceBodySchema);
    return meetingReply(await act(context, 'record-attendance', (by) => recordAttendance(entries, by)));
  },

  'meetings.minutes': async (context) => {
    const minutes = context.body(minutesBodySchema);
    return meetingReply(await act(context, 'write-minutes', (by) => writeMinutes(minutes, by)));
  },

  'meetings.amend': async (context) => {
    const input = context.body(amendmentBodySchema);
    const result = await act(context, 'amend', (by) => amend(input, by));
    return json(result.made, undefined, 201);
  },

  'announcements.create': async (context) => {
    const input = context.body(announcementBodySchema);
    return json(await postAnnouncement(input, personOf(context), actorOf(context)), undefined, 201);
  },
};
