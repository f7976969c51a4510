/**
 * The `proposalRead` operations: a meeting's reports and floor proposals, each cell's report, and
 * proposals with their histories, shown only to those who may see them.
 */
import { withFieldLabel } from '../../shared/domain/proposals/proposal-fields';
import { presentProposal, presentProposalWithHistory } from '../../shared/domain/proposals/proposal-views';
import { vietnamDate, vietnamMonth } from '../../shared/domain/time';
import { json, type OperationsOf } from '../../shared/http/contract';
import { listReply } from '../../shared/http/page-query';
import { meetingPlace, readExpectedReports } from '../../shared/services/cycle/cycle-store';
import { readFloorProposals } from '../../shared/services/proposals/floor-proposals';
import { exportProposals } from '../../shared/services/proposals/proposal-export';
import { searchProposals } from '../../shared/services/proposals/proposal-search';
import { proposalNotFound, readProposalWithHistory } from '../../shared/services/proposals/proposal-store';
import {
  presentReport,
  readReport,
  readReportSummaries,
  reportStatesOf,
} from '../../shared/services/proposals/report-store';
import { proposalReader } from './proposal-actor';
import type { proposalRoutes } from './routes';

export const proposalReadOperations: OperationsOf<typeof proposalRoutes, 'proposalRead'> = {
  // the roster's expected reports only, not the whole meeting, read beside the reports and floor proposals.
  'reports.list': async ({ path }) => {
    const place = meetingPlace(path.meetingId);
    const [expected, byCell, floor] = await Promise.all([
      readExpectedReports(path.meetingId),
      readReportSummaries(place.month, place.zoneId),
      readFloorProposals(place),
    ]);
    return json({
      meetingId: path.meetingId,
      items: reportStatesOf(expected, byCell),
      floorProposals: floor.map(({ value }) => withFieldLabel(value)),
    });
  },

  'reports.get': async ({ path }) => {
    const { report, check } = await readReport(path.meetingId, path.cellId);
    return json(presentReport(report.value, check), report.version);
  },

  'proposals.list': async ({ query: { limit, cursor, ...filter }, caller }) => {
    const today = vietnamDate(new Date());
    const page = await searchProposals(filter, { limit, cursor }, proposalReader(caller), today);
    return json(
      listReply(
        page.items.map((record) => presentProposal(record, today)),
        page.nextCursor,
      ),
    );
  },

  'proposals.export': async ({ query, caller }) => {
    const month = vietnamMonth(new Date());
    const text = await exportProposals(query, proposalReader(caller), month);
    return { text, headers: { 'content-disposition': `attachment; filename="kien-nghi-${month}.csv"` } };
  },

  'proposals.get': async ({ path, caller }) => {
    const { record, trail } = await readProposalWithHistory(path.proposalId);
    if (!proposalReader(caller).sees(record.value)) throw proposalNotFound(path.proposalId);
    return json(presentProposalWithHistory(record.value, trail, vietnamDate(new Date())), record.version);
  },
};
