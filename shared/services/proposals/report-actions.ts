/**
 * Every change to a cell's report goes through `applyReportAction`: read the meeting, the report
 * and the district's report rules (one round trip), check the client's version, refuse once the
 * meeting is held, ask the transition table, then write the report (audited) in one transaction that also checks the meeting has still not
 * been held, so no report slips in as the meeting starts. The actions only say how the report changes.
 */
import { type Actor, ChangeSet, type Condition } from '../../db/change-set';
import { keys } from '../../db/keys';
import type { ExpectedReport, Meeting, Person } from '../../domain/cycle/meeting';
import type { MeetingState } from '../../domain/cycle/meeting-lifecycle';
import {
  ConflictError,
  type FieldProblem,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../../domain/errors';
import { proposalLifecycle } from '../../domain/proposals/proposal-lifecycle';
import type { AgreementInput, Report, ReportBody } from '../../domain/proposals/report';
import { type ReportAction, type ReportState, reportLifecycle } from '../../domain/proposals/report-lifecycle';
import type { Role } from '../../domain/structure/roles';
import { vietnamDate } from '../../domain/time';
import { markReferencedUnits } from './referenced-units';
import { expectedCell, loadReportScene, type ReportCheck, reportNotFound, reportRef } from './report-store';

/** Who acts: the audit actor, the person recorded on the report and the roles held over its cell. */
export interface ReportActor {
  readonly actor: Actor;
  readonly person: Person;
  readonly roles: ReadonlySet<Role>;
}

/** The report a request names, and the version its client read (`If-Match`), asked for only when it exists. */
export interface ReportTarget {
  readonly meetingId: string;
  readonly cellId: string;
  readonly version: () => number;
}

/** How an action changes a report: the report after it, and the reason the audit keeps. */
interface ReportChange {
  readonly after: Report;
  readonly reason?: string;
}

/** Builds the change from the report as it is (absent before its first writing). */
type ReportBuilder = (
  report: Report | undefined,
  context: {
    readonly to: ReportState;
    readonly at: string;
    readonly meeting: Meeting;
    readonly cell: ExpectedReport;
    readonly check: ReportCheck;
  },
) => ReportChange;

/** The meeting states in which its reports may still change: before it is held. */
const OPEN_FOR_REPORTS: readonly MeetingState[] = ['needs-date', 'scheduled'];

const meetingHeld = () =>
  new ConflictError(
    'meeting_held',
    'Cuộc họp đã diễn ra hoặc đã kết thúc; báo cáo của chi bộ không thay đổi được nữa.',
  );

/** Refuses a change to the reports of a meeting that was held, closed or cancelled. */
function requireOpenForReports(meeting: Meeting): void {
  if (OPEN_FOR_REPORTS.includes(meeting.status)) return;
  if (meeting.status === 'cancelled') {
    throw new ConflictError('meeting_cancelled', 'Cuộc họp đã bị huỷ nên không nhận báo cáo.');
  }
  throw meetingHeld();
}

/** True while the meeting item is in a state that takes report changes: checked inside the report's transaction. */
const stillOpenForReports: Condition = {
  expression: '#status IN (:needsDate, :scheduled)',
  names: { '#status': 'status' },
  values: { ':needsDate': 'needs-date', ':scheduled': 'scheduled' },
};

/**
 * Applies `action` to the report; returns the stored report, its version, whether it was created and
 * the check its reply shows (all reads are one round trip before the transaction, none after).
 */
export async function applyReportAction(
  target: ReportTarget,
  action: ReportAction,
  by: ReportActor,
  build: ReportBuilder,
): Promise<{ record: Report; version: number; created: boolean; check: ReportCheck }> {
  const { meeting: loaded, report: stored, check } = await loadReportScene(target.meetingId, target.cellId);
  const meeting = loaded.value;
  const cell = expectedCell(meeting, target.cellId);
  if (!stored && action !== 'write') throw reportNotFound(target.cellId);
  const version = stored ? target.version() : 0;
  if (stored && stored.version !== version) throw new PreconditionFailedError();
  requireOpenForReports(meeting);
  // A report not yet written is an empty draft.
  const to = reportLifecycle.require(stored?.value.status ?? 'draft', action, by.roles);
  const changes = new ChangeSet(by.actor);
  const { after, reason } = build(stored?.value, { to, at: changes.at, meeting, cell, check });
  const ref = reportRef(meeting.id, cell.cellId);
  const key = keys.report(meeting.month, meeting.zoneId, cell.cellId);
  if (stored) {
    changes.replace(ref, key, { before: stored.value, after, expectedVersion: version, action, reason });
  } else {
    changes.create(
      ref,
      key,
      after,
      () => new ConflictError('report_exists', 'Chi bộ vừa viết báo cáo này; hãy tải lại.'),
    );
  }
  changes.check(keys.meeting(meeting.month, meeting.zoneId), stillOpenForReports, meetingHeld());
  // the report names its cell from its first writing; its proposals name their addressees once submitted.
  if (!stored) markReferencedUnits(changes, cell.cellId, []);
  if (action === 'submit') markReferencedUnits(changes, cell.cellId, after.proposals);
  await changes.commit();
  return { record: after, version: version + 1, created: !stored, check };
}

/** The report an action other than a write works on: `applyReportAction` answers 404 before building without one. */
function written(report: Report | undefined): Report {
  if (!report) throw new Error('only a write may find no report');
  return report;
}

/** Writes the whole report; a change to an agreed report returns it to draft and drops the agreement. */
export function writeReport(body: ReportBody, by: ReportActor): ReportBuilder {
  return (_report, { to, at, meeting, cell }) => ({
    after: {
      meetingId: meeting.id,
      month: meeting.month,
      zoneId: meeting.zoneId,
      cellId: cell.cellId,
      cellName: cell.cellName,
      communeId: cell.communeId,
      communeName: cell.communeName,
      status: to,
      ...body,
      agreement: null,
      writtenBy: by.person,
      writtenAt: at,
    },
  });
}

/** Records the cell committee's agreement: held on a past day, by no more members than it has. */
export function agreeReport(input: AgreementInput, by: ReportActor): ReportBuilder {
  return (report, { to, at }) => {
    const problems: FieldProblem[] = [];
    if (input.agreedOn > vietnamDate(new Date(at))) {
      problems.push({ path: '/agreedOn', code: 'in_future', message: 'Ngày chi uỷ thông qua chưa đến' });
    }
    if (input.membersPresent > input.membersTotal) {
      problems.push({
        path: '/membersPresent',
        code: 'more_than_total',
        message: 'Số chi uỷ viên có mặt không thể nhiều hơn tổng số chi uỷ viên',
      });
    }
    if (problems.length > 0) throw new ValidationError(problems);
    return {
      after: { ...written(report), status: to, agreement: { ...input, recordedBy: by.person, recordedAt: at } },
    };
  };
}

/** Submits an agreed report that says everything the district's rules ask, specifically. */
export function submitReport(by: ReportActor): ReportBuilder {
  return (report, { to, at, check }) => {
    const current = written(report);
    const problems = check(current);
    if (problems.length > 0) {
      throw new ValidationError(problems, 'Báo cáo chưa đủ cụ thể để trình; xem danh sách lỗi.');
    }
    return { after: { ...current, status: to, submittedBy: by.person, submittedAt: at } };
  };
}

/**
 * Withdraws the n-th proposal (from 1) of a submitted report, with the reason the audit and the
 * report keep; the proposal table says whether it may still be withdrawn.
 */
export function withdrawProposal(n: number, reason: string, by: ReportActor): ReportBuilder {
  return (report, { to, at }) => {
    const current = written(report);
    const proposal = current.proposals[n - 1];
    if (!proposal) {
      throw new NotFoundError(`Báo cáo không có kiến nghị số ${n}.`, 'report_proposal_not_found');
    }
    proposalLifecycle.require(proposal.withdrawal ? 'withdrawn' : 'submitted', 'withdraw', by.roles);
    const proposals = current.proposals.with(n - 1, { ...proposal, withdrawal: { reason, by: by.person, at } });
    return { after: { ...current, status: to, proposals }, reason };
  };
}

/** The office returns a submitted report to its cell as a draft, with the reason the audit keeps. */
export function reopenReport(reason: string): ReportBuilder {
  return (report, { to }) => {
    const { submittedBy: _by, submittedAt: _at, ...rest } = written(report);
    return { after: { ...rest, status: to, agreement: null }, reason };
  };
}
