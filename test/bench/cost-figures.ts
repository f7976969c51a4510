/**
 * The cost model's inputs from what the bench measured: each route's capacity units and time
 * from the route walk, and the resources of the gia-loc stack as synthesised (without bundling).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { METRICS_NAMESPACE } from '../../shared/observability/metrics';
import { WITHOUT_BUNDLING_OR_SCHEMA_CHECK } from '../infra/helpers';
import { ARTICLE_VOLUME, type CallCost, districtMonthCost, type Resources, totalOf, type Volume } from './cost-model';
import type { Figure } from './figures';

const SECTION = 'cost per district-month';
const GOAL_USD = 2;

export interface AlarmProperties {
  readonly Namespace?: string;
  /** A metric-math alarm's queries: the metrics it reads, and the expressions over them. */
  readonly Metrics?: readonly { readonly MetricStat?: unknown; readonly Expression?: string }[];
}

/** The metrics an alarm reads: one, or each of its metric-math alarm's (each billed as an alarm). */
export function metricsRead(alarm: AlarmProperties): number {
  return alarm.Metrics ? alarm.Metrics.filter((query) => query.MetricStat !== undefined).length : 1;
}

/** What the stack creates for the sample district whatever the traffic. */
export function stackResources(): Resources {
  const { districts } = buildApp({
    districtIds: ['gia-loc'],
    allowSamples: true,
    appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
  });
  const templates = districts.flatMap(({ data, api }) => [Template.fromStack(data), Template.fromStack(api)]);
  const count = (type: string) => templates.reduce((sum, t) => sum + Object.keys(t.findResources(type)).length, 0);
  const alarms = templates.flatMap((t) =>
    Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties as AlarmProperties),
  );
  return {
    alarms: alarms.length,
    alarmMetrics: alarms.reduce((sum, alarm) => sum + metricsRead(alarm), 0),
    // the code publishes no metric per request, only the scheduled checks' that an alarm reads.
    customMetrics: alarms.filter((alarm) => alarm.Namespace === METRICS_NAMESPACE).length,
    dashboards: count('AWS::CloudWatch::Dashboard'),
    kmsKeys: count('AWS::KMS::Key'),
    schedules: count('AWS::Scheduler::Schedule'),
    queues: count('AWS::SQS::Queue'),
    memoryMb: 512,
  };
}

function measuredCosts(figures: readonly Figure[]): Map<string, CallCost> {
  const costs = new Map<string, CallCost>();
  for (const figure of figures) {
    const data = figure.data;
    if (figure.section !== 'requests per call' || !data || Number(data.status) >= 300) continue;
    costs.set(figure.name, {
      readUnits: Number(data.readUnits),
      writeUnits: Number(data.writeUnits),
      ms: Number(data.handlerMs) + Number(data.databaseMs),
    });
  }
  return costs;
}

export function costFigures(figures: readonly Figure[]): Figure[] {
  const costs = measuredCosts(figures);
  if (costs.size === 0) return [];
  const mean = (value: (cost: CallCost) => number) =>
    [...costs.values()].reduce((s, c) => s + value(c), 0) / costs.size;
  const fallback = {
    readUnits: mean((c) => c.readUnits),
    writeUnits: mean((c) => c.writeUnits),
    ms: mean((c) => c.ms),
  };
  const resources = stackResources();
  const price = (volume: Volume) => districtMonthCost(volume, (route) => costs.get(route), fallback, resources);
  const article = price(ARTICLE_VOLUME);
  const tenfold = price({
    proposals: ARTICLE_VOLUME.proposals * 10,
    reports: ARTICLE_VOLUME.reports * 10,
    meetings: ARTICLE_VOLUME.meetings * 10,
    officials: ARTICLE_VOLUME.officials * 10,
  });
  return [
    ...article.map((line, i) => ({
      section: SECTION,
      name: line.item,
      value: `${line.usd.toFixed(3)} USD (10 ×: ${(tenfold[i]?.usd ?? 0).toFixed(3)})`,
      data: { usd: line.usd, tenfoldUsd: tenfold[i]?.usd ?? 0 },
    })),
    {
      section: SECTION,
      name: 'total at the article’s volume (30 proposals, 200 reports, 6 meetings, 60 officials)',
      value: `${totalOf(article).toFixed(2)} USD`,
      budget: `< ${GOAL_USD} USD`,
      pass: totalOf(article) < GOAL_USD,
      data: { usd: totalOf(article) },
    },
    {
      section: SECTION,
      name: 'total at ten times that volume',
      value: `${totalOf(tenfold).toFixed(2)} USD`,
      data: { usd: totalOf(tenfold) },
    },
  ];
}
