/**
 * What a zone's close does for the answers (`meetingClosedHooks`):
 * - the commune results and official responses on its agenda are announced there: each response is
 *   marked announced at the meeting (in the close's own transaction), and each proposal whose
 *   result was reported, or whose answer the response carries, moves on to `announced`;
 * - each commune proposal of the zone that was due to be reported on at this meeting, or earlier,
 *   and was not, is marked overdue.
 * The proposals move in the close's own transaction when they fit there; a zone may have more to
 * move than one transaction holds, and then, as when proposals are raised, they move in
 * transactions of their own before the close's; each plan takes only what is still to do, so a
 * close that fails after them completes when it is retried.
 */
import type * as z from 'zod/mini';
import { getItems } from '../../db/batch';
import { keys } from '../../db/keys';
import { parseStored, parseValues, queryAll, type Stored } from '../../db/store';
import { communeResultRecord } from '../../domain/answers/answer-records';
import type { AgendaWindow } from '../../domain/cycle/meeting';
import { ConflictError } from '../../domain/errors';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { type ProposalAction, proposalLifecycle } from '../../domain/proposals/proposal-lifecycle';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import { responseZoneEntryRecord } from '../../domain/responses/response-records';
import { meetingAgendaWindow, timelineRange } from '../cycle/agenda';
import { MEETING_REPLACE_OPERATIONS } from '../cycle/cycle-store';
import type { MeetingClosedEvent, MeetingClosedHook } from '../cycle/meeting-close-hooks';
import { joinTransitions, type PlannedTransition } from '../proposals/proposal-actions';

/** The records, in the order of their numbers (the order their transitions are written in). */
async function storedRecords(ids: readonly string[]): Promise<Stored<ProposalRecord>[]> {
  if (ids.length === 0) return [];
  const items = await getItems([...new Set(ids)].map((id) => keys.proposal(id)));
  return items
    .map((item) => parseStored(proposalRecordSchema, item))
    .sort((a, b) => a.value.number.localeCompare(b.value.number));
}

/**
 * Every entry of a zone's agenda feed in the meeting's window: what its agenda lists (the agenda
 * shows at most a hundred a section; the close announces them all).
 */
async function windowEntries<T>(schema: z.ZodMiniType<T>, partition: string, window: AgendaWindow): Promise<T[]> {
  const { from, to } = timelineRange(window.since, window.until);
  const items = await queryAll({ index: 'GSI1', partition, between: [from, to] });
  return parseValues(schema, items);
}

/** The transition `action` of each record, with the record after it and the history note. */
function plan(
  records: readonly Stored<ProposalRecord>[],
  action: ProposalAction,
  { by }: MeetingClosedEvent,
  change: (record: ProposalRecord) => { after: ProposalRecord; note: string },
): PlannedTransition[] {
  return records.map((stored) => {
    const to = proposalLifecycle.require(stored.value.status, action, by.roles);
    return { stored, transition: { ...change(stored.value), action, to, by: by.person } };
  });
}

/** Announces the results and responses on the closing meeting's agenda. */
export const announceAtClose: MeetingClosedHook = async (event) => {
  const { meeting, changes } = event;
  const window = await meetingAgendaWindow(meeting, new Date(changes.at));
  const [results, responses] = await Promise.all([
    windowEntries(communeResultRecord, keys.zoneCommuneResults(meeting.zoneId), window),
    windowEntries(responseZoneEntryRecord, keys.zoneOfficialResponses(meeting.zoneId), window),
  ]);
  const carried = new Map(responses.flatMap((entry) => entry.proposals.map((p) => [p.id, entry.responseId])));
  const records = await storedRecords([...results.map((result) => result.proposalId), ...carried.keys()]);
  const due = records.filter(
    ({ value }) =>
      value.status === 'result-reported' ||
      (value.status === 'responded' && value.responseId === carried.get(value.id)),
  );
  const announced = { meetingId: meeting.id, at: changes.at };
  const planned = plan(due, 'announce', event, (record) => ({
    after: { ...record, announced },
    note:
      record.status === 'result-reported'
        ? `Kết quả của xã được thông báo tại hội nghị ${meeting.id}`
        : `Văn bản trả lời ${record.responseId} được thông báo tại hội nghị ${meeting.id}`,
  }));
  return async () => {
    await joinTransitions(planned, changes, event.by.actor, responses.length + MEETING_REPLACE_OPERATIONS);
    for (const entry of responses) {
      changes.reserve(
        keys.responseAnnouncement(entry.responseId, meeting.zoneId),
        { responseId: entry.responseId, zoneId: meeting.zoneId, meetingId: meeting.id, at: changes.at },
        () => new ConflictError('response_announced', `Văn bản ${entry.responseId} đã được thông báo tại khu này.`),
      );
    }
  };
};

/** Marks overdue the zone's commune proposals whose result this meeting (or an earlier one) was to hear. */
export const markOverdueAtClose: MeetingClosedHook = async (event) => {
  const { meeting, changes } = event;
  const open = await queryAll({ index: 'GSI2', partition: keys.zoneOpenProposals(meeting.zoneId) });
  const late = parseValues(proposalRecordSchema, open).filter(
    (record) =>
      record.status === 'routed-commune' &&
      record.overdueSince === undefined &&
      record.dueMonth !== undefined &&
      record.dueMonth <= meeting.month,
  );
  // The index is read eventually consistent; the records are read again, strongly, for their versions.
  const records = (await storedRecords(late.map((record) => record.id))).filter(
    ({ value }) => value.status === 'routed-commune' && value.overdueSince === undefined,
  );
  const planned = plan(records, 'mark-overdue', event, (record) => ({
    after: { ...record, overdueSince: changes.at },
    note: `Quá hạn: xã chưa báo cáo kết quả tại hội nghị ${meeting.id}`,
  }));
  return () => joinTransitions(planned, changes, event.by.actor, MEETING_REPLACE_OPERATIONS);
};
