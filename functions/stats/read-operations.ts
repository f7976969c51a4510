/** The `statsRead` operations: the figures as JSON, CSV and a chart, and the recount of the counters. */
import { ValidationError } from '../../shared/domain/errors';
import { proposalFieldLabels } from '../../shared/domain/proposals/proposal-fields';
import { monthlyFieldChart } from '../../shared/domain/stats/proposal-chart';
import { monthLabel, type StatsQuery } from '../../shared/domain/stats/proposal-stats';
import { statsTableCsv } from '../../shared/domain/stats/stats-csv';
import { vietnamDate, vietnamMonth } from '../../shared/domain/time';
import type { Access } from '../../shared/http/access';
import { json, type OperationsOf } from '../../shared/http/contract';
import {
  proposalStats,
  tallyProposals,
  verifyProposalCounts,
  zoneName,
} from '../../shared/services/stats/proposal-stats';
import type { statsRoutes } from './routes';

/** The query as the caller may ask it: a zone's head or deputy gets their zone, and 403 for another. */
function scoped<Q extends StatsQuery>(query: Q, access: Access): Q {
  const zones = access.reach('zone');
  if (zones === 'all') return query;
  if (query.zoneId !== undefined) {
    access.require({ zone: query.zoneId });
    return query;
  }
  const [only, ...others] = zones;
  if (only === undefined || others.length > 0) {
    throw new ValidationError([
      { path: '/query/zoneId', code: 'required', message: 'Cần chọn khu (zoneId) để xem thống kê' },
    ]);
  }
  return { ...query, zoneId: only };
}

const thisMonth = () => vietnamMonth(new Date());
const today = () => vietnamDate(new Date());

export const statsReadOperations: OperationsOf<typeof statsRoutes, 'statsRead'> = {
  'stats.proposals': async ({ query, access }) => json(await proposalStats(scoped(query, access), today())),

  'stats.proposalsCsv': async ({ query, access }) => {
    const figures = await proposalStats(scoped(query, access), today());
    const name = `thong-ke-kien-nghi-${figures.by}-${figures.from}-${figures.to}.csv`;
    return { text: statsTableCsv(figures), headers: { 'content-disposition': `attachment; filename="${name}"` } };
  },

  'stats.proposalsChart': async ({ query, access }) => {
    const asked = scoped({ ...query, by: 'field' as const }, access);
    // the zone's name alone: the chart's cost is that of its months, not of the district's units.
    const [{ from, to, counted }, zone] = await Promise.all([
      tallyProposals(asked, thisMonth()),
      asked.zoneId === undefined ? undefined : zoneName(asked.zoneId),
    ]);
    const scope = [zone, asked.field !== undefined ? proposalFieldLabels[asked.field] : undefined].filter(Boolean);
    const title = `Số kiến nghị theo tháng và lĩnh vực, ${monthLabel(from)} – ${monthLabel(to)}${scope.length > 0 ? ` (${scope.join(', ')})` : ''}`;
    return { text: monthlyFieldChart(counted, { from, to }, title) };
  },

  'stats.verify': async () => json(await verifyProposalCounts()),
};
