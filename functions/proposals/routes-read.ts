/** The cell reports' and proposals' read routes: reports, proposals, their histories and the search. */
import * as z from 'zod/mini';
import { ZONE_MEMBERS } from '../../shared/domain/cycle/meeting-lifecycle';
import { proposalFilterSchema } from '../../shared/domain/proposals/proposal-filter';
import { PROPOSAL_READERS } from '../../shared/domain/proposals/proposal-lifecycle';
import { proposalDetailView, proposalPageView } from '../../shared/domain/proposals/proposal-views';
import { meetingReportsView, reportView } from '../../shared/domain/proposals/report-views';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { pageQuery } from '../../shared/http/page-query';
import { meetingPath, proposalPath, reportNotFound, reportPath, tag } from './route-parts';

/** The zone's members read its meeting's reports. */
const REPORT_READERS = allow(ZONE_MEMBERS, { zone: 'meeting.path.meetingId' });

/** The routes proposalRead serves. */
export const proposalReadRoutes = defineRoutes([
  {
    method: 'GET',
    path: '/meetings/{meetingId}/reports',
    fn: 'proposalRead',
    operation: 'reports.list',
    access: REPORT_READERS,
    tag,
    summary: 'The reports a meeting expects, with the state of each',
    description: 'Every cell of the zone, in the meeting’s order; `missing` until the cell writes its report.',
    request: { path: meetingPath },
    response: { status: 200, description: 'The cells and their reports’ states', body: meetingReportsView },
    problems: { 404: ['meeting_not_found'] },
  },
  {
    method: 'GET',
    path: '/meetings/{meetingId}/reports/{cellId}',
    fn: 'proposalRead',
    operation: 'reports.get',
    access: REPORT_READERS,
    tag,
    summary: 'A cell’s report',
    description: '`problems` lists what submission would refuse now; empty when the report may be submitted.',
    request: { path: reportPath },
    response: { status: 200, description: 'The report', body: reportView, etag: true },
    problems: { 404: reportNotFound },
  },
  {
    method: 'GET',
    path: '/proposals',
    fn: 'proposalRead',
    operation: 'proposals.list',
    access: allow(PROPOSAL_READERS),
    tag,
    summary: 'Find proposals: by months, units, field, state, level, addressee, overdue and words',
    description:
      'Newest month first, only those the caller may see. `q` matches words of the title and content in any order, without regard to diacritics or case (`duong lang` finds “đường làng”). A page reads a bounded number of entries, so it may hold fewer than `limit` proposals and still carry `nextCursor`.',
    request: { query: z.strictObject({ ...pageQuery, ...proposalFilterSchema }) },
    response: { status: 200, description: 'A page of proposals', body: proposalPageView },
  },
  {
    method: 'GET',
    path: '/proposals/export.csv',
    fn: 'proposalRead',
    operation: 'proposals.export',
    access: allow(PROPOSAL_READERS),
    tag,
    summary: 'The proposals a search finds, as a CSV file (UTF-8 with BOM, Vietnamese headers)',
    description:
      'The filters and visibility of `GET /proposals`, every page at once, newest month first. Built page by page (a Lambda reply is buffered, not streamed) up to 5 MB (about 15,000 proposals); a larger search is refused (`export_too_large`): narrow the months or filters.',
    request: { query: z.strictObject(proposalFilterSchema) },
    response: { status: 200, description: 'The CSV file', media: 'text/csv; charset=utf-8' },
    problems: { 400: ['export_too_large'] },
  },
  {
    method: 'GET',
    path: '/proposals/{proposalId}',
    fn: 'proposalRead',
    operation: 'proposals.get',
    access: allow(PROPOSAL_READERS),
    tag,
    summary: 'A proposal with its whole history',
    description: 'Answers 404 to a caller who may not see the proposal, as if it did not exist.',
    request: { path: proposalPath },
    response: {
      status: 200,
      description: 'The proposal and every transition, oldest first',
      body: proposalDetailView,
      etag: true,
    },
    problems: { 404: ['proposal_not_found'] },
  },
]);
