/**
 * Proposals raised from the floor: while a meeting is held, its minutes keeper adds them on a
 * cell's behalf. Each is an item of its own beside the meeting; adding one is a meeting action
 * (it counts them), so a close that read the meeting before a floor proposal came cannot commit.
 */
import { keys } from '../../db/keys';
import { parseValues, queryAll } from '../../db/store';
import type { Meeting } from '../../domain/cycle/meeting';
import { ConflictError, type FieldProblem, ValidationError } from '../../domain/errors';
import type { FloorProposal, FloorProposalInput } from '../../domain/proposals/proposal';
import { floorProposalRecord } from '../../domain/proposals/proposal-records';
import { proposalProblems } from '../../domain/proposals/report-rules';
import type { ChangeBuilder, MeetingActor } from '../cycle/meeting-actions';
import { markReferencedUnits } from './referenced-units';
import { loadKnownUnits, loadReportRules } from './report-store';

/** Adds a floor proposal, as specific as a report's and attributed to a cell of the meeting. */
export function addFloorProposal(input: FloorProposalInput, by: MeetingActor): ChangeBuilder<FloorProposal> {
  return async (meeting, _to, changes) => {
    const [rules, known] = await Promise.all([loadReportRules(), loadKnownUnits()]);
    const cell = meeting.expectedReports.find((entry) => entry.cellId === input.cellId);
    const problems: FieldProblem[] = [
      ...(cell
        ? []
        : [{ path: '/cellId', code: 'unknown_reference', message: `Chi bộ "${input.cellId}" không thuộc khu này` }]),
      ...proposalProblems(input, '', rules, known),
    ];
    if (!cell || problems.length > 0) throw new ValidationError(problems);
    const n = (meeting.floorProposalCount ?? 0) + 1;
    const floor: FloorProposal = {
      ...input,
      meetingId: meeting.id,
      n,
      cellName: cell.cellName,
      communeId: cell.communeId,
      addedBy: by.person,
      addedAt: changes.at,
    };
    markReferencedUnits(changes, input.cellId, [input]);
    changes.create(
      { type: 'floor-proposal', id: `${meeting.id}.f${n}` },
      keys.floorProposal(meeting.month, meeting.zoneId, n),
      floor,
      new ConflictError('concurrent_change', 'Một kiến nghị khác vừa được ghi; hãy tải lại rồi thử lại.'),
    );
    return { after: { ...meeting, floorProposalCount: n }, made: floor };
  };
}

/** A meeting's floor proposals, in the order they were raised. */
export async function readFloorProposals(meeting: Pick<Meeting, 'month' | 'zoneId'>): Promise<FloorProposal[]> {
  const items = await queryAll({
    partition: keys.cyclePartition(meeting.month),
    prefix: keys.floorProposalPrefix(meeting.zoneId),
  });
  return parseValues(floorProposalRecord, items);
}
