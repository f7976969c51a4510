/** The routes of the district's figures: proposals counted by field, month, zone, commune and state. */
import * as z from 'zod/mini';
import { MAX_STATS_MONTHS, STATS_READERS, statsQuerySchema } from '../../shared/domain/stats/proposal-stats';
import { countVerificationView, proposalStatsView } from '../../shared/domain/stats/stats-views';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';

const tag = 'Thống kê';

const query = z.strictObject(statsQuerySchema);
const readers = allow(STATS_READERS);
const zoneNote =
  'A zone’s head and deputy see their own zone only: `zoneId` is theirs by default, another zone is refused (403).';

export const statsRoutes = defineRoutes([
  {
    method: 'GET',
    path: '/stats/proposals',
    fn: 'statsRead',
    operation: 'stats.proposals',
    access: readers,
    tag,
    summary: 'Proposals counted by field, month, zone, commune or state over a range of months',
    description: `Imported records count like the others. The figures come from counters kept in the same transaction as every change of a proposal, so a request reads at most the counters of its months (at most ${MAX_STATS_MONTHS}), whatever the number of proposals. ${zoneNote}`,
    request: { query },
    response: { status: 200, description: 'The figures', body: proposalStatsView },
  },
  {
    method: 'GET',
    path: '/stats/proposals.csv',
    fn: 'statsRead',
    operation: 'stats.proposalsCsv',
    access: readers,
    tag,
    summary: 'The same figures as a CSV table (UTF-8 with BOM, Vietnamese headers)',
    description: zoneNote,
    request: { query },
    response: { status: 200, description: 'The table', media: 'text/csv; charset=utf-8' },
  },
  {
    method: 'GET',
    path: '/stats/proposals.svg',
    fn: 'statsRead',
    operation: 'stats.proposalsChart',
    access: readers,
    tag,
    summary: 'Monthly counts as bars stacked by field (SVG, Vietnamese labels)',
    description: `Every month of the range, with the same filters (\`by\` is ignored: the bars are always stacked by field). ${zoneNote}`,
    request: { query },
    response: { status: 200, description: 'The chart', media: 'image/svg+xml; charset=utf-8' },
  },
  {
    method: 'GET',
    path: '/stats/verify',
    fn: 'statsRead',
    operation: 'stats.verify',
    access: allow(['office']),
    tag,
    summary: 'Recount every proposal record and compare with the counters',
    description:
      'Reads the district’s whole proposal list and every record (a query, never a scan), so its cost grows with the proposals: an occasional check for the office, also run by `npm run verify`. Any difference is listed.',
    request: {},
    response: { status: 200, description: 'The recount', body: countVerificationView },
  },
]);
