/**
 * The `proposalWrite` operations: the cell's report through its lifecycle. Every report change runs
 * through `applyReportAction`, which asks the transition table and writes at the client's version.
 */
import { rolesOver } from '../../shared/domain/access/caller';
import { parseMeetingId } from '../../shared/domain/cycle/meeting-id';
import { actorOf, personOf } from '../../shared/http/actors';
import { json, type OperationInput, type OperationsOf } from '../../shared/http/contract';
import {
  agreeReport,
  applyReportAction,
  type ReportActor,
  reopenReport,
  submitReport,
  writeReport,
} from '../../shared/services/proposals/report-actions';
import { presentReport } from '../../shared/services/proposals/report-store';
import type { proposalRoutes } from './routes';

type ReportRequest = Pick<OperationInput<(typeof proposalRoutes)[number]>, 'caller' | 'ifMatch'> & {
  readonly path: { readonly meetingId: string; readonly cellId: string };
};

/** The caller as a report's actor: the roles they hold over the path's cell and zone. */
function reportActor({ caller, path }: ReportRequest): ReportActor {
  const zone = parseMeetingId(path.meetingId)?.zoneId;
  return {
    actor: actorOf(caller),
    person: personOf(caller),
    roles: rolesOver(caller.assignments, { cell: path.cellId, ...(zone && { zone }) }),
  };
}

function target({ path, ifMatch }: ReportRequest) {
  return { meetingId: path.meetingId, cellId: path.cellId, version: ifMatch };
}

async function reportReply(stored: { record: Parameters<typeof presentReport>[0]; version: number; created: boolean }) {
  return json(await presentReport(stored.record), stored.version, stored.created ? 201 : 200);
}

export const proposalWriteOperations: OperationsOf<typeof proposalRoutes, 'proposalWrite'> = {
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

  'reports.reopen': async (request) => {
    const by = reportActor(request);
    return reportReply(await applyReportAction(target(request), 'reopen', by, reopenReport(request.body.reason)));
  },
};
