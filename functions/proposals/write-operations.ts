/**
 * The `proposalWrite` operations: the cell's report through its lifecycle, and the floor's
 * proposals, and routing and merging proposals. Every change runs through its area's `apply…Action`
 * (reports, meetings, proposals): each asks its transition table and writes at the client's version.
 */
import { withFieldLabel } from '../../shared/domain/proposals/proposal-fields';
import { presentProposal } from '../../shared/domain/proposals/proposal-views';
import { vietnamDate } from '../../shared/domain/time';
import { actorOver, meetingActorOf } from '../../shared/http/actors';
import { json, type OperationInput, type OperationsOf } from '../../shared/http/contract';
import { applyMeetingAction } from '../../shared/services/cycle/meeting-actions';
import {
  addFloorProposal,
  editFloorProposal,
  removeFloorProposal,
} from '../../shared/services/proposals/floor-proposals';
import {
  applyProposalAction,
  mergeProposal,
  routeAction,
  routeProposal,
} from '../../shared/services/proposals/proposal-actions';
import {
  agreeReport,
  applyReportAction,
  type ReportActor,
  reopenReport,
  submitReport,
  withdrawProposal,
  writeReport,
} from '../../shared/services/proposals/report-actions';
import { presentReport } from '../../shared/services/proposals/report-store';
import { proposalActor } from './proposal-actor';
import type { proposalWriteRoutes } from './routes-write';

type ReportRequest = Pick<OperationInput<(typeof proposalWriteRoutes)[number]>, 'caller' | 'ifMatch'> & {
  readonly path: { readonly meetingId: string; readonly cellId: string };
};

/** The caller as a report's actor: the roles they hold over the path's cell. */
function reportActor({ caller, path }: ReportRequest): ReportActor {
  return actorOver(caller, { cell: path.cellId });
}

function target({ path, ifMatch }: ReportRequest) {
  return { meetingId: path.meetingId, cellId: path.cellId, version: ifMatch };
}

function reportReply(stored: Awaited<ReturnType<typeof applyReportAction>>) {
  return json(presentReport(stored.record, stored.check), stored.version, stored.created ? 201 : 200);
}

export const proposalWriteOperations: OperationsOf<typeof proposalWriteRoutes, 'proposalWrite'> = {
  'reports.put': async (request) => {
    const by = reportActor(request);
    return reportReply(await applyReportAction(target(request), 'write', by, writeReport(request.body, by)));
  },

  'reports.agree': async (request) => {
    const by = reportActor(request);
    return reportReply(await applyReportAction(target(request), 'agree', by, agreeReport(request.body, by)));
  },

  'reports.submit': async (request) => {
    const by = reportActor(request);
    return reportReply(await applyReportAction(target(request), 'submit', by, submitReport(by)));
  },

  'reports.withdrawProposal': async (request) => {
    const by = reportActor(request);
    const build = withdrawProposal(request.path.n, request.body.reason, by);
    return reportReply(await applyReportAction(target(request), 'withdraw-proposal', by, build));
  },

  'floorProposals.add': async ({ path, body, caller, expectedVersion }) => {
    const by = meetingActorOf(caller, path.meetingId);
    const { made } = await applyMeetingAction(
      path.meetingId,
      'add-floor-proposal',
      by,
      expectedVersion,
      addFloorProposal(body, by),
    );
    if (!made) throw new Error('adding a floor proposal always makes one');
    return json(withFieldLabel(made), undefined, 201);
  },

  'floorProposals.edit': async ({ path, body, caller, expectedVersion }) => {
    const by = meetingActorOf(caller, path.meetingId);
    const build = editFloorProposal(path.n, body, by);
    const { made } = await applyMeetingAction(path.meetingId, 'edit-floor-proposal', by, expectedVersion, build);
    if (!made) throw new Error('correcting a floor proposal always makes one');
    return json(withFieldLabel(made));
  },

  'floorProposals.remove': async ({ path, caller, expectedVersion }) => {
    const by = meetingActorOf(caller, path.meetingId);
    await applyMeetingAction(path.meetingId, 'remove-floor-proposal', by, expectedVersion, removeFloorProposal(path.n));
    return { status: 204 };
  },

  'reports.reopen': async (request) => {
    const by = reportActor(request);
    return reportReply(await applyReportAction(target(request), 'reopen', by, reopenReport(request.body.reason)));
  },

  'proposals.route': async ({ path, body, caller, expectedVersion }) => {
    const { record, version } = await applyProposalAction(
      path.proposalId,
      routeAction(body.level),
      proposalActor(caller),
      expectedVersion,
      routeProposal(body.level, body.reason),
    );
    return json(presentProposal(record, vietnamDate(new Date())), version);
  },

  'proposals.merge': async ({ path, body, caller, expectedVersion }) => {
    const actor = proposalActor(caller);
    const { record, version } = await mergeProposal(path.proposalId, body.into, body.reason, actor, expectedVersion);
    return json(presentProposal(record, vietnamDate(new Date())), version);
  },
};
