/**
 * The `cycleWrite` operations: hosting wishes, rotation plans, opening a cycle by hand, the
 * meeting lifecycle and announcements. Every meeting change runs through `applyMeetingAction`,
 * which asks the transition table and writes at the client's `If-Match` version.
 */
import type { Caller } from '../../shared/domain/access/caller';
import { meetingSummary } from '../../shared/domain/cycle/meeting';
import type { MeetingAction } from '../../shared/domain/cycle/meeting-lifecycle';
import { actorOf, meetingActorOf, personOf } from '../../shared/http/actors';
import { json, type OperationsOf } from '../../shared/http/contract';
import { postAnnouncement } from '../../shared/services/cycle/announcements';
import { presentMeeting } from '../../shared/services/cycle/cycle-store';
import { requireUnit } from '../../shared/services/cycle/district-data';
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
} from '../../shared/services/cycle/meeting-actions';
import { setMonthWindow } from '../../shared/services/cycle/month-window';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { generateRotation, putHostingWishes, swapRotation } from '../../shared/services/cycle/rotations';
import type { cycleWriteRoutes } from './routes-write';

interface MeetingRequest {
  readonly path: { readonly meetingId: string };
  readonly expectedVersion: number;
  readonly caller: Caller;
}

/** Runs a lifecycle action on the path's meeting at the `If-Match` version, as the caller. */
function act<R>(request: MeetingRequest, action: MeetingAction, build: (by: MeetingActor) => ChangeBuilder<R>) {
  const { meetingId } = request.path;
  const by: MeetingActor = meetingActorOf(request.caller, meetingId);
  return applyMeetingAction(meetingId, action, by, request.expectedVersion, build(by));
}

/** The meeting after an action; only a closed meeting has amendments, and these actions are not taken on one. */
function meetingReply(result: { meeting: Parameters<typeof presentMeeting>[0]; version: number }) {
  return json(presentMeeting(result.meeting, []), result.version);
}

export const cycleWriteOperations: OperationsOf<typeof cycleWriteRoutes, 'cycleWrite'> = {
  'hostingWishes.put': async ({ path, body, caller, ifMatch }) => {
    const commune = await requireUnit('commune', path.communeId);
    const stored = await putHostingWishes(commune, path.year, body.months, actorOf(caller), ifMatch);
    return json(stored.record, stored.version, stored.created ? 201 : 200);
  },

  'rotations.generate': async ({ path, caller, ifMatch }) => {
    const zoneExists = requireUnit('zone', path.zoneId);
    const stored = await generateRotation(path.zoneId, path.year, actorOf(caller), ifMatch, zoneExists);
    return json(stored.record, stored.version, stored.created ? 201 : 200);
  },

  'rotations.swap': async ({ path, body, expectedVersion, caller }) => {
    const stored = await swapRotation(path.zoneId, path.year, body, expectedVersion, actorOf(caller));
    return json(stored.record, stored.version);
  },

  'cycles.open': async ({ path, caller }) => {
    const result = await openCycle(path.month, actorOf(caller));
    const body = { created: result.created, ...result.cycle, meetings: result.meetings.map(meetingSummary) };
    return json(body, undefined, result.created ? 201 : 200);
  },

  'cycles.window': async ({ path, body, caller, ifMatch }) => {
    const stored = await setMonthWindow(path.month, body, actorOf(caller), ifMatch);
    return json(stored.record, stored.version, stored.created ? 201 : 200);
  },

  'meetings.reschedule': async (request) =>
    meetingReply(await act(request, 'reschedule', (by) => reschedule(request.body, by))),

  'meetings.hold': async (request) => meetingReply(await act(request, 'hold', () => hold())),

  'meetings.close': async (request) => meetingReply(await act(request, 'close', (by) => close(by))),

  'meetings.cancel': async (request) => meetingReply(await act(request, 'cancel', () => cancel(request.body.reason))),

  'meetings.attendance': async (request) =>
    meetingReply(await act(request, 'record-attendance', (by) => recordAttendance(request.body.entries, by))),

  'meetings.minutes': async (request) =>
    meetingReply(await act(request, 'write-minutes', (by) => writeMinutes(request.body, by))),

  'meetings.amend': async (request) => {
    const { made } = await act(request, 'amend', (by) => amend(request.body, by));
    if (!made) throw new Error('an amendment action always makes its amendment');
    return json(made, undefined, 201);
  },

  'announcements.create': async ({ body, caller }) =>
    json(await postAnnouncement(body, personOf(caller), actorOf(caller)), undefined, 201),
};
