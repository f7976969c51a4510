/** The `proposalRead` operations: a meeting's reports and each cell's report. */
import { json, type OperationsOf } from '../../shared/http/contract';
import { loadMeeting } from '../../shared/services/cycle/cycle-store';
import { presentReport, readReport, readReportStates } from '../../shared/services/proposals/report-store';
import type { proposalRoutes } from './routes';

export const proposalReadOperations: OperationsOf<typeof proposalRoutes, 'proposalRead'> = {
  'reports.list': async ({ path }) => {
    const { value: meeting } = await loadMeeting(path.meetingId);
    return json({ meetingId: meeting.id, items: await readReportStates(meeting) });
  },

  'reports.get': async ({ path }) => {
    const { value, version } = await readReport(path.meetingId, path.cellId);
    return json(await presentReport(value), version);
  },
};
