/**
 * Raising a meeting's proposals when it closes: every proposal of a submitted report (unless its
 * cell withdrew it) and every floor proposal becomes a numbered record in state `raised`.
 *
 * A zone of 60 cells brings 180 proposals and more, and one DynamoDB transaction holds at most
 * 100 actions, so raising cannot share the close's transaction. It runs before it, as a hook
 * (`meetingClosedHooks`), in transactions of its own, each all or nothing:
 * - a record's id comes from where the proposal comes from (`proposalIdOf`), and is created only
 *   if absent, so no proposal is ever raised twice; proposals already raised are skipped;
 * - numbers come from the zone's month counter (`keys.proposalNumbers`), advanced in the same
 *   transaction as the records it numbers, so a number is given once and never again;
 * - the meeting moves to `closed` only in the close's own transaction, after every proposal is
 *   raised. A close that fails midway leaves the meeting `held`, its proposals partly raised, and
 *   retrying the close raises the rest.
 * The words a search finds a record by are written with it (`addProposal`); those of a long text
 * beyond the first are written just after its transaction, and a retry writes them again for the
 * records it finds raised, so the meeting closes only once every word of every record is there.
 */

import { getItems, putDerivedEntries } from '../../db/batch';
import { ChangeSet, MAX_TRANSACTION_ITEMS } from '../../db/change-set';
import { keys } from '../../db/keys';
import { parseValues, queryAll, type Stored } from '../../db/store';
import type { Meeting } from '../../domain/cycle/meeting';
import { ConflictError } from '../../domain/errors';
import {
  type FloorProposal,
  numberPrefix,
  type ProposalRecord,
  type ProposalSource,
  proposalIdOf,
  proposalNumber,
} from '../../domain/proposals/proposal';
import { type ProposalState, proposalLifecycle } from '../../domain/proposals/proposal-lifecycle';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import type { Report, ReportProposal } from '../../domain/proposals/report';
import { reportRecord } from '../../domain/proposals/report-records';
import type { MeetingClosedEvent, MeetingClosedHook } from '../cycle/meeting-close-hooks';
import { countedItems } from '../stats/proposal-counters';
import { readFloorProposals } from './floor-proposals';
import { actionsToAdd, addProposal, remainingWordEntries } from './proposal-store';

/** A proposal the close raises, before it has a number. */
interface Raisable {
  readonly id: string;
  readonly source: ProposalSource;
  readonly cell: { readonly cellId: string; readonly cellName: string; readonly communeId: string };
  readonly proposal: Required<Pick<ReportProposal, 'field' | 'title' | 'content' | 'place' | 'addressee'>>;
  readonly note: string;
  /** A floor proposal is raised as read: it may be corrected or removed until the meeting closes. */
  readonly floorVersion?: number;
}

async function submittedReports(meeting: Meeting): Promise<Map<string, Report>> {
  const items = await queryAll({
    partition: keys.cyclePartition(meeting.month),
    prefix: keys.reportPrefix(meeting.zoneId),
  });
  const reports = parseValues(reportRecord, items).filter((r) => r.status === 'submitted');
  return new Map(reports.map((report) => [report.cellId, report]));
}

/** Submission checked every part of a report's proposals; a stored one lacking any is not a submitted one. */
function complete(proposal: ReportProposal): Raisable['proposal'] {
  const { field, title, content, place, addressee } = proposal;
  if (!field || !title || !content || !place || !addressee) throw new Error('a submitted proposal lacks a part');
  return { field, title, content, place, addressee };
}

/** What the meeting raises, in a fixed order: the cells' reports in the meeting's order, then the floor's. */
async function raisables(meeting: Meeting): Promise<Raisable[]> {
  const [reports, floor] = await Promise.all([submittedReports(meeting), readFloorProposals(meeting)]);
  const fromReports = meeting.expectedReports.flatMap(({ cellId }) => {
    const report = reports.get(cellId);
    if (!report) return [];
    return report.proposals.flatMap((proposal, i) => {
      // A withdrawn proposal keeps its position, so the ids of the others do not move.
      if (proposal.withdrawal) return [];
      const source: ProposalSource = { kind: 'report', index: i + 1 };
      return [
        {
          id: proposalIdOf(meeting.id, cellId, source),
          source,
          cell: report,
          proposal: complete(proposal),
          note: `Kiến nghị số ${i + 1} trong báo cáo của ${report.cellName}`,
        },
      ];
    });
  });
  const fromFloor = floor.map(({ value: entry, version }: Stored<FloorProposal>): Raisable => {
    const source: ProposalSource = { kind: 'floor', n: entry.n };
    const { field, title, content, place, addressee } = entry;
    return {
      id: proposalIdOf(meeting.id, entry.cellId, source),
      source,
      cell: entry,
      proposal: { field, title, content, place, addressee },
      note: `Nêu tại hội nghị, thay mặt ${entry.cellName}`,
      floorVersion: version,
    };
  });
  return [...fromReports, ...fromFloor];
}

function recordOf(meeting: Meeting, raisable: Raisable, number: string, to: ProposalState, at: string): ProposalRecord {
  return {
    id: raisable.id,
    number,
    status: to,
    level: null,
    meetingId: meeting.id,
    month: meeting.month,
    zoneId: meeting.zoneId,
    communeId: raisable.cell.communeId,
    cellId: raisable.cell.cellId,
    cellName: raisable.cell.cellName,
    ...raisable.proposal,
    source: raisable.source.kind,
    raisedAt: at,
    historyCount: 1,
  };
}

/** Requires the floor proposal still as it was read: a correction or removal since fails the close, whose retry reads it anew. */
function checkFloorUnchanged(changes: ChangeSet, meeting: Meeting, raisable: Raisable): void {
  if (raisable.floorVersion === undefined || raisable.source.kind !== 'floor') return;
  changes.check(
    keys.floorProposal(meeting.month, meeting.zoneId, raisable.source.n),
    {
      expression: '#version = :version',
      names: { '#version': 'version' },
      values: { ':version': raisable.floorVersion },
    },
    () =>
      new ConflictError(
        'concurrent_change',
        'Một kiến nghị nêu tại hội nghị vừa được sửa hoặc xoá; hãy tải lại rồi thử lại.',
      ),
  );
}

const concurrentClose = () =>
  new ConflictError('concurrent_close', 'Một lần đóng cuộc họp khác đang nêu các kiến nghị; hãy tải lại rồi thử lại.');

/** Moves the zone's month counter from `last` (absent when 0) to `next`, on the condition it still reads `last`. */
function advanceCounter(changes: ChangeSet, prefix: string, last: number, next: number): void {
  const key = keys.proposalNumbers(prefix);
  if (last === 0) {
    changes.reserve(key, { last: next }, concurrentClose);
  } else {
    changes.transfer(
      key,
      { last: next },
      { expression: '#last = :last', names: { '#last': 'last' }, values: { ':last': last } },
      concurrentClose,
    );
  }
}

interface Numbered {
  readonly raisable: Raisable;
  readonly record: ProposalRecord;
}

/** Consecutive groups that each fit one transaction with the shared actions. */
function transactionGroups(numbered: readonly Numbered[]): Numbered[][] {
  // every transaction of a close holds, besides its records', the number counter's action and the
  // statistics' (every record of a meeting shares its month and zone, and so its month).
  const shared = 1 + countedItems(numbered.map((entry) => entry.record));
  const groups: Numbered[][] = [];
  let group: Numbered[] = [];
  let actions = shared;
  for (const entry of numbered) {
    const needed = actionsToAdd(entry.record) + (entry.raisable.floorVersion === undefined ? 0 : 1);
    if (actions + needed > MAX_TRANSACTION_ITEMS) {
      groups.push(group);
      [group, actions] = [[], shared];
    }
    group.push(entry);
    actions += needed;
  }
  return [...groups, group];
}

/** Raises every proposal of the closing meeting not raised yet; see the module comment. */
export const raiseProposalsAtClose: MeetingClosedHook = async ({ meeting, changes, by }) => {
  const all = await raisables(meeting);
  if (all.length === 0) return;
  const to = proposalLifecycle.require('submitted', 'raise', by.roles);
  const prefix = numberPrefix(meeting.month, meeting.zoneId);
  const counterKey = keys.proposalNumbers(prefix);
  // the records raised already and the zone's last number, in one batch read.
  const items = await getItems([...all.map((r) => keys.proposal(r.id)), counterKey]);
  const counter = items.find((item) => item.PK === counterKey.PK && item.SK === counterKey.SK);
  const raised = parseValues(
    proposalRecordSchema,
    items.filter((item) => item !== counter),
  );
  return () => raisePending(meeting, changes.at, by, to, { all, raised, prefix, last: Number(counter?.last ?? 0) });
};

/** Writes what `raiseProposalsAtClose` read was still to do. */
async function raisePending(
  meeting: Meeting,
  at: string,
  by: MeetingClosedEvent['by'],
  to: ProposalState,
  read: { all: readonly Raisable[]; raised: readonly ProposalRecord[]; prefix: string; last: number },
): Promise<void> {
  const { all, raised, prefix } = read;
  // A close that failed after a record's transaction may not have written the rest of its words.
  await putDerivedEntries(raised.flatMap(remainingWordEntries));
  const raisedIds = new Set(raised.map((record) => record.id));
  const pending = all.filter((r) => !raisedIds.has(r.id));
  if (pending.length === 0) return;
  let last = read.last;
  const numbered = pending.map((raisable, i) => ({
    raisable,
    record: recordOf(meeting, raisable, proposalNumber(prefix, last + i + 1), to, at),
  }));
  for (const group of transactionGroups(numbered)) {
    const chunk = new ChangeSet(by.actor, new Date(at));
    advanceCounter(chunk, prefix, last, last + group.length);
    for (const { raisable, record } of group) {
      const from = raisable.source.kind === 'report' ? 'submitted' : null;
      checkFloorUnchanged(chunk, meeting, raisable);
      addProposal(chunk, record, {
        seq: 1,
        at,
        by: by.person,
        action: 'raise',
        from,
        to,
        note: raisable.note,
      });
    }
    await chunk.commit();
    await putDerivedEntries(group.flatMap(({ record }) => remainingWordEntries(record)));
    last += group.length;
  }
}
