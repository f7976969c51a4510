/** The `proposalRead` operations: a meeting's reports and floor proposals, and each cell's report. */
import { withFieldLabel } from '../../shared/domain/proposals/proposal-fields';
import { json, type OperationsOf } from '../../shared/http/contract';
import { loadMeeting } from '../../shared/services/cycle/cycle-store';
import { readFloorProposals } from '../../shared/services/proposals/floor-proposals';
import { presentReport, readReport, readReportStates } from '../../shared/services/proposals/report-store';
import type { proposalRoutes } from './routes';

export const proposalReadOperations: OperationsOf<typeof proposalRoutes, 'proposalRead'> = {
  'reports.list': async ({ path }) => {
    const { value: meeting } = await loadMeeting(path.meetingId);
    const [items, floor] = await Promise.all([readReportStates(meeting), readFloorProposals(meeting)]);
    return json({ meetingId: meeting.id, items, floorProposals: floor.map(withFieldLabel) });
  },

  'reports.get': async ({ path }) => {
    const { value, version } = await readReport(path.meetingId, path.cellId);
    return json(await presentReport(value), version);
  },
};
