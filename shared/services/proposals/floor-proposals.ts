/**
 * Proposals raised from the floor: while a meeting is held, its minutes keeper adds them on a
 * cell's behalf, and may correct or remove them until the close. Each is an item of its own beside
 * the meeting; every change to one is a meeting action (it counts them), so a close that read the
 * meeting before the change cannot commit. The close raises them in transactions of its own before
 * its last, so both sides also check the other: a change requires that the proposal is not raised
 * yet, and raising it requires the version of the floor proposal it read (`raise-proposals.ts`).
 */
import type { ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { getStored, parseStored, queryAll, type Stored } from '../../db/store';
import type { Meeting } from '../../domain/cycle/meeting';
import { ConflictError, type FieldProblem, NotFoundError, ValidationError } from '../../domain/errors';
import { type FloorProposal, type FloorProposalInput, proposalIdOf } from '../../domain/proposals/proposal';
import { floorProposalRecord } from '../../domain/proposals/proposal-records';
import { proposalProblems } from '../../domain/proposals/report-rules';
import type { ChangeBuilder, MeetingActor } from '../cycle/meeting-actions';
import { markReferencedUnits } from './referenced-units';
import { loadKnownUnits, loadReportRules } from './report-store';

/** The cell a floor proposal is attributed to, after checking it as specific as a report's. */
async function checkedCell(meeting: Meeting, input: FloorProposalInput) {
  const [rules, known] = await Promise.all([loadReportRules(), loadKnownUnits()]);
  const cell = meeting.expectedReports.find((entry) => entry.cellId === input.cellId);
  const problems: FieldProblem[] = [
    ...(cell
      ? []
      : [{ path: '/cellId', code: 'unknown_reference', message: `Chi bộ "${input.cellId}" không thuộc khu này` }]),
    ...proposalProblems(input, '', rules, known),
  ];
  if (!cell || problems.length > 0) throw new ValidationError(problems);
  return cell;
}

function floorRef(meeting: Pick<Meeting, 'id'>, n: number) {
  return { type: 'floor-proposal', id: `${meeting.id}.f${n}` };
}

/** Adds a floor proposal, as specific as a report's and attributed to a cell of the meeting. */
export function addFloorProposal(input: FloorProposalInput, by: MeetingActor): ChangeBuilder<FloorProposal> {
  return async (meeting, _to, changes) => {
    const cell = await checkedCell(meeting, input);
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
      floorRef(meeting, n),
      keys.floorProposal(meeting.month, meeting.zoneId, n),
      floor,
      () => new ConflictError('concurrent_change', 'Một kiến nghị khác vừa được ghi; hãy tải lại rồi thử lại.'),
    );
    return { after: { ...meeting, floorProposalCount: n }, made: floor };
  };
}

/** The meeting's n-th floor proposal, which must exist. */
async function loadFloorProposal(meeting: Meeting, n: number): Promise<Stored<FloorProposal>> {
  const stored = await getStored(floorProposalRecord, keys.floorProposal(meeting.month, meeting.zoneId, n));
  if (!stored) {
    throw new NotFoundError(`Cuộc họp không có kiến nghị nêu tại hội nghị số ${n}.`, 'floor_proposal_not_found');
  }
  return stored;
}

/** Requires that the close has not raised the floor proposal yet (it is raised under the cell it names). */
function requireNotRaised(changes: ChangeSet, floor: FloorProposal): void {
  const id = proposalIdOf(floor.meetingId, floor.cellId, { kind: 'floor', n: floor.n });
  changes.check(
    keys.proposal(id),
    { expression: 'attribute_not_exists(PK)' },
    () =>
      new ConflictError(
        'floor_proposal_raised',
        'Kiến nghị này vừa được nêu thành kiến nghị chính thức khi kết thúc cuộc họp; không sửa hay xoá được nữa.',
      ),
  );
}

/** Replaces the n-th floor proposal with `input` (checked as when added), keeping its number. */
export function editFloorProposal(
  n: number,
  input: FloorProposalInput,
  by: MeetingActor,
): ChangeBuilder<FloorProposal> {
  return async (meeting, _to, changes) => {
    const [stored, cell] = await Promise.all([loadFloorProposal(meeting, n), checkedCell(meeting, input)]);
    const floor: FloorProposal = {
      ...stored.value,
      ...input,
      cellName: cell.cellName,
      communeId: cell.communeId,
      editedBy: by.person,
      editedAt: changes.at,
    };
    requireNotRaised(changes, stored.value);
    markReferencedUnits(changes, input.cellId, [input]);
    changes.replace(floorRef(meeting, n), keys.floorProposal(meeting.month, meeting.zoneId, n), {
      before: stored.value,
      after: floor,
      expectedVersion: stored.version,
    });
    return { after: meeting, made: floor };
  };
}

/** Removes the n-th floor proposal; the numbers of the others do not move, and its own is not given again. */
export function removeFloorProposal(n: number): ChangeBuilder {
  return async (meeting, _to, changes) => {
    const stored = await loadFloorProposal(meeting, n);
    requireNotRaised(changes, stored.value);
    changes.remove(floorRef(meeting, n), keys.floorProposal(meeting.month, meeting.zoneId, n), {
      before: stored.value,
      expectedVersion: stored.version,
    });
    return { after: meeting };
  };
}

/** A meeting's floor proposals with their versions, in the order they were raised. */
export async function readFloorProposals(meeting: Pick<Meeting, 'month' | 'zoneId'>): Promise<Stored<FloorProposal>[]> {
  const items = await queryAll({
    partition: keys.cyclePartition(meeting.month),
    prefix: keys.floorProposalPrefix(meeting.zoneId),
  });
  return items.map((item) => parseStored(floorProposalRecord, item));
}
