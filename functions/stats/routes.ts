/** The routes of the district's figures: proposals counted by field, month, zone, commune, state and department, and how they were resolved. */
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
    summary:
      'Proposals counted by field, month, zone, commune, state or department over a range of months, and how they were resolved',
    description: `Imported records count like the others. By \`department\`, a proposal counts once for each department assigned to answer it (re-assignment moves it), and under \`_none\` while none is. \`resolution\` gives, for the same range and filters, the shares closed, answered and solved in fact (confirmed by the cell), the departments' accepted answers (on time, median days from raising to acceptance, rounds per answer), and what is overdue today per department and per commune. The figures come from counters kept in the same transaction as every change of a proposal, so a request reads the counters of its months (at most ${MAX_STATS_MONTHS}) and the entries of what is overdue today, whatever the number of proposals: one small item a month, whatever the district's size, unless it filters by zone or groups by zone or commune (then each zone's item of each month). ${zoneNote}`,
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
    summary:
      'The same figures as a CSV table (UTF-8 with BOM, Vietnamese headers), the resolution figures below the groups',
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
      'Reads the district’s whole proposal list and every record (a query, never a scan), so its cost grows with the proposals: an occasional check for the office, also run by `npm run verify`. Recounts every counter (counts, departments, solved in fact, answers on time, rounds, days to acceptance) and every overdue entry; any difference is listed. Exact while others write: a month and zone changed during the recount is compared again alone, between two reads of its counters that no change came between; one still being written after three tries is listed under `unsettled` instead.',
    request: {},
    response: { status: 200, description: 'The recount', body: countVerificationView },
  },
]);
