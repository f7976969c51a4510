/**
 * A meeting's agenda, built when it is read. The reports expected from each cell come from the
 * meeting's own snapshot (taken when the cycle opened, with the attendees), with the state of each
 * cell's report (which have submitted, which not); everything else comes
 * from named sources read over the agenda's window: from the zone's previous closed meeting to
 * this meeting's close (or now while it is open), see `agendaWindow`.
 *
 * Built on read rather than stored at opening because the sources keep changing until the meeting
 * sits: an announcement posted on the 3rd must reach the meeting of the 7th. Once the meeting is
 * closed its window is fixed, and the time-ordered sources only ever append, so its agenda reads
 * the same later.
 *
 * The carry-over is what the zone's previous close left open: the proposals of earlier months open
 * at that close, each in its state now (and whether overdue today), so one that was closed since
 * still shows how it ended and the meeting's own proposals wait for the next; the results communes reported and the official responses issued since the zone's
 * previous close fill theirs, and the close announces them (see `answers/announce-at-close.ts`).
 */
import { keys } from '../../db/keys';
import { parseStored, parseValues, queryPage, type StoredSchema } from '../../db/store';
import { communeResultRecord } from '../../domain/answers/answer-records';
import { announcementRecordSchema, meetingRecordSchema } from '../../domain/cycle/cycle-records';
import { type AgendaWindow, agendaWindow, type MeetingRecord } from '../../domain/cycle/meeting';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import { presentProposal } from '../../domain/proposals/proposal-views';
import { responseZoneEntryRecord } from '../../domain/responses/response-records';
import { addMonths, vietnamDate } from '../../domain/time';
import { readReportSummaries, reportStatesOf } from '../proposals/report-store';
import { announcementFeeds } from './announcement-feed';
import { loadMeeting, meetingPlace } from './cycle-store';
import { readTimeline, TIMELINE_END, TIMELINE_START, type TimelinePartition } from './timeline';

/** One named part of an agenda and how to read it for a zone. */
export interface AgendaSource {
  readonly name: string;
  /**
   * What concerns `zoneId` in the window: entries after `since` (the zone's previous closed
   * meeting, absent for a first meeting) up to `until`, oldest first. A source must answer as of
   * `until`, so a closed meeting's agenda stays what it was. `month` is the meeting's.
   */
  read(
    zoneId: string,
    since: string | undefined,
    until: string,
    month: string,
  ): Promise<readonly Record<string, unknown>[]>;
}

/** Most entries one section shows. */
const SECTION_LIMIT = 100;

/** The sort-key range of a timeline partition that falls in an agenda's window. */
export function timelineRange(since: string | undefined, until: string): { from: string; to: string } {
  return { from: since ?? TIMELINE_START, to: keys.timelineSortKey(until, TIMELINE_END) };
}

/** A source of time-ordered entries (sort key `timelineSortKey(at, id)`) in the zone's partitions, each read as `schema`. */
function timelineSource<T extends object>(
  name: string,
  schema: StoredSchema<T>,
  partitionsOf: (zoneId: string) => TimelinePartition[],
): AgendaSource {
  return {
    name,
    async read(zoneId, since, until) {
      const page = await readTimeline(partitionsOf(zoneId), timelineRange(since, until), SECTION_LIMIT);
      const values: object[] = parseValues(
        schema,
        page.items.map((entry) => entry.item),
      );
      return values.map((value) => ({ ...value })).reverse();
    },
  };
}

/** The agenda's sections, in the order a meeting takes them. */
export const agendaSources: readonly AgendaSource[] = [
  {
    name: 'carryOverProposals',
    /**
     * The zone's proposals of months before the meeting's that were open at the previous close
     * (`since`; for a zone's first meeting, at its own close, or now while open): those open now
     * (GSI2 `zoneOpenProposals`, by month) and those that ended after it (GSI2 `zoneEndedProposals`,
     * by the time they ended), each as it is now. Proposals end only by closing or merging, never to
     * open again, so the set is fixed once the previous close is, and a closed meeting's stays.
     */
    async read(zoneId, since, until, month) {
      const openedBefore = keys.proposalMonthRange('0000-01', addMonths(month, -1));
      const endedAfter = keys.timelineSortKey(since ?? until, TIMELINE_END);
      const [open, ended] = await Promise.all([
        queryPage({
          index: 'GSI2',
          partition: keys.zoneOpenProposals(zoneId),
          between: openedBefore,
          limit: SECTION_LIMIT,
        }),
        queryPage({
          index: 'GSI2',
          partition: keys.zoneEndedProposals(zoneId),
          between: [endedAfter, TIMELINE_END],
          limit: SECTION_LIMIT,
        }),
      ]);
      const today = vietnamDate(new Date());
      return parseValues(proposalRecordSchema, [...open.items, ...ended.items])
        .filter((record) => record.month < month)
        .sort((a, b) => a.month.localeCompare(b.month) || a.number.localeCompare(b.number))
        .slice(0, SECTION_LIMIT)
        .map((record) => presentProposal(record, today));
    },
  },
  timelineSource('communeResults', communeResultRecord, (zoneId) => [
    { index: 'GSI1', partition: keys.zoneCommuneResults(zoneId) },
  ]),
  timelineSource('officialResponses', responseZoneEntryRecord, (zoneId) => [
    { index: 'GSI1', partition: keys.zoneOfficialResponses(zoneId) },
  ]),
  timelineSource('announcements', announcementRecordSchema, (zoneId) => announcementFeeds(new Set([zoneId]))),
];

/** How many earlier meetings are looked at to find the zone's previous closed one. */
const EARLIER_MEETINGS = 6;

/** The zone's meetings before `month`, newest first: where the previous closed one is looked for. */
async function earlierMeetings(zoneId: string, month: string): Promise<MeetingRecord[]> {
  // The range ends at `month` itself, whose meeting is dropped below: `0000-01` has no month before it.
  const page = await queryPage({
    index: 'GSI1',
    partition: keys.zoneMeetings(zoneId),
    between: [keys.zoneMeetingSortKey('0000-01'), keys.zoneMeetingSortKey(month)],
    descending: true,
    limit: EARLIER_MEETINGS + 1,
  });
  return page.items
    .map((item) => parseStored(meetingRecordSchema, item).value)
    .filter((meeting) => meeting.month < month);
}

/** The window of a meeting's agenda as of `now` (fixed once it is closed), from the zone's earlier meetings. */
export async function meetingAgendaWindow(meeting: MeetingRecord, now: Date): Promise<AgendaWindow> {
  return agendaWindow(meeting, await earlierMeetings(meeting.zoneId, meeting.month), now);
}

/**
 * The agenda of a meeting as of `now`, in two rounds of reads: the meeting with the zone's
 * earlier meetings (which fix the window), then every source at once.
 */
export async function buildAgenda(meetingId: string, now: Date) {
  const { month, zoneId } = meetingPlace(meetingId);
  const [{ value: meeting }, earlier, reportsByCell] = await Promise.all([
    loadMeeting(meetingId),
    earlierMeetings(zoneId, month),
    readReportSummaries(month, zoneId),
  ]);
  const window = agendaWindow(meeting, earlier, now);
  const reports = reportStatesOf(meeting.expectedReports, reportsByCell);
  const sections = await Promise.all(
    agendaSources.map(
      async (source) => [source.name, await source.read(zoneId, window.since, window.until, month)] as const,
    ),
  );
  return {
    meetingId: meeting.id,
    month,
    zoneId,
    status: meeting.status,
    date: meeting.date,
    session: meeting.session,
    ...(meeting.dateDecision && { dateDecision: meeting.dateDecision }),
    window,
    expectedReports: meeting.expectedReports,
    reports,
    sections: Object.fromEntries(sections),
  };
}
